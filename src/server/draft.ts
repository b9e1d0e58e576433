import { bindProject } from '../core/scoring/bind.js';
import { scoreProject } from '../core/scoring/project.js';
import type { IndicatorStatus, ProjectScore, ScoringRules } from '../core/scoring/types.js';
import type { Problem } from '../errors.js';
import { ProjectActuals } from '../model/actuals.js';
import type { GoalTable } from '../model/goals.js';
import { formatExplanation } from '../report/explanation.js';
import { fmtRate, fmtScore, STATUS_LABEL } from '../report/format.js';
import { type Fields, fieldsEntry } from './fields.js';

/** A problem shown at a cell; `ask` offers the value the user probably meant (0.93 in a % cell → 93%). */
export interface CellProblem {
  field: string;
  message: string;
  severity: 'error' | 'warning';
  ask?: { label: string; value: string };
}

export interface RowView {
  row: number;
  /** null: not scored yet (empty or wrong cell). */
  score: string | null;
  weight: string;
  status: IndicatorStatus | 'empty' | 'error';
  statusLabel: string;
  steps: string[];
}

export interface DraftView {
  code: string;
  rows: RowView[];
  budget: { rate: string | null; score: string | null; weight: string; steps: string[] };
  problems: CellProblem[];
  /** Rows (and the budget) scored so far, out of all of them. */
  filled: number;
  total: number;
  /** Total and grade once every cell scores; before that, the sum of what scores so far. */
  complete: boolean;
  score: string;
  grade: string | null;
}

const EMPTY_LABEL = '待填写';

/**
 * Score one project as the page holds it (not yet saved), by the core: every row that can be scored gets its
 * score, status and explanation steps; every problem is placed at its cell.
 */
export function scoreDraft(table: GoalTable, fields: Fields, rules: ScoringRules): DraftView {
  const d = rules.ruleSet.rounding.indicator.decimals;
  const { entry, budgetMissing } = fieldsEntry(table, fields);
  const problems: CellProblem[] = [];
  const parsed = ProjectActuals.safeParse(entry);
  let valid = entry;
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOf(issue.path);
      problems.push({ field, message: cellMessage(field, issue.message), severity: 'error' });
    }
    valid = dropInvalid(entry, problems);
  }
  const score = scoreProject(bindProject(table, valid), rules);
  // Every problem of the project: its own, the budget's and each row's (the core's per-row results).
  const errors = score.problems;
  // A row is empty when none of the cells that score it is filled (the core reports it as missing-actual).
  const filledCell = (row: number, key: string) => (fields[`indicators.${row}.${key}`] ?? '').trim() !== '';
  // A row the goal table marks 不适用 ("本项目不适用此指标") has nothing to fill: it shows as 不适用, not as empty.
  const emptyRows = new Set(
    table.indicators.flatMap((ind, row) =>
      ind.target.direction === 'not-applicable' || ['actual', 'notApplicable', 'grade'].some((k) => filledCell(row, k))
        ? []
        : [row],
    ),
  );
  for (const p of [...errors, ...score.warnings]) {
    // Empty cells are shown as waiting to be filled, not as problems.
    if (p.code === 'missing-actual' || p.code === 'missing-executed' || p.code === 'project-unfilled') continue;
    // A share in a % cell is a question, not a score: the row waits for the answer.
    const blocking = errors.includes(p) || p.code === 'percent-as-fraction';
    problems.push(placed(p, rowOf(table, p.where), blocking, fields));
  }
  if (budgetMissing) problems.splice(0, problems.length, ...problems.filter((p) => !p.field.startsWith('budget.')));
  const bad = new Set(
    problems.filter((p) => p.severity === 'error').map((p) => p.field.split('.').slice(0, 2).join('.')),
  );
  const rows = score.indicators.map((ind, row): RowView => {
    const status = bad.has(`indicators.${row}`) ? 'error' : emptyRows.has(row) ? 'empty' : ind.status;
    const scored = status !== 'error' && status !== 'empty';
    return {
      row,
      score: scored ? fmtScore(ind.score, d) : null,
      weight: fmtScore(ind.weight, d),
      status,
      statusLabel: status === 'error' ? '有误' : status === 'empty' ? EMPTY_LABEL : STATUS_LABEL[status],
      steps: scored ? ind.explanation.steps.map(formatExplanation) : [],
    };
  });
  const budgetOk = !budgetMissing && !bad.has('budget.executed') && !bad.has('budget.adjusted');
  const filled = rows.filter((r) => r.score !== null).length + (budgetOk ? 1 : 0);
  const complete = filled === rows.length + 1;
  return {
    code: table.code,
    rows,
    budget: {
      rate: budgetOk ? fmtRate(score.budget.rate) : null,
      score: budgetOk ? fmtScore(score.budget.score, d) : null,
      weight: fmtScore(score.budget.weight, d),
      steps: budgetOk ? score.budget.explanation.steps.map(formatExplanation) : [],
    },
    problems,
    filled,
    total: rows.length + 1,
    complete,
    score: complete
      ? fmtScore(score.total, rules.ruleSet.rounding.total.decimals)
      : partialSum(score, rows, budgetOk, d),
    grade: complete ? score.grade : null,
  };
}

function partialSum(score: ProjectScore, rows: RowView[], budgetOk: boolean, d: number): string {
  const parts = score.indicators.filter((_, i) => rows[i]?.score !== null).map((i) => i.score);
  if (budgetOk) parts.push(score.budget.score);
  return fmtScore(
    parts.reduce((a, b) => a + b, 0),
    d,
  );
}

function fieldOf(path: readonly PropertyKey[]): string {
  if (path[0] === 'indicators' && typeof path[1] === 'number')
    return `indicators.${path[1]}.${String(path[2] ?? 'actual')}`;
  return path.map(String).join('.');
}

const FIELD_LABEL: Record<string, string> = {
  initial: '年初预算数',
  adjusted: '全年预算数',
  executed: '全年执行数',
  forecast: '全年预计执行数',
  score: '档内得分',
  grade: '完成等级',
  likelihood: '完成目标可能性',
  cause: '偏差原因类别',
};

function cellMessage(field: string, message: string): string {
  const key = field.split('.').pop() ?? '';
  const label = FIELD_LABEL[key] ?? '';
  if (/expected number|received NaN|Invalid input/i.test(message) && key !== 'grade')
    return `${label}应填写数字（万元），不能含文字`;
  if (/>=0|too small/i.test(message)) return `${label}不能为负数`;
  return label ? `${label}：${message}` : message;
}

/** A cell the schema refuses is left out of what the core scores (it shows its problem instead). */
function dropInvalid(entry: ProjectActuals, problems: CellProblem[]): ProjectActuals {
  const copy = structuredClone(entry);
  for (const p of problems) {
    const [head, row, key] = p.field.split('.');
    if (head === 'budget' && row && row !== 'executed') delete (copy.budget as Record<string, unknown>)[row];
    if (head === 'budget' && row === 'executed') copy.budget.executed = 0;
    if (head === 'indicators' && key) delete (copy.indicators[Number(row)] as Record<string, unknown>)[key];
  }
  return copy;
}

/** The goal-table row a core problem is about: the scorer names it by position, the binder by name. */
function rowOf(table: GoalTable, where: string | undefined): number | undefined {
  if (!where) return undefined;
  const byNo = /第(\d+)项指标/.exec(where);
  if (byNo) return Number(byNo[1]) - 1;
  const byName = /指标“(.+)”$/.exec(where);
  if (byName) {
    const i = table.indicators.findIndex((x) => x.name === byName[1]);
    return i < 0 ? undefined : i;
  }
  return undefined;
}

function placed(p: Problem, row: number | undefined, error: boolean, fields: Fields): CellProblem {
  const severity = error ? 'error' : 'warning';
  if (row === undefined) {
    const field = /执行率|budget/.test(p.message) || p.code.startsWith('execution') ? 'budget.executed' : 'project';
    return { field: p.code === 'execution-below' ? 'budget.reason' : field, message: p.message, severity };
  }
  if (p.code === 'missed-without-reason')
    return { field: `indicators.${row}.reason`, message: '未完成指标值，请填写偏差原因分析', severity };
  const cell: CellProblem = { field: `indicators.${row}.actual`, message: p.message, severity };
  if (p.code === 'percent-as-fraction') {
    const share = Number(fields[`indicators.${row}.actual`]);
    const pct = `${Number((share * 100).toPrecision(12))}%`;
    cell.message = `填写的 ${share} 像是小数形式的比率，而指标值以百分数表示：是 ${pct} 吗？`;
    cell.ask = { label: `改为 ${pct}`, value: pct };
  }
  return cell;
}
