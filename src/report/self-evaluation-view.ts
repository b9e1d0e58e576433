import type { ProjectComparison } from '../core/compare/index.js';
import { sumExact } from '../core/rounding.js';
import { type Evaluation, type IndicatorScore, type ProjectScore, stateOf } from '../core/scoring/types.js';
import type { GoalDocument, GoalTable } from '../model/goals.js';
import type { RuleSet } from '../model/rule-set.js';
import { barChart } from './charts.js';
import type { BibliographyEntryView } from './citation.js';
import { formatExplanation, incompleteText } from './explanation.js';
import { type ExplanationView, explanations, type SourceView } from './explanation-view.js';
import {
  fmtGrade,
  fmtMoney,
  fmtMoneyOr,
  fmtPoints,
  fmtRate,
  fmtScoreBy,
  NOT_FILLED,
  NOT_IN_TABLE,
  STATUS_LABEL,
} from './format.js';
import { selfEvaluationReport } from './self-evaluation-report.js';
import {
  actualText,
  numbered,
  type ProjectHeaderView,
  projectHeader,
  type SectionView,
  type SpanCell,
  spans,
} from './view-common.js';
import { comparisonParagraph } from './year-comparison.js';

export interface FundsRowView {
  label: string;
  initial: string;
  adjusted: string;
  executed: string;
  weight: string;
  rate: string;
  score: string;
}

export interface IndicatorRowView {
  tier1Cell: SpanCell | null;
  tier2Cell: SpanCell | null;
  /** Every row's tier names, for layouts without merged cells (Markdown). */
  tier1: string;
  tier2: string;
  name: string;
  target: string;
  actual: string;
  weight: string;
  score: string;
  status: string;
  statusClass: string;
  /** 偏差原因分析及改进措施, one line per entry. */
  deviation: string[];
  /** Not scored (unfilled or invalid): the score is "—" and these say why, located. */
  scored: boolean;
  problems: string[];
}

/** Everything the 项目支出绩效自评表 and 绩效自评报告 templates print, already formatted. */
export interface SelfEvaluationView {
  title: string;
  reportTitle: string;
  ruleSet: string;
  project: ProjectHeaderView;
  moneyUnit: string;
  funds: FundsRowView[];
  goals: { expected: string[]; actual: string };
  indicators: IndicatorRowView[];
  /** incomplete: "未完成评分：3 个指标未填写" when the total is over what could be scored only. */
  total: { weight: string; score: string; grade: string; steps: string[]; incomplete: string | null };
  notes: string[];
  explanations: ExplanationView[];
  sources: SourceView[];
  /** 参考文献: the documents the sources cite, with their URLs. */
  bibliography: BibliographyEntryView[];
  chart: { svg: string };
  report: SectionView[];
}

/** Which figures count as the evaluator's texts (偏差原因, 改进措施, 调整理由), in the order the column prints them. */
export function deviationLines(i: IndicatorScore, score: (x: number) => string): string[] {
  if (i.status === 'not-applicable') return [`不适用：${i.notApplicable ?? NOT_FILLED}`];
  // Not scored yet: there is no deviation to explain, only what is missing (the row's problems).
  if (i.status === 'unfilled' || i.status === 'invalid') return [];
  const lines: string[] = [];
  if (i.reason) lines.push(`偏差原因：${i.reason}`);
  else if (i.status !== 'met') lines.push(`偏差原因：${NOT_FILLED}`);
  if (i.remedy) lines.push(`改进措施：${i.remedy}`);
  else if (i.status !== 'met') lines.push(`改进措施：${NOT_FILLED}`);
  if (i.override)
    lines.push(`评价人调整得分：${score(i.ruleScore)} → ${score(i.override.score)}，理由：${i.override.reason}`);
  return lines;
}

export function selfEvaluationView(
  p: ProjectScore,
  goals: GoalDocument,
  ruleSet: RuleSet,
  evaluation: Pick<Evaluation, 'ruleSet'>,
  /** With last year's result (`--previous`): the report compares with it. */
  previous?: ProjectComparison,
): SelfEvaluationView {
  const table = goals.projects.find((t) => t.code === p.code);
  const s = (x: number) => fmtScoreBy(x, ruleSet.rounding.indicator);
  const total = (x: number) => fmtScoreBy(x, ruleSet.rounding.total);
  const tierWeight = (name: string) => p.tiers.find((t) => t.name === name)?.weight ?? 0;
  const cells = spans(p.indicators, (t1) => `(${fmtPoints(tierWeight(t1))}分)`);
  const indicators = p.indicators.map(
    (i, k): IndicatorRowView => ({
      tier1Cell: cells[k]?.tier1Cell ?? null,
      tier2Cell: cells[k]?.tier2Cell ?? null,
      tier1: `${i.tier1}(${fmtPoints(tierWeight(i.tier1))}分)`,
      tier2: i.tier2,
      name: i.name,
      target: i.target.raw,
      actual: actualText(i),
      weight: s(i.weight),
      score: stateOf(i.status) === 'unfilled' || stateOf(i.status) === 'invalid' ? '—' : s(i.score),
      status: STATUS_LABEL[i.status],
      statusClass: i.status,
      deviation: deviationLines(i, s),
      scored: stateOf(i.status) === 'scored',
      problems: i.problems.map((x) => x.message),
    }),
  );
  const ex = explanations(p, s, ruleSet.sources ?? {});
  return {
    title: '项目支出绩效自评表',
    reportTitle: `${p.name}绩效自评报告`,
    ruleSet: `${evaluation.ruleSet.label}（${evaluation.ruleSet.id}）`,
    project: projectHeader(p.code, p.name, table, goals),
    moneyUnit: '万元',
    funds: fundsRows(p, table, s),
    goals: {
      expected: table && table.goals.length > 0 ? numbered(table.goals) : [NOT_IN_TABLE],
      actual: p.achievement ?? NOT_FILLED,
    },
    indicators,
    total: {
      weight: s(totalWeight(p)),
      score: total(p.total),
      grade: fmtGrade(p.grade),
      steps: p.totalExplanation.map(formatExplanation),
      incomplete: p.incomplete ? incompleteText(p.incomplete) : null,
    },
    notes: p.warnings.map((w) => w.message),
    explanations: ex.items,
    sources: ex.sources,
    bibliography: ex.bibliography,
    chart: { svg: tierChart(p, s) },
    report: selfEvaluationReport(
      p,
      table,
      goals,
      { score: s, total, ruleSet: evaluation.ruleSet.label },
      previous ? comparisonParagraph(previous, ruleSet.rounding) : undefined,
    ),
  };
}

/** The total's 分值: the points that count, or 100 when the applicable points were scaled to 百分制 (whole-score). */
export function totalWeight(p: ProjectScore): number {
  const scaled = p.totalExplanation.find((x) => x.kind === 'whole-score-scaled');
  return scaled ? scaled.full : sumExact([p.budget.weight, ...p.tiers.map((t) => t.weight)]);
}

function fundsRows(p: ProjectScore, table: GoalTable | undefined, s: (x: number) => string): FundsRowView[] {
  const b = p.budget;
  const blank = { adjusted: '', executed: '', weight: '', rate: '', score: '' };
  const money = (x: number | null | undefined) => (x === null || x === undefined ? '' : fmtMoney(x));
  return [
    {
      label: '年度资金总额',
      initial: fmtMoney(b.initial),
      adjusted: fmtMoney(b.adjusted),
      executed: fmtMoneyOr(b.executed),
      weight: s(b.weight),
      rate: b.state === 'scored' ? fmtRate(b.rate) : '—',
      score: b.state === 'scored' ? s(b.score) : '—',
    },
    // The split comes from the goal table's 预算数 only; the actuals give no split, so those cells stay blank.
    { label: '其中：当年财政拨款', initial: money(table?.budget.fiscal), ...blank },
    { label: '上年结转资金', initial: '', ...blank },
    { label: '其他资金', initial: money(table?.budget.other), ...blank },
  ];
}

function tierChart(p: ProjectScore, s: (x: number) => string): string {
  const bars = [
    {
      label: '预算执行率',
      value: p.budget.score,
      max: p.budget.weight,
      text: `${s(p.budget.score)} / ${s(p.budget.weight)}`,
    },
    ...p.tiers.map((t) => ({ label: t.name, value: t.score, max: t.weight, text: `${s(t.score)} / ${s(t.weight)}` })),
  ];
  return barChart('各一级指标得分（得分 / 分值）', bars);
}
