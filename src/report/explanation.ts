import { PRINTED_DECIMALS, round } from '../core/rounding.js';
import type {
  Explanation,
  ExplanationInputs,
  FormulaRef,
  Incomplete,
  RuleSource,
  Step,
} from '../core/scoring/index.js';
import type { Rounding } from '../model/rule-set.js';
import { fmtNum } from './format.js';

/**
 * Every word of a score's explanation: the engine records steps as data (src/core/scoring/steps.ts), and this
 * module says them in Chinese. The terminal, JSON readers, html, md, pdf and xlsx all print these words.
 */

const n = fmtNum;
const pct = (share: number) => `${n(share * 100)}%`;

/** How a rounding rule reads: "四舍五入保留2位小数". */
export function describeRounding(rule: Rounding): string {
  if (rule.mode === 'none') return `不另行舍入（保留至多${PRINTED_DECIMALS}位小数）`;
  const mode = { 'half-up': '四舍五入', 'half-even': '四舍六入五成双', truncate: '截断' }[rule.mode];
  return rule.decimals === 0 ? `${mode}取整` : `${mode}保留${rule.decimals}位小数`;
}

/** Built-in formulas as an explanation prints them (A = 年度指标值, B = 实际完成值, w = 分值). */
export const BUILTIN_TEXT: Record<string, string> = {
  ratio: 'B/A×w',
  'inverse-ratio': 'A/B×w',
  'linear-reverse': 'B≤A 得满分；A<B<2A 时 (1−(B−A)/A)×w；B≥2A 得0分',
  equal: 'A>0 时 B/A×w；A=0 时 B≤0 得满分，否则0分',
  range: '区间内得满分；低于下限 B/下限×w；高于上限 上限/B×w',
  rate: '执行率×w',
};

/** The formula of a rule, in words; "-" when no rule was applied. */
export function formatFormula(f: FormulaRef | null): string {
  if (f === null) return '-';
  if ('builtin' in f) return BUILTIN_TEXT[f.builtin] ?? f.builtin;
  if ('expr' in f) return f.expr;
  if ('deadline' in f) return `按期完成得满分，逾期得${n(f.deadline.lateShare * 100)}%`;
  if ('zeroTarget' in f) return `指标值为 0：实际值为 0 得满分，大于 0 得分值的 ${pct(f.zeroTarget.overShare)}`;
  if ('qualitative' in f) return '定性指标：按完成等级在分档内由评价人打分';
  if (f.notApplicable === 'whole-score') return '不适用，不计分；总分按适用分值折算为百分制';
  if (f.notApplicable === 'within-tier') return '不适用，不计分；分值由同一一级指标内其他指标按比例分摊';
  return '不适用，不计分';
}

const band = (b: { min: number; max: number; maxIncluded: boolean }) =>
  `${n(b.min)}（含）–${n(b.max)}${b.maxIncluded ? '（含）' : ''}`;

const INPUT_LABELS: [keyof ExplanationInputs, string][] = [
  ['A', 'A'],
  ['B', 'B'],
  ['adjusted', '全年预算数'],
  ['executed', '全年执行数'],
  ['rate', '执行率'],
  ['deadline', '期限'],
  ['completed', '完成日期'],
  ['grade', '等级'],
  ['w', 'w'],
  ['unit', '单位'],
  ['band', '分档'],
];

/** The numbers put into a rule: "A=1000，B=1086，w=12.5，单位=家"; empty when there are none. */
export function formatInputs(inputs: ExplanationInputs): string {
  const parts: string[] = [];
  for (const [key, label] of INPUT_LABELS) {
    const v = inputs[key];
    if (v === undefined) continue;
    parts.push(`${label}=${typeof v === 'number' ? n(v) : typeof v === 'string' ? v : band(v)}`);
  }
  return parts.join('，');
}

/** What a dated value is, as a reader names it. */
const DATED_LABEL: Record<string, string> = {
  'execution.weight': '预算执行率分值',
  'tiers.weights': '一级指标分值',
  'tiers.whenMissing': '缺少一级指标时的分值去向',
  'tiers.whenPresent': '一级成本指标分值',
  'scoring.qualitative.bands': '定性指标分档',
  'grades.bands': '评价等级',
  'monitoring.amberGap': '运行监控黄灯阈值',
  'monitoring.redGap': '运行监控红灯阈值',
};

const OP_SIGN = { '>=': '≥', '<=': '≤', '=': '=' } as const;

/** One step of an explanation in words. */
export function formatExplanation(step: Step): string {
  switch (step.kind) {
    case 'not-applicable':
      return `不适用：${step.reason}`;
    case 'compound':
      return compoundText(step);
    case 'zero-target':
      return step.met
        ? `指标值为 0，实际完成值 0${step.unit ?? ''}，得满分`
        : `指标值为 0，实际完成值 ${n(step.actual)}${step.unit ?? ''} 大于 0，得分值的 ${pct(step.share)}`;
    case 'graded-quantitative':
      return `指标值 ${step.target} 为定量，未填写实测值，评价人按定性分档评价`;
    case 'unit-converted':
      return `实际完成值 ${step.actual} 换算为 ${n(step.value)}${step.unit}${step.approximate ? '（按月30天、年365天近似换算）' : ''}`;
    case 'met':
      return `实际完成值 ${n(step.actual)}${step.unit ?? ''} 达到指标值 ${step.target}`;
    case 'formula':
      return `${BUILTIN_TEXT[step.builtin] ?? step.builtin}：A=${n(step.a)}，B=${n(step.b)}，w=${n(step.w)} → ${n(step.result)}`;
    case 'custom-formula':
      return `${step.expr} = ${n(step.result)}`;
    case 'deadline':
      return `${step.completed} ${step.met ? '未超过' : '晚于'}期限 ${step.deadline}${step.exclusive ? '（不含当日）' : ''}`;
    case 'grade-from-text':
      return `实际完成值“${step.actual}”视为“${step.grade}”`;
    case 'grade-top':
      return `“${step.grade}”未填写得分，按该档上限 ${n(step.score)} 分计`;
    case 'grade-score':
      return `评价人在“${step.label}”档（${band(step)}分）内打分 ${n(step.score)}`;
    case 'cap':
      return `超过分值，按分值 ${n(step.weight)} 封顶`;
    case 'floor-zero':
      return `公式结果为 ${n(step.from)}，得分不低于 0，按 0 计`;
    case 'above-weight':
      return `得分 ${n(step.score)} 超过分值 ${n(step.weight)}：本规则不封顶，按 ${n(step.score)} 计`;
    case 'rounding':
      return `${describeRounding(step.rounding)}：${n(step.from)} → ${n(step.to)}`;
    case 'override':
      return `评价人调整为 ${n(step.score)} 分（规则得分 ${n(step.ruleScore)}），理由：${step.reason}`;
    case 'execution-rate':
      return `执行率 = ${n(step.executed)}/${n(step.adjusted)} = ${n(round(step.rate * 100, { decimals: 2, mode: 'half-up' }))}%`;
    case 'rate-cap':
      return `执行率超过 ${pct(step.cap)}，按 ${pct(step.cap)} 计`;
    case 'execution-score':
      return `得分 = ${n(step.share)}×${n(step.weight)} = ${n(step.result)}`;
    case 'total-sum':
      return `预算执行率 ${n(step.budget)} + ${step.tiers.map((t) => `${t.name} ${n(t.score)}`).join(' + ')} = ${n(step.sum)}`;
    case 'tier-merged':
      return `未设${step.tier}，其${n(step.weight)}分并入${step.into}`;
    case 'tier-carved':
      return `设${step.tier}，其${n(step.weight)}分从${step.from}中划出`;
    case 'tier-printed':
      return `${step.tier}按目标表所列为${n(step.weight)}分`;
    case 'operator-inferred':
      return step.cost ? `未写比较符，按成本指标理解为${OP_SIGN[step.op]}` : `未写比较符，按${OP_SIGN[step.op]}计分`;
    case 'unit-from-name':
      return `指标值只写了数字，单位“${step.unit}”取自指标名称`;
    case 'tier-spread':
      return `未设${step.tier}，其${n(step.weight)}分按比例分摊到其他一级指标`;
    case 'tiers-not-applicable':
      return `${step.tiers.join('、')}全部不适用，其分值按比例分摊到其他一级指标`;
    case 'not-applicable-method':
      return step.method === 'whole-score'
        ? `不适用指标不考核，其${n(step.dropped)}分不计入；适用指标得分合计按百分制折算（${citeShort(step.source)}）`
        : `不适用指标不考核，其分值按比例分给同一一级指标内的其他指标（${citeShort(step.source)}；按百分制折算的读法见 whole-score 规则集）`;
    case 'whole-score-scaled':
      return `按百分制折算：${n(step.sum)} × ${n(step.full)} ÷ ${n(step.applicable)}（适用分值）= ${n(step.total)}`;
    case 'tiers-from-table':
      return '一级指标分值按表内三级指标分值合计';
    case 'dated-value': {
      const label = DATED_LABEL[step.rule] ?? step.rule;
      const when = step.from === null ? `${step.until} 之前` : `${step.from} 起`;
      return `${label}取 ${when}的规定（${step.year} 年度）`;
    }
    case 'total-ceiling':
      return `总分不超过执行率×100 = ${n(step.ceiling)}（依据见“总分上限”规则）`;
  }
}

/** Why a rule was applied, in one phrase: its basis ("未证实") and the first clause it cites. */
function citeShort(source: RuleSource): string {
  const clause = source.cite[0]?.clause;
  return clause ? `${source.basis}；原文：${clause}` : source.basis;
}

/** Two values in one cell: each part's actual and score, and which part the indicator is scored by. */
function compoundText(step: Extract<Step, { kind: 'compound' }>): string {
  const measured = step.parts.filter((p) => p.score !== null);
  const period = step.parts.filter((p) => p.score === null).map((p) => `“${p.target}”为期间说明，不单独计分`);
  if (measured.length === 1) return [...period, `按“${measured[0]?.target}”计分`].join('，');
  const each = step.parts.map((p) =>
    p.score === null
      ? `“${p.target}”为期间说明，不单独计分`
      : `“${p.target}”实际 ${p.actual ?? '未填写'}，${p.met ? '达到' : '未达到'}，得 ${n(p.score)} 分`,
  );
  const weakest = step.parts[step.weakest - 1]?.target ?? '';
  const verdict = step.met ? '各项均达到' : `须各项均达到，未全部达到，按得分较低的第${step.weakest}项“${weakest}”计分`;
  return `指标值含${measured.length}项，${verdict}：${each.join('；')}`;
}

/** Every step of an explanation, in words. */
export const explanationLines = (e: Pick<Explanation, 'steps'>): string[] => e.steps.map(formatExplanation);

/** "未完成评分：3 个指标未填写，全年执行数未填写" — printed wherever an incomplete total is. */
export function incompleteText(x: Incomplete): string {
  const parts: string[] = [];
  if (x.unfilled > 0) parts.push(`${x.unfilled} 个指标未填写`);
  if (x.invalid > 0) parts.push(`${x.invalid} 个指标填写有误`);
  if (x.budget === 'unfilled') parts.push('全年执行数未填写');
  if (x.budget === 'invalid') parts.push('预算执行率无法计算');
  if (x.project > 0) parts.push(`${x.project} 处项目问题`);
  return `未完成评分：${parts.join('，')}`;
}
