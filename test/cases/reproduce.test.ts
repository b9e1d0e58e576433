/**
 * Reproduce the published 项目支出绩效自评表 of ../shared/cases with the scoring engine, indicator by indicator.
 *
 * For every case: the rule set whose formulas match the form (why: in a comment, citing the case notes and
 * domain-rules.md), then one expectation per printed row:
 * - same(name): the engine's score equals the published one;
 * - gap(name, engine, gap, why): the publisher deviated from any consistent rule; the engine's score and the exact
 *   gap (published − engine) are asserted and the kind of deviation is named in the title;
 * - error(name, …messages): the engine refuses to score the row (blank or unreadable cell) and its error names it;
 * - noPublished(name, engine, why): the table prints no score for the row;
 * - parent(name): a parent row whose printed score is the sum of its children (the engine has no parent rows).
 *
 * Tier weights: shipped rule sets fix 一级指标分值 (50/30/10, 40/30/10), but a unit sets its own 三级 分值 and many
 * forms print their own block totals, and most excerpts are cut off. `tableWeights` keeps a shipped rule set's
 * formulas, caps and rounding and only replaces 一级指标分值 (and 执行率 分值) by the table's own — always stated.
 * Every expected number comes from the case file or from the hand computation in the comment beside it.
 * Rounding: every shipped rule set rounds to 2 decimals (hebei-integer: integers); no table is given a
 * rounding of its own, so a publisher's one-decimal rounding shows as a gap.
 */
import { describe, expect, it } from 'vitest';
import { round } from '../../src/core/rounding.js';
import type { ScoringRules } from '../../src/core/scoring/types.js';
import { loadRuleSet } from '../../src/io/rules.js';
import { ActualsDocument } from '../../src/model/actuals.js';
import { GoalDocument } from '../../src/model/goals.js';
import type { RuleSet } from '../../src/model/rule-set.js';
import {
  type CaseFile,
  type CaseRun,
  caseFiles,
  childrenOf,
  convertCase,
  isParentRow,
  loadCase,
  scoreCase,
} from './convert.js';

const RULES = {
  national: await loadRuleSet('national'),
  hubei20: await loadRuleSet('hubei-20'),
  yunnan20: await loadRuleSet('yunnan-20'),
  yunnanUncapped: await loadRuleSet('yunnan-uncapped'),
  sichuan: await loadRuleSet('sichuan'),
  hebeiInteger: await loadRuleSet('hebei-integer'),
};

/** A shipped rule set with the table's own 一级指标分值 (and 执行率 分值); formulas, caps and rounding unchanged. */
function tableWeights(base: ScoringRules, weights: Record<string, number>, execution?: number): ScoringRules {
  const r = base.ruleSet;
  const ruleSet: RuleSet = {
    ...r,
    execution: { ...r.execution, weight: execution ?? r.execution.weight },
    tiers: { ...r.tiers, weights, whenMissing: null },
  };
  return { ...base, ruleSet };
}

type Row =
  | { kind: 'reproduced'; name: string }
  | { kind: 'deviation'; name: string; engine: number; gap: number; why: string }
  | { kind: 'unscorable'; name: string; messages: RegExp[] }
  | { kind: 'unpublished'; name: string; engine: number; why: string }
  | { kind: 'parent'; name: string };
type Kind = Row['kind'];

const same = (name: string): Row => ({ kind: 'reproduced', name });
const gap = (name: string, engine: number, gap: number, why: string): Row => ({
  kind: 'deviation',
  name,
  engine,
  gap,
  why,
});
const error = (name: string, ...messages: RegExp[]): Row => ({ kind: 'unscorable', name, messages });
const parent = (name: string): Row => ({ kind: 'parent', name });

/** The budget row or the total: reproduced, or a deviation with the engine's number and the gap. */
type Figure =
  | { kind: 'reproduced' }
  | { kind: 'deviation'; engine: number; gap: number; why: string }
  | { kind: 'unpublished'; engine: number; why: string }
  | { kind: 'unscorable'; why: string };

interface Spec {
  file: string;
  /** Rule set, for the describe title. */
  label: string;
  rules: ScoringRules;
  /** 执行率 as the engine reports it (a share, 4 decimals). */
  rate: number;
  budget: Figure;
  /** Only where published_total is given and the table is complete. */
  total?: Figure;
  rows: Row[];
  /** Case-specific checks: engine suspects (it.fails), rule-set variants. */
  extra?: (c: CaseFile) => void;
}

/** published − engine, free of float noise (3 − 2.92 = 0.08). */
const diff = (published: number, engine: number) => round(published - engine, { decimals: 6, mode: 'half-up' });
const signed = (x: number) => (x > 0 ? `+${x}` : String(x));

const SPECS: Spec[] = [
  {
    // Anhui MOF layout (domain-rules §1.2, S7 is this very table): execution 10, 产出(50分) 效益(30分) 满意度(10分).
    // national formulas. The excerpt ends inside 满意度, so the tiers are the printed 产出 50 · 效益 30 only
    // (whenMissing must not move 满意度's 10 points into 效益: the block exists, it is just cut off).
    file: 'anhui_chizhou_tangxi_2022_entrusted_services.json',
    label: 'national, printed tiers 产出50·效益30 (满意度 cut off)',
    rules: tableWeights(RULES.national, { 产出指标: 50, 效益指标: 30 }),
    rate: 1, // 89.974 / 89.974
    // 10 × 89.974/89.974 = 10; the 年度资金总额 row prints 0 in every cell (notes: unfilled formula cells).
    budget: { kind: 'deviation', engine: 10, gap: -10, why: 'publisher left the 年度资金总额 row unfilled (prints 0)' },
    rows: [
      same('基建工程委托业务项目数量'), // 50 ≥ 50个 → 8
      same('委托业务报告合格率'), // 100 vs ≥100百分比 → 8
      same('经费支出合规性'), // qualitative, 达成预期指标 → 达成, top of band → 8
      same('提交报告及时性'), // "在项目计划完成时间内完成" has no date: qualitative → 8
      same('项目总成本'), // reverse: 90 ≤ 90万元 → 8
      same('单项业务成本'),
      same('对维护基建市场公平的影响程度'),
      same('对控制基建项目成本影响程度'),
      same('对推动基建项目“四项制度”健全和落实的持续性影响'),
    ],
  },
  {
    // Anhui MOF layout with the footnote "一级指标分值统一设置为产出50、效益30、满意度10、预算执行率10" (S6 is this
    // table): the national rule set exactly, no override. Six rows have blank 年度指标值 and 实际完成值 (the target
    // is inside the name, e.g. "年度资金支付完成率100%"): the engine must refuse them, never score a silent zero.
    file: 'anhui_tianchang_water_2022_flood_defense.json',
    label: 'national as shipped',
    rules: RULES.national,
    rate: 1, // 880 / 880
    budget: { kind: 'reproduced' }, // 10 × 1 = 10
    // Printed 100 = 10 + 50 + 30 + 10, but six rows cannot be scored, so the engine gives no total.
    total: { kind: 'unscorable', why: 'six blank rows' },
    rows: [
      same('指标1:完成中型灌区节水改造项目数量'), // "1" vs "1": a bare number is ≥ → 10
      same('指标2:完成农业综合水价改革项目'),
      error('指标1:工程质量合格', /指标值为空/, /缺少实际完成值/),
      error('指标1:年度资金支付完成率100%', /指标值为空/, /缺少实际完成值/),
      error('指标1:资金执行在预算范围内', /指标值为空/, /缺少实际完成值/),
      error('指标1:全市安全度汛', /指标值为空/, /缺少实际完成值/),
      error('指标1:保护全市人口财产不受损失', /指标值为空/, /缺少实际完成值/),
      error('指标1:已建工程良性运行', /指标值为空/, /缺少实际完成值/),
      same('指标1:服务对象满意度'), // 100% vs 90%: capped at 10
    ],
  },
  {
    // Anhui 衔接资金 template: block weights printed 产出(50分) 效益(30分), budget 分值 10 → national formulas.
    // Excerpt ends at 满意度, so the tiers are the printed 50 · 30. 其中 sub-rows carry no 分值: not scored.
    file: 'anhui_xiaoxian_2023_hexi_village_breeding_subsidy.json',
    label: 'national, printed tiers 产出50·效益30 (满意度 cut off)',
    rules: tableWeights(RULES.national, { 产出指标: 50, 效益指标: 30 }),
    rate: 1, // 9.48 / 9.48
    budget: { kind: 'reproduced' },
    rows: [
      same('★补助各类瓜果蔬菜种植面积'), // 29.5亩 vs 29.5亩 (implicit ≥) → 20
      same('★补助鱼塘面积'),
      same('★补助家畜家禽养殖数量'),
      same('种植作物成活率'),
      same('养殖家畜家禽成活率'), // 100% vs 95%: 5.26 capped at 5
      same('特色产业带动增加受益农户收入(总收入)'), // 12 vs ≥11.376万元: 21.1 capped at 20
      same('受益人口数量'),
    ],
  },
  {
    // Beijing 2016: execution 分值 10 and the form's own method "执行率*该指标分值,最高不得超过分值上限" and
    // "完成值达到指标值,记满分;未达到指标值,按B/A或A/B*该指标分值记分" — the national formulas. Only the first of
    // the four 12.5-point 产出 indicators is in the excerpt: the tier weight is that visible 12.5.
    // No 全年预算数 column: the 执行率 is against 年初预算数 310.21.
    file: 'beijing_haidian_xueyuanlu_2016_road_cleaning.json',
    label: 'national, visible tier 产出12.5',
    rules: tableWeights(RULES.national, { 产出指标: 12.5 }),
    rate: 0.4988, // 154.74 / 310.21 = 0.498823
    // 10 × 0.498823 = 4.988 → 4.99; printed 执行率 "50%" and 得分 5 = 10 × 50%.
    budget: {
      kind: 'deviation',
      engine: 4.99,
      gap: 0.01,
      why: 'publisher scored the rate printed as a whole percent (10 × 50%)',
    },
    rows: [same('是否完成绩效目标申报表中申报的数量')], // 1 vs 1 → 12.5
    extra: (c) => {
      const name = '是否完成绩效目标申报表中申报的数量';
      // Integer rounding would print the budget as the publisher did (4.988 → 5), but not this row: 12.5 is printed.
      it('under hebei-integer the budget would print 5 (4.988 → 5), as the publisher did', () => {
        expect(scoreCase(c, tableWeights(RULES.hebeiInteger, { 产出指标: 12.5 })).project.budget.score).toBe(5);
      });
      it('under hebei-integer a stated 分值 12.5 stays 12.5 and a met row scores no more than it', () => {
        const ind = scoreCase(c, tableWeights(RULES.hebeiInteger, { 产出指标: 12.5 })).indicator(name);
        // The unit stated 12.5 (the case prints 分值 12.5); an integer rule should round the score, never the 分值,
        // and never give more than the 分值 (fixed: planWeights keeps stated weights; finish() caps after rounding).
        expect(ind.weight).toBe(12.5);
        expect(ind.score).toBeLessThanOrEqual(12.5);
      });
    },
  },
  {
    // Hubei 20 + 80 template ("20分*执行率", notes; domain-rules §7 "Execution-rate weight" S12/S15): hubei-20.
    // Its 80 points are the table's own: 产出 20+10+10 = 40, 满意度 40, no 效益 row (weights inferred from met scores).
    file: 'hubei_district_2020_yangtze_fishing_ban_fuel_subsidy.json',
    label: 'hubei-20, table tiers 产出40·满意度40',
    rules: tableWeights(RULES.hubei20, { 产出指标: 40, 满意度指标: 40 }),
    rate: 1, // 1.56 / 1.56
    budget: { kind: 'reproduced' }, // 20 × 1
    total: { kind: 'reproduced' }, // 20 + 40 + 40 = 100
    rows: [
      same('补贴渔船数'), // 6 vs 6 → 20
      same('渔船补贴发放率'),
      same('12月底之前完成'), // target 100%, actual 100% (the deadline is only in the name)
      same('退捕渔民抽样调查满意度'), // actual printed as a bound "≥90%", read as 90 → met → 40
    ],
    extra: (c) => {
      it('the shipped hubei-20 takes the split from the table (tiers.fromTable: 产出40 · 满意度40) and scores the same', () => {
        const run = scoreCase(c, RULES.hubei20);
        expect(run.result.ok).toBe(true);
        expect(run.project.tiers.map((t) => [t.name, t.weight])).toEqual([
          ['产出指标', 40],
          ['满意度指标', 40],
        ]);
        expect(run.project.total).toBe(c.published_total);
      });
      it('an actual printed as a bound ("≥90%") is taken as 90 with a warning', () => {
        const run = scoreCase(c, tableWeights(RULES.hubei20, { 产出指标: 40, 满意度指标: 40 }));
        const warned = run.project.warnings.some((w) => (w.where ?? '').includes('“退捕渔民抽样调查满意度”'));
        expect(warned).toBe(true);
      });
    },
  },
  {
    // Hubei S15 (domain-rules §8 "黄冈 2020"): 20 (20分*执行率) + two 年度绩效目标 blocks of 40 → hubei-20.
    // Tier weights are the table's own: 产出 10+10+20+20 = 60, 满意度 20 (inferred from met scores).
    file: 'hubei_huanggang_2020_soil_conservation_monitoring.json',
    label: 'hubei-20, table tiers 产出60·满意度20',
    rules: tableWeights(RULES.hubei20, { 产出指标: 60, 满意度指标: 20 }),
    rate: 1, // 10 / 10
    budget: { kind: 'reproduced' },
    // Engine 20 + 60 + 20 = 100; printed 99.6 = 20 + (10 + 10 + 19.6) + (20 + 20): the one deviation below.
    total: { kind: 'deviation', engine: 100, gap: -0.4, why: 'carries the 19.6 of 整编资料审核' },
    rows: [
      same('监测数据必须合格'),
      same('取得2018-2022监测资料'),
      // 98% vs 98% is met → 20; published 19.6 = 20 × 98% (domain-rules §8).
      gap('整编资料审核', 20, -0.4, 'scored weight × actual (20 × 98%) instead of met → full'),
      same('监测数据资料整编'),
      same('完成年度资料上报'),
    ],
    extra: (c) => {
      it('the shipped hubei-20 takes the split from the table (tiers.fromTable: 产出60 · 满意度20)', () => {
        const run = scoreCase(c, RULES.hubei20);
        expect(run.result.ok).toBe(true);
        expect(run.project.tiers.map((t) => t.weight)).toEqual([60, 20]);
        expect(run.project.total).toBe(100); // published 99.6: the 19.6 deviation below
      });
    },
  },
  {
    // Ningxia 自治区 transfer-payment form: 产出40 + 效益40 + 满意度20, no execution score (notes) → national
    // formulas, execution weight 0. The printed 产出(40) does not hold the transcribed 分值: six 产出 rows × 8 = 48
    // (指标3's 8 is OCR-inferred), see the extra test. So the tiers are the visible sums 产出 48 · 效益 40.
    file: 'ningxia_yuanzhou_2022_potato_seed_breeding.json',
    label: 'national, execution 0, visible tiers 产出48·效益40',
    rules: tableWeights(RULES.national, { 产出指标: 48, 效益指标: 40 }, 0),
    rate: 0.8648, // 259.45 / 300 = 0.864833, printed 86.5%
    budget: { kind: 'unpublished', engine: 0, why: 'this form does not score execution' },
    rows: [
      same('指标1免费发放原原种'), // 550万粒 vs 550万粒 → 8
      same('指标2企业自行采购'),
      // OCR-garbled target "000亩 (…)": redundant leading zeros are refused, not read as 0.
      error('指标3一级种薯繁育基地', /无法识别指标值“000亩/),
      same('指标1采购的原原种合格率'), // "≥90% (OCR …)" both sides → 8
      error('指标1 2021年11月30日前完成资金支付', /实际完成值“100%”应为完成日期/), // deadline target, actual "100%"
      same('指标1种薯采购价格不高于市场价'), // 是 / 是 → 达成 → 8
      same('指标1种薯亩均收入较鲜薯亩均收入'),
      same('指标1一级种薯推广面积占总面积比例'),
      same('指标2群众对脱毒种薯和主食化专用品种的认知度'),
      same('指标1病害减少,防治病虫害使用的化学农药量较上年减少'),
      // 是 vs 基本达到: the engine reads 基本 as 部分达成 (band 4.8–6.4 of 8) and needs the evaluator's in-band score.
      error(
        '持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接',
        /完成等级为“部分达成”时须在 4.8（含）–6.4 分之间填写得分/,
      ),
    ],
    extra: (c) => {
      const sustain = '持续完善马铃薯种薯繁育体系,保障脱毒马铃薯种薯供应,促进主食化产业衔接';
      it('with the printed block weights 产出40·效益40 the engine reports that 产出 rows add up to 48', () => {
        const run = scoreCase(c, tableWeights(RULES.national, { 产出指标: 40, 效益指标: 40 }, 0));
        const sums = run.result.ok ? [] : run.result.errors.filter((e) => e.code === 'weights-sum');
        expect(sums.map((e) => e.message)).toEqual(['产出指标的三级指标分值合计48分，应等于该一级指标的40分']);
      });
      it('the published 7 of 8 (87.5%) for 基本达到 lies outside the 部分达成 band 4.8–6.4', () => {
        const run = scoreCase(c, tableWeights(RULES.national, { 产出指标: 48, 效益指标: 40 }, 0), {
          entries: { [sustain]: { score: 7 } },
        });
        expect(run.errorsFor(sustain).map((e) => e.message)).toEqual([
          '得分 7 不在“部分达成”的分档 4.8（含）–6.4 分之内',
        ]);
      });
      it('graded 达成 by the evaluator, the published 7 is accepted (达成 band 6.4–8)', () => {
        const run = scoreCase(c, tableWeights(RULES.national, { 产出指标: 48, 效益指标: 40 }, 0), {
          entries: { [sustain]: { grade: '达成', score: 7 } },
        });
        expect(run.errorsFor(sustain)).toEqual([]);
        expect(run.indicator(sustain).score).toBe(7);
      });
      it('the OCR-garbled target "000亩" is an error naming the row, not a silent 0', () => {
        const run = scoreCase(c, tableWeights(RULES.national, { 产出指标: 48, 效益指标: 40 }, 0));
        expect(run.errorsFor('指标3一级种薯繁育基地').length).toBeGreaterThan(0);
      });
    },
  },
  {
    // Shanxi MOF layout: budget 分值 10 (10 × 100% = 10 printed) → national. Only 产出/数量 rows 1–25 survive:
    // the tier weight is their visible sum 3 + 5 × 1 + 19 × 2 = 46. The publisher prints one decimal and is not
    // consistent (notes: "SCORING IS NOT A SINGLE RULE"): every gap is asserted and named.
    file: 'shanxi_jishan_2021_basic_public_health_zhaidian.json',
    label: 'national, visible tier 产出46',
    rules: tableWeights(RULES.national, { 产出指标: 46 }),
    rate: 1, // 207.4538 / 207.4538
    budget: { kind: 'reproduced' },
    rows: [
      // 37442/38508 = 0.97232 × 3 = 2.917 → 2.92; published 3.
      gap('指标1:居民健康档案', 2.92, 0.08, 'full marks for a missed target (97.2%)'),
      same('指标2:发放健康教育资料'), // 14种 vs 不少于12种 → capped 1
      same('指标3:(名称在摘录中缺失)'),
      same('指标4:(名称在摘录中缺失)'),
      same('指标5:举办健康教育知识讲座'),
      same('指标6:举办健康教育宣传咨询活动'),
      same('指标7:建立预防接种证'),
      // 97.30/100 × 2 = 1.946 → 1.95; published 1.9.
      gap('指标8:适龄儿童疫苗接种率', 1.95, -0.05, 'cut to one decimal (1.946 → 1.9)'),
      same('指标9:0-6岁儿童健康管理数'),
      same('指标10:0-6岁儿童眼保健操覆盖数'),
      same('指标11:新生入访视数'),
      // 203/214 = 0.94860 × 2 = 1.897 → 1.9; published 1.8.
      gap('指标12:孕产妇7天访视数', 1.9, -0.1, 'truncated to one decimal (1.897 → 1.8)'),
      gap('指标13:孕产妇42天访视数', 1.9, -0.1, 'truncated to one decimal (1.897 → 1.8)'),
      // 69/120 × 2 = 1.15; published 1.
      gap('指标14:早孕建册数', 1.15, -0.15, 'not proportional (57.5% → 1 of 2)'),
      // 4044/5662 = 0.71424 × 2 = 1.428 → 1.43; published 1.4.
      gap('指标15:老年人体检数', 1.43, -0.03, 'truncated to one decimal (1.428 → 1.4)'),
      // 3224/3807 = 0.84686 × 2 = 1.694 → 1.69; published 1.9.
      gap('指标16:高血压规范管理数', 1.69, 0.21, 'not proportional (84.7% → 1.9 of 2)'),
      // 3220/3807 = 0.84581 × 2 = 1.692 → 1.69; published 1.8.
      gap('指标17:高血压随访控制数', 1.69, 0.11, 'not proportional (84.6% → 1.8 of 2)'),
      // 695/863 = 0.80533 × 2 = 1.611 → 1.61; published 1.8.
      gap('指标18:糖尿病规范管理数', 1.61, 0.19, 'not proportional (80.5% → 1.8 of 2)'),
      // 683/863 = 0.79143 × 2 = 1.583 → 1.58; published 1.7.
      gap('指标19:糖尿病随访控制数', 1.58, 0.12, 'not proportional (79.1% → 1.7 of 2)'),
      // 209/212 = 0.98585 × 2 = 1.972 → 1.97; published 1.8.
      gap('指标20:严重精神障碍患者管理数', 1.97, -0.17, 'not proportional (98.6% → 1.8 of 2)'),
      same('指标21:肺结核健康规范管理数'),
      // Same numbers as 指标15: 1.428 → 1.43; published 1.4.
      gap('指标22:老年人中医药规范管理数', 1.43, -0.03, 'truncated to one decimal (1.428 → 1.4)'),
      // 770/1228 = 0.62704 × 2 = 1.254 → 1.25; published 1.8.
      gap('指标23:0-36月龄中医药规范管理数', 1.25, 0.55, 'not proportional (62.7% → 1.8 of 2)'),
      same('指标24:传染病及突发公共卫生事件报告数'),
      // 22584/24694 = 0.91455 × 2 = 1.829 → 1.83; published 1.7.
      gap('指标25:家庭医生签约率', 1.83, -0.13, 'not proportional (91.5% → 1.7 of 2)'),
    ],
  },
  {
    // Sichuan 区域绩效目标自评表 (中央转移支付): national formulas with Sichuan's 90% rule → sichuan. The budget block
    // is 20 here (budget.weight). The form's 年度目标完成情况 block (20) has no place in the engine's model (it is
    // neither execution nor a 一级指标) and is cut off anyway; the indicator rows are scored against the visible
    // sums 产出 5+4+5+3+3+3+5 = 28, 效益 3+3 = 6. The printed 自评得分 100 covers the truncated rows too: no total.
    file: 'sichuan_anju_2021_food_supervision_subsidy.json',
    label: 'sichuan, execution 20, visible tiers 产出28·效益6',
    rules: tableWeights(RULES.sichuan, { 产出指标: 28, 效益指标: 6 }, 20),
    rate: 1, // 2.38 / 2.38
    budget: { kind: 'unpublished', engine: 20, why: 'the printed 20 may be the 分值 or the 得分' },
    rows: [
      same('指标1:食品安全监管人员培训'), // 已完成 / 已完成 → 达成 → 5
      same('指标2:违法案件查办率'),
      same('指标3:食品经营环节风险分级'),
      same('指标4:开展食品安全宣传周等科普宣传活'),
      same('指标5:进口冷链食品新冠肺炎疫情应急处置示范演练'),
      same('指标6:食品安全投诉举报处置率'),
      same('指标1:食品监管专项工作整体完成时间'), // deadline 2021-12-31, done 2021-12-31 → 5
      same('指标1:辖区内与补助资金相关的重大食品安全监管责任事故发生数'), // "0次" = 0, actual 0次 → 3
      same('指标2:辖区内公众食品安全科普知识素养'), // 逐步提高 / 逐步提高 → 达成 → 3
    ],
  },
  {
    // Yunnan (Baoshan) 20 + 80 template, "得分(20分*执行率)" → yunnan-20 (its source cites this case). The 三级 分值
    // are the table's (no 分值 column; weights = scores when met): 产出 60 without the parent rows, 效益 5 visible.
    // Parent rows carry the sum of their children and are not given to the engine (no double counting).
    file: 'yunnan_longyang_2022_fertilizer_reduction.json',
    label: 'yunnan-20, table tiers 产出60·效益5 (cut off)',
    rules: tableWeights(RULES.yunnan20, { 产出指标: 60, 效益指标: 5 }),
    rate: 0.1077, // 30 / 278.4449 = 0.107741
    // 20 × 0.107741 = 2.1548 → 2.15; published 2.16 (notes: "the publisher rounded UP").
    budget: { kind: 'deviation', engine: 2.15, gap: 0.01, why: 'publisher rounded 2.1548 up to 2.16' },
    rows: [
      parent('一、示范区建立'), // 15 = 5 + 5 + 5
      same('1、水稻侧深施肥+缓控释肥'),
      same('2、玉米种肥同播+缓控释肥'),
      same('3、施用配方肥'),
      parent('二、化肥减量增效田间试验'), // 15 = 5 + 5 + 3 + 2
      same('1、肥料利用率'),
      same('2、化肥减量增效'),
      same('3、其他试验(水稻)'),
      same('4、其他试验(玉米)'),
      same('三、土样植株化验'), // 105 vs ≥60个: 8.75 capped at 5
      same('四、农户施肥情况调查(户)'),
      same('示范区配方肥到位率'), // 85.6% vs ≥80%: 10.7 capped at 10
      same('项目按时完成率'),
      same('受益农户数'),
    ],
  },
  {
    // Yunnan (Baoshan) 20 + 80 template, positive rows uncapped, one decimal: the shipped yunnan-uncapped
    // (extends yunnan-20: execution 20, tiers 40/30/10 = this table's inferred 分值). Everything reproduces.
    file: 'yunnan_shidian_2022_new_agri_entities_support.json',
    label: 'yunnan-uncapped (20 + 80, no cap, one decimal)',
    rules: RULES.yunnanUncapped,
    rate: 0.1446, // 94 / 650 = 0.144615, printed "0.1"
    budget: { kind: 'reproduced' }, // 20 × 0.144615 = 2.892 → 2.9
    total: { kind: 'reproduced' }, // 2.9 + 8 + 7.3 + 31.9 + 10.5 + 11.1 = 71.7
    rows: [
      same('扶持发展新型农业经营主体(个)'), // 6/15 × 20 = 8
      same('带动贫困户(人)'), // 4164/11442 × 20 = 7.278 → 7.3
      same('新型经营主体实现产值(%)'), // 12767.36/8000 × 20 = 31.918 → 31.9 (no cap)
      same('新型经营主体助农增收(元)'), // 2074/1980 × 10 = 10.475 → 10.5
      same('满意度(%)'), // 100/90 × 10 = 11.111 → 11.1
    ],
    extra: (c) => {
      it('under two-decimal rounding the publisher’s one-decimal figures would show as gaps (71.67 vs 71.7)', () => {
        const base = RULES.yunnanUncapped.ruleSet;
        const twoDecimals = { decimals: 2, mode: 'half-up' } as const;
        const run = scoreCase(c, {
          ruleSet: { ...base, rounding: { ...base.rounding, indicator: twoDecimals, total: twoDecimals } },
        });
        expect(run.project.indicators.map((i) => i.score)).toEqual([8, 7.28, 31.92, 10.47, 11.11]);
        expect(run.project.total).toBe(71.67);
      });
    },
  },
];

interface Tally {
  indicators: Record<Kind, number>;
  budgets: Record<Figure['kind'], number>;
  totals: Record<Figure['kind'], number>;
}
const emptyTally = (): Tally => ({
  indicators: { reproduced: 0, deviation: 0, unscorable: 0, unpublished: 0, parent: 0 },
  budgets: { reproduced: 0, deviation: 0, unpublished: 0, unscorable: 0 },
  totals: { reproduced: 0, deviation: 0, unpublished: 0, unscorable: 0 },
});

const runs = new Map<string, CaseRun>();
function runOf(spec: Spec, c: CaseFile): CaseRun {
  let run = runs.get(spec.file);
  if (!run) {
    run = scoreCase(c, spec.rules);
    runs.set(spec.file, run);
  }
  return run;
}

function rowTitle(row: Row, published: number | null): string {
  switch (row.kind) {
    case 'reproduced':
      return `“${row.name}” ${published} = published`;
    case 'deviation':
      return `“${row.name}” engine ${row.engine}, published ${published} (${signed(row.gap)}): ${row.why}`;
    case 'unscorable':
      return `“${row.name}” cannot be scored: the error names it (published ${published})`;
    case 'unpublished':
      return `“${row.name}” engine ${row.engine}, nothing published: ${row.why}`;
    case 'parent':
      return `“${row.name}” parent row: published ${published} = sum of its children's engine scores`;
  }
}

function figureTitle(what: string, f: Figure, published: number | null): string {
  switch (f.kind) {
    case 'reproduced':
      return `${what} ${published} = published`;
    case 'deviation':
      return `${what} engine ${f.engine}, published ${published} (${signed(f.gap)}): ${f.why}`;
    case 'unpublished':
      return `${what} engine ${f.engine}, nothing published: ${f.why}`;
    case 'unscorable':
      return `${what}: no engine total (published ${published}): ${f.why}`;
  }
}

function checkFigure(f: Figure, engine: number | null, published: number | null): void {
  switch (f.kind) {
    case 'reproduced':
      expect(published).not.toBeNull();
      expect(engine).toBe(published);
      return;
    case 'deviation':
      expect(engine).toBe(f.engine);
      expect(diff(published ?? Number.NaN, f.engine)).toBe(f.gap);
      return;
    case 'unpublished':
      expect(published).toBeNull();
      expect(engine).toBe(f.engine);
      return;
    case 'unscorable':
      expect(engine).toBeNull();
  }
}

for (const spec of SPECS) {
  const c = loadCase(spec.file);
  const run = () => runOf(spec, c);
  const publishedOf = (name: string) => c.indicators.find((i) => i.tier3 === name)?.published_score ?? null;
  const refused = spec.rows.filter((r) => r.kind === 'unscorable').map((r) => r.name);

  describe(`${spec.file} — ${spec.label}`, () => {
    it('has one expectation per printed row, in table order', () => {
      expect(spec.rows.map((r) => r.name)).toEqual(c.indicators.map((i) => i.tier3));
    });

    if (refused.length === 0) {
      it('scores the table without errors', () => {
        const { result } = run();
        expect(result.ok ? [] : result.errors).toEqual([]);
      });
    } else {
      it(`refuses the table; every error names one of the ${refused.length} unscorable rows`, () => {
        const { result } = run();
        expect(result.ok).toBe(false);
        const errors = result.ok ? [] : result.errors;
        const names = (e: { where?: string }) => refused.some((n) => (e.where ?? '').includes(`“${n}”`));
        expect(errors.filter((e) => !names(e))).toEqual([]);
      });
    }

    for (const row of spec.rows) {
      it(rowTitle(row, publishedOf(row.name)), () => {
        const r = run();
        const published = publishedOf(row.name);
        switch (row.kind) {
          case 'reproduced':
            expect(r.errorsFor(row.name)).toEqual([]);
            expect(published).not.toBeNull();
            expect(r.indicator(row.name).score).toBe(published);
            return;
          case 'deviation': {
            expect(r.errorsFor(row.name)).toEqual([]);
            const score = r.indicator(row.name).score;
            expect(score).toBe(row.engine);
            expect(diff(published ?? Number.NaN, score)).toBe(row.gap);
            return;
          }
          case 'unscorable': {
            const messages = r.errorsFor(row.name).map((e) => e.message);
            expect(messages.length).toBeGreaterThan(0);
            expect(row.messages.filter((m) => !messages.some((x) => m.test(x)))).toEqual([]);
            return;
          }
          case 'unpublished':
            expect(published).toBeNull();
            expect(r.errorsFor(row.name)).toEqual([]);
            expect(r.indicator(row.name).score).toBe(row.engine);
            return;
          case 'parent': {
            const ind = c.indicators.find((i) => i.tier3 === row.name);
            if (!ind) throw new Error(row.name);
            expect(r.project.indicators.some((i) => i.name === row.name)).toBe(false);
            const children = childrenOf(c, ind).map((k) => r.indicator(k.tier3).score);
            expect(children.length).toBeGreaterThan(0);
            expect(children.reduce((a, b) => a + b, 0)).toBe(published);
          }
        }
      });
    }

    it(`${figureTitle('budget execution', spec.budget, c.budget.published_score)} (执行率 ${spec.rate})`, () => {
      const { budget } = run().project;
      expect(budget.rate).toBe(spec.rate);
      checkFigure(spec.budget, budget.score, c.budget.published_score);
    });

    const total = spec.total;
    if (total) {
      it(figureTitle('total', total, c.published_total), () => {
        expect(c.truncated).toBe(false);
        const { result } = run();
        checkFigure(total, result.ok ? (result.evaluation.projects[0]?.total ?? null) : null, c.published_total);
      });
    }

    spec.extra?.(c);
  });
}

describe('summary over all cases', () => {
  it('covers every case file', () => {
    expect(SPECS.map((s) => s.file).sort()).toEqual(caseFiles());
  });

  it('converts every case into a valid GoalDocument and ActualsDocument', () => {
    for (const file of caseFiles()) {
      const { goals, actuals } = convertCase(loadCase(file));
      expect(GoalDocument.safeParse(goals).error, file).toBeUndefined();
      expect(ActualsDocument.safeParse(actuals).error, file).toBeUndefined();
    }
  });

  /**
   * Classified from the engine's output alone (not from the tables above), so an engine change that turns a
   * reproduction into a gap, a gap into a reproduction, or an error into a score changes these counts.
   */
  it('reproduced / deviating / unscorable counts', () => {
    const tally = emptyTally();
    const perCase: Record<string, string> = {};
    for (const spec of SPECS) {
      const c = loadCase(spec.file);
      const r = runOf(spec, c);
      const t = emptyTally();
      for (const ind of c.indicators) {
        let kind: Kind;
        if (isParentRow(ind)) kind = 'parent';
        else if (r.errorsFor(ind.tier3).length > 0) kind = 'unscorable';
        else if (ind.published_score === null) kind = 'unpublished';
        else kind = r.indicator(ind.tier3).score === ind.published_score ? 'reproduced' : 'deviation';
        t.indicators[kind]++;
        tally.indicators[kind]++;
      }
      // The tables above say the same.
      const stated = emptyTally().indicators;
      for (const row of spec.rows) stated[row.kind]++;
      expect(t.indicators, spec.file).toEqual(stated);
      perCase[spec.file] = `${t.indicators.reproduced}/${t.indicators.deviation}/${t.indicators.unscorable}`;

      const b = c.budget.published_score;
      const budgetKind = b === null ? 'unpublished' : r.project.budget.score === b ? 'reproduced' : 'deviation';
      expect(budgetKind, spec.file).toBe(spec.budget.kind);
      tally.budgets[budgetKind]++;
      if (c.published_total !== null && !c.truncated) {
        const totalKind = !r.result.ok
          ? 'unscorable'
          : r.result.evaluation.projects[0]?.total === c.published_total
            ? 'reproduced'
            : 'deviation';
        expect(totalKind, spec.file).toBe(spec.total?.kind);
        tally.totals[totalKind]++;
      }
    }
    // reproduced / deviation / unscorable per case
    expect(perCase).toEqual({
      'anhui_chizhou_tangxi_2022_entrusted_services.json': '9/0/0',
      'anhui_tianchang_water_2022_flood_defense.json': '3/0/6',
      'anhui_xiaoxian_2023_hexi_village_breeding_subsidy.json': '7/0/0',
      'beijing_haidian_xueyuanlu_2016_road_cleaning.json': '1/0/0',
      'hubei_district_2020_yangtze_fishing_ban_fuel_subsidy.json': '4/0/0',
      'hubei_huanggang_2020_soil_conservation_monitoring.json': '4/1/0',
      'ningxia_yuanzhou_2022_potato_seed_breeding.json': '8/0/3',
      'shanxi_jishan_2021_basic_public_health_zhaidian.json': '11/14/0',
      'sichuan_anju_2021_food_supervision_subsidy.json': '9/0/0',
      'yunnan_longyang_2022_fertilizer_reduction.json': '12/0/0',
      'yunnan_shidian_2022_new_agri_entities_support.json': '5/0/0',
    });
    // 99 printed rows: 73 + 15 + 9 (incl. Ningxia 指标3's garbled target) + 2 (Longyang parent rows).
    expect(tally.indicators).toEqual({ reproduced: 73, deviation: 15, unscorable: 9, unpublished: 0, parent: 2 });
    expect(tally.budgets).toEqual({ reproduced: 6, deviation: 3, unpublished: 2, unscorable: 0 });
    expect(tally.totals).toEqual({ reproduced: 2, deviation: 1, unpublished: 0, unscorable: 1 });
  });
});
