import type { IndicatorScore, ProjectScore } from '../core/scoring/types.js';
import type { GoalDocument, GoalTable } from '../model/goals.js';
import { fmtGrade, fmtMoney, fmtMoneyOr, fmtRate, NO_CODE, NOT_FILLED, NOT_IN_TABLE, STATUS_LABEL } from './format.js';
import { actualText, block, listOr, longTermLines, numbered, type SectionView } from './view-common.js';

interface Fmt {
  score: (x: number) => string;
  total: (x: number) => string;
  ruleSet: string;
}

/**
 * 绩效自评报告 (domain-rules §5.2, Hubei short form): five chapters, every sentence a frame around figures and
 * texts from the goal table, the score and the evaluator's entries. Nothing is written that the data does not
 * say; an empty evaluator field prints as （评价人未填写）.
 */
export function selfEvaluationReport(
  p: ProjectScore,
  table: GoalTable | undefined,
  goals: GoalDocument,
  f: Fmt,
  /** The comparison with last year (year-comparison.ts), when `--previous` gave last year's result. */
  lastYear?: readonly string[],
): SectionView[] {
  return [basics(p, table, goals), achievement(p, f, lastYear), deviations(p, f), remedies(p), application(p, f)];
}

/** The table's 中长期 / 中期目标 and 指标值 printed beside the year's: context only, said to be not scored. */
function longTermBlock(table: GoalTable | undefined) {
  const lines = table ? longTermLines(table) : [];
  return lines.length === 0 ? [] : [block('（四）中长期目标（目标表同时列出，供参考，不计分）', [], lines)];
}

function basics(p: ProjectScore, table: GoalTable | undefined, goals: GoalDocument): SectionView {
  const b = p.budget;
  const unit = table?.unitName ?? goals.department.unitName ?? NOT_IN_TABLE;
  const plan = table?.spendingPlan.map((m) => `${m.label} ${fmtRate(m.cumulative)}`) ?? [];
  return {
    title: '一、基本情况',
    blocks: [
      block('（一）项目概况', [
        `项目名称：${p.name}（${p.codeGenerated ? NO_CODE : `项目编码 ${p.code}`}）；实施单位：${unit}。`,
        `资金用途：${table?.useOfFunds || NOT_IN_TABLE}`,
      ]),
      block('（二）年度绩效目标', table && table.goals.length > 0 ? numbered(table.goals) : [NOT_IN_TABLE]),
      block('（三）资金情况', [
        `年初预算数 ${fmtMoney(b.initial)} 万元，全年预算数 ${fmtMoney(b.adjusted)} 万元，全年执行数 ${fmtMoneyOr(b.executed)} 万元，预算执行率 ${fmtRate(b.rate)}。`,
        `资金支出计划：${listOr(plan, NOT_IN_TABLE)}。`,
      ]),
      ...longTermBlock(table),
    ],
  };
}

const counted = (xs: readonly IndicatorScore[], s: IndicatorScore['status']) => xs.filter((i) => i.status === s);

function achievement(p: ProjectScore, f: Fmt, lastYear: readonly string[] | undefined): SectionView {
  const ind = p.indicators;
  const tiers = [
    `预算执行率：分值 ${f.score(p.budget.weight)}，得分 ${f.score(p.budget.score)}`,
    ...p.tiers.map((t) => `${t.name}：分值 ${f.score(t.weight)}，得分 ${f.score(t.score)}`),
  ];
  const met = counted(ind, 'met').map((i) => i.name);
  return {
    title: '二、绩效目标实现情况',
    blocks: [
      block(
        '（一）自评得分',
        [`按“${f.ruleSet}”评分规则，自评总分 ${f.total(p.total)} 分，等级为“${fmtGrade(p.grade)}”。`],
        tiers,
      ),
      block('（二）年度总体目标完成情况', [p.achievement ?? NOT_FILLED]),
      block('（三）绩效指标完成情况', [
        `共 ${ind.length} 项三级指标：已完成 ${met.length} 项，部分完成 ${counted(ind, 'partial').length} 项，未完成 ${counted(ind, 'missed').length} 项，不适用 ${counted(ind, 'not-applicable').length} 项。`,
        `已完成的指标：${listOr(met, '无')}。`,
      ]),
      ...(lastYear ? [block('（四）与上年比较', [...lastYear])] : []),
    ],
  };
}

/** Indicators the evaluator must account for: any not met, any with a written reason, any overridden. */
const explained = (p: ProjectScore) =>
  p.indicators.filter((i) => i.status === 'partial' || i.status === 'missed' || i.reason || i.override);

function deviations(p: ProjectScore, f: Fmt): SectionView {
  const b = p.budget;
  const items = explained(p).map(
    (i) =>
      `${i.name}（${STATUS_LABEL[i.status]}；指标值 ${i.target.raw}，实际完成 ${actualText(i)}，得分 ${f.score(i.score)} / ${f.score(i.weight)}）：${i.reason ?? NOT_FILLED}`,
  );
  const overrides = p.indicators
    .filter((i) => i.override)
    .map(
      (i) =>
        `${i.name}：评价人将得分由 ${f.score(i.ruleScore)} 调整为 ${f.score(i.score)}，理由：${i.override?.reason}`,
    );
  const na = counted(p.indicators, 'not-applicable').map((i) => `${i.name}：不适用，${i.notApplicable ?? NOT_FILLED}`);
  const budget =
    b.rate < 1
      ? [`预算执行率 ${fmtRate(b.rate)}，未全部执行：${b.reason ?? NOT_FILLED}`]
      : [`预算执行率 ${fmtRate(b.rate)}。`];
  return {
    title: '三、偏差及原因',
    blocks: [
      block('（一）预算执行偏差', budget),
      block('（二）绩效指标偏差', items.length > 0 ? [] : ['各项三级指标均已完成，无偏差。'], items),
      ...(overrides.length > 0 ? [block('（三）评价人调整得分', [], overrides)] : []),
      ...(na.length > 0 ? [block(overrides.length > 0 ? '（四）不适用指标' : '（三）不适用指标', [], na)] : []),
    ],
  };
}

function remedies(p: ProjectScore): SectionView {
  const items = explained(p).map((i) => `${i.name}：${i.remedy ?? NOT_FILLED}`);
  return {
    title: '四、存在问题和改进措施',
    blocks: [block(null, items.length > 0 ? [] : ['无偏差指标，评价人未提出改进措施。'], items)],
  };
}

function application(p: ProjectScore, f: Fmt): SectionView {
  // The actuals have no field for 结果应用: the chapter states the grade and says the text is missing.
  return {
    title: '五、结果应用',
    blocks: [
      block(null, [
        `本项目自评总分 ${f.total(p.total)} 分，等级“${fmtGrade(p.grade)}”。`,
        `结果应用情况：${NOT_FILLED}`,
      ]),
    ],
  };
}
