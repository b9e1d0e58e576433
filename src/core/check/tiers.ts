import type { GoalTable } from '../../model/goals.js';
import type { Target } from '../../model/target.js';
import { unitInfo } from '../units.js';
import { type Check, eachRow, type Finding, projectFinding, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { isAtMost, isCostTier, isQuantity, isTimelinessTier } from './text.js';

/** Does a row sit under the right heading, and does each table cover every 一级指标 the rule set weights. */

/** What a target measures: its dimension, split where the tiers care (a time limit is not a count of days). */
type Kind = 'count' | 'money' | 'percent' | 'days' | 'time-limit' | 'deadline' | 'qualitative';

function kindOf(t: Target): Kind | null {
  // Two values in one cell, or a row that does not apply: no single kind to hold against the heading.
  if (t.direction === 'invalid' || t.direction === 'compound' || t.direction === 'not-applicable') return null;
  if (t.direction === 'deadline') return 'deadline';
  if (t.direction === 'qualitative') return 'qualitative';
  if (t.dimension === 'time') return isQuantity(t) && isAtMost(t.op) ? 'time-limit' : 'days';
  if (t.dimension === 'money') return 'money';
  // "元/人" is a unit cost; "人/次" and other ratios say nothing the tiers can check.
  if (t.dimension === 'compound') return t.unit && unitInfo(t.unit).base.startsWith('元') ? 'money' : null;
  if (t.dimension === 'percent') return 'percent';
  if (t.dimension === null) return null; // a bare number ("90"): its meaning is in the name, not the target
  return 'count'; // count, area, length, mass, volume: all amounts of output
}

const KIND_LABEL: Record<Kind, string> = {
  count: '数量',
  money: '金额',
  percent: '百分比',
  days: '天数',
  'time-limit': '时限',
  deadline: '完成时间',
  qualitative: '文字描述',
};

/**
 * Which kinds of target fit which 二级指标, by family. 数量 → amounts (a share completed is common practice);
 * 成本 → money; 满意度 → a percentage or a described state; 效益 → anything but a time limit, which belongs
 * to 时效. 时效 itself is timeliness-target's job. Families not listed accept everything.
 */
const FITS: [test: (tier2: string) => boolean, fits: Kind[], belongs: string][] = [
  [(t) => t.includes('数量'), ['count', 'percent', 'days', 'qualitative'], '数量指标'],
  [(t) => t.includes('质量'), ['count', 'percent', 'days', 'qualitative'], '质量指标'],
  [isCostTier, ['money', 'percent', 'qualitative'], '成本指标'],
  [(t) => t.includes('满意'), ['percent', 'qualitative'], '满意度指标'],
  [(t) => /效益|可持续|影响/.test(t), ['count', 'money', 'percent', 'days', 'qualitative'], '效益指标'],
];
const HOME: Partial<Record<Kind, string>> = {
  money: '成本指标',
  'time-limit': '时效指标',
  deadline: '时效指标',
  count: '数量指标',
  days: '数量指标',
};

/** Words of ecology: a 生态效益 row must be about the environment, not about drills or payments. */
const ECOLOGY =
  /生态|环境|环保|污染|排放|减排|绿化|绿色|森林|林地|林木|植被|水土|水质|水体|水源|河道|河流|湖泊|湿地|空气|大气|土壤|噪声|能耗|节能|节水|低碳|碳排|资源|垃圾|废弃|废水|废气|秸秆|化肥|农药|耕地|草原|野生|物种/;

const ECOLOGY_FIX = '移到相符的二级指标下；项目确无生态效益时可不设生态效益指标';

/** tier2-misfit: a payment time limit under 经济效益, a money target under 数量, drills under 生态效益. */
export const tier2Misfit: Check = (doc, ctx) => {
  /** The tier-2's family in FITS; null for 时效 (timeliness-target's job), undefined when unlisted. */
  const familyOf = byId(ctx.rows, (tier2) =>
    isTimelinessTier(tier2) ? null : { fits: FITS.find(([test]) => test(tier2)), ecology: tier2.includes('生态') },
  );
  const ecological = byId(ctx.rows, (text) => ECOLOGY.test(text));
  const { tier2, name, description } = ctx.rows;
  return eachRow(doc, (p, i, ind, r) => {
    const tier = familyOf(tier2[r] as number);
    if (tier === null) return null;
    const kind = kindOf(ind.target);
    if (kind === null) return null;
    const family = tier.fits;
    if (family && !family[1].includes(kind)) {
      const home = HOME[kind];
      const what = `“${ind.name}”的指标值“${ind.target.raw.trim()}”是${KIND_LABEL[kind]}`;
      const message = `${what}，与二级指标“${ind.tier2}”不符${home ? `，应属于${home}` : ''}`;
      const fix = `${home ? `移到${home}下，或` : ''}改为衡量${family[2]}的指标`;
      return rowFinding(ctx, p, i, ind, 'tier2-misfit', 'warning', message, fix);
    }
    if (tier.ecology && !ecological(name[r] as number) && !ecological(description[r] as number)) {
      const message = `“${ind.name}”与生态效益无关（没有涉及生态、环境、资源等内容），放在“${ind.tier2}”下不合适`;
      return rowFinding(ctx, p, i, ind, 'tier2-misfit', 'warning', message, ECOLOGY_FIX);
    }
    return null;
  });
};

const tierKey = (s: string) => s.replace(/\s+/g, '').replace(/指标$/, '');

/** tier1-missing: a table without 产出 / 效益 / 满意度 rows loses that tier's points or shifts them elsewhere. */
export const tier1Missing: Check = (doc, ctx) => {
  const out: Finding[] = [];
  const wanted = ctx.tierNames.map(tierKey);
  /** A bit for the wanted tier-1 this text is, 0 for none. */
  const bit = byId(ctx.rows, (tier1) => {
    const w = wanted.indexOf(tierKey(tier1));
    return w < 0 ? 0 : 1 << w;
  });
  const all = (1 << wanted.length) - 1;
  // 满意度 written as a 二级 under 效益 ("社会公众或服务对象满意度指标") is the 满意度 tier of that template.
  const satisfaction = wanted.indexOf(tierKey('满意度指标'));
  const asked = byId(ctx.rows, (tier2) => (satisfaction >= 0 && tier2.includes('满意') ? 1 << satisfaction : 0));
  const { tier1, tier2, start } = ctx.rows;
  doc.projects.forEach((_, p) => {
    let present = 0;
    for (let r = start[p] ?? 0; r < (start[p + 1] ?? 0); r++) {
      present |= bit(tier1[r] as number) | asked(tier2[r] as number);
    }
    if (present === all) return;
    ctx.tierNames.forEach((name, w) => {
      if (present & (1 << w)) return;
      const message = `缺少一级指标“${name}”，该类指标的分值将无处计算或被转移`;
      out.push(projectFinding(ctx, p, 'tier1-missing', 'warning', message, `补充“${name}”下的二级、三级指标`));
    });
  });
  return out;
};

/** Words naming who is asked, not what about: removed before looking for the subject of a 满意度 row. */
const GENERIC_WORDS =
  '服务对象 受助对象 受益对象 受益群众 社会公众 人民群众 服务 对象 受益 受助 受援 参保 参与 群众 企业 居民 村民 农户 ' +
  '人员 公众 社会 群体 用户 单位 部门 人民 学生 家长 患者 职工 干部 老人 总体 综合 项目 工作 人群 市民 百姓 游客 乡镇 ' +
  '街道 社区 全区 全县 全市 的 对';
/** Longest first, so 服务对象 goes as a whole before 服务 could split it. */
const GENERIC = new RegExp(
  GENERIC_WORDS.split(' ')
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

function subjectOf(text: string): string {
  const at = text.indexOf('满意');
  return at <= 0 ? '' : text.slice(0, at).replace(GENERIC, '');
}

/**
 * satisfaction-subject: "农房保险参保农户满意度" in a disaster-relief fund asks people the project never
 * served (a row copied from another table). Flagged when no two-character piece of the subject appears in the
 * project's name, goals, use of funds or other rows.
 */
export const satisfactionSubject: Check = (doc, ctx) => {
  const subjectIn = byId(ctx.rows, subjectOf);
  const satisfaction = byId(ctx.rows, (tier) => tier.includes('满意'));
  const { tier1, tier2, name, description, start } = ctx.rows;
  const isAsked = (r: number) => satisfaction(tier2[r] as number) || satisfaction(tier1[r] as number);
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const base = start[p] ?? 0;
    table.indicators.forEach((ind, i) => {
      if (!isAsked(base + i)) return;
      const subject = subjectIn(name[base + i] as number) || subjectIn(description[base + i] as number);
      if (subject.length < 2) return;
      for (let k = 0; k + 2 <= subject.length; k++) {
        if (mentions(table, subject.slice(k, k + 2), (j) => isAsked(base + j))) return;
      }
      const message = `满意度指标“${ind.name}”调查的对象（${subject}）在本项目的名称、资金用途、绩效目标和其他指标中都没有出现，可能是从其他项目照抄`;
      out.push(rowFinding(ctx, p, i, ind, 'satisfaction-subject', 'warning', message, SUBJECT_FIX));
    });
  });
  return out;
};

/**
 * Whether the project's name, use of funds, goals or non-satisfaction rows contain `piece`. Raw texts, searched in
 * place: a subject's two-character pieces are CJK ideographs, which NFKC leaves alone.
 */
function mentions(table: GoalTable, piece: string, asked: (row: number) => boolean): boolean {
  if (table.name.includes(piece) || table.useOfFunds.includes(piece)) return true;
  if (table.goals.some((g) => g.includes(piece))) return true;
  return table.indicators.some((o, j) => !asked(j) && (o.name.includes(piece) || o.description.includes(piece)));
}

const SUBJECT_FIX = '改为本项目实际服务对象的满意度（如“受助群众满意度”）';
