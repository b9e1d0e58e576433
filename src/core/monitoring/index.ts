import type { Problem } from '../../errors.js';
import type { ActualsDocument } from '../../model/actuals.js';
import type { GoalDocument } from '../../model/goals.js';
import { round } from '../rounding.js';
import { ruleSetForYear } from '../rules/dated.js';
import { bindActuals, bindProject, projectLabel } from '../scoring/bind.js';
import { selectProjects } from '../scoring/index.js';
import { scoreProject } from '../scoring/project.js';
import type { ScoringRules } from '../scoring/types.js';
import type { WeightPlan } from '../scoring/weights.js';
import { type ExecutionStatus, executionStatus } from './execution.js';
import { projectedEntry } from './forecast.js';
import { type IndicatorPace, indicatorPace } from './pace.js';
import { planProblems, timeProgress } from './plan.js';
import { STATUS_LABEL } from './status.js';

export interface ProjectMonitoring {
  code: string;
  /** As in ProjectScore: `code` is the id the importer made for a table with no 项目编码. */
  codeGenerated?: true;
  name: string;
  execution: ExecutionStatus;
  indicators: (IndicatorPace & { forecastScore: number })[];
  /** Projected year end: total and grade, and the execution-rate part (execution in 万元, rate a share). */
  forecast: { total: number; grade: string; budgetScore: number; executed: number; rate: number };
}

export interface Monitoring {
  schema: 'jixiao/monitoring@1';
  asOf: string;
  timeProgress: number;
  ruleSet: { id: string; label: string };
  projects: ProjectMonitoring[];
}

export type MonitorResult =
  | { ok: true; monitoring: Monitoring; warnings: Problem[] }
  | { ok: false; errors: Problem[]; warnings: Problem[] };

/**
 * 绩效运行监控 at `asOf`: spending against the plan and 序时进度, each indicator's pace and year-end projection,
 * and the projected score under the year-end rules. Pure: the as-of date is passed in, never read from a clock.
 */
export function monitorDocument(
  goals: GoalDocument,
  actuals: ActualsDocument,
  rules: ScoringRules,
  asOf: string,
  opts: { projects?: readonly string[] } = {},
): MonitorResult {
  const r = rules.ruleSet;
  const selected = opts.projects ? selectProjects(goals, actuals, opts.projects) : { goals, actuals };
  // A deadline still ahead, or a qualitative item judged by likelihood, has no value to enter yet.
  const bound = bindActuals(selected.goals, selected.actuals, {
    actualOptional: (ind, e) =>
      ind.target.direction === 'deadline' || ind.target.direction === 'qualitative' || e.kind === 'qualitative',
  });
  const errors: Problem[] = [...bound.problems];
  const warnings: Problem[] = [];
  const time = timeProgress(asOf);
  const projects: ProjectMonitoring[] = [];
  const plans = new Map<string, WeightPlan>();
  const forecastErrors: Problem[] = [];
  // A date outside the goals' year is one mistake in the actuals file, said once rather than once per project.
  const years = [...new Set(bound.projects.map((p) => p.table.year))];
  const wrongYear = years.length > 0 && !years.includes(Number(asOf.slice(0, 4)));
  if (wrongYear) {
    errors.push({
      code: 'as-of-year',
      where: '监控截止日期',
      message: `${asOf} 不在目标表的年度（${years.join('、')} 年）内：截止日期应为该年度内的日期，如 ${years[0]}-06-30`,
    });
  }
  for (const p of bound.projects) {
    const where = projectLabel(p.table);
    // The rule set as it stood for this goal table's year (dated values; the forecast's scoring resolves its own).
    const r = ruleSetForYear(rules.ruleSet, p.table.year).ruleSet;
    const planIssues = planProblems(p.table.spendingPlan, asOf, where).filter(
      (x) => !(wrongYear && x.code === 'as-of-year'),
    );
    if (wrongYear) continue;
    errors.push(...planIssues);
    // Monitoring needs every project filled in: its problems are reported, all at once.
    const before = errors.length;
    errors.push(...p.problems);
    for (const b of p.indicators) {
      const problem = b.invalid ?? b.unfilled;
      if (problem) errors.push(problem);
    }
    const executed = p.entry.budget.executed;
    if (executed === undefined && !p.unfilled)
      errors.push({ code: 'missing-executed', where, message: '未填写截至监控日执行数' });
    if (planIssues.length > 0 || errors.length > before || executed === undefined) continue;
    const execution = executionStatus(p.table, p.entry, asOf, r, time);
    if (execution.status !== 'green' && !execution.reason) {
      warnings.push({
        code: 'execution-behind',
        where,
        message: `预算执行${STATUS_LABEL[execution.status]}灯（落后计划 ${pp(execution.gap)} 个百分点），须填写执行偏差原因`,
      });
    }
    const paces = p.table.indicators.map((ind, i) => {
      const b = p.indicators[i] ?? { entry: { name: ind.name }, actual: null };
      const at = `${where} 第${i + 1}项指标“${ind.name}”`;
      if (b.entry.notApplicable) {
        const pace = indicatorPace(
          {
            no: i + 1,
            ind,
            entry: { ...b.entry, kind: 'qualitative', likelihood: '确定能' },
            actual: null,
            asOf,
            time,
            where: at,
          },
          r,
          [],
        );
        return { ...pace, status: 'green' as const, notApplicable: b.entry.notApplicable };
      }
      const pace = indicatorPace(
        { no: i + 1, ind, entry: b.entry, actual: b.actual, asOf, time, where: at },
        r,
        errors,
      );
      if (pace.status !== 'green' && (!b.entry.reason || !b.entry.cause)) {
        const missing = [b.entry.reason ? '' : '偏差原因', b.entry.cause ? '' : '偏差原因类别']
          .filter(Boolean)
          .join('和');
        warnings.push({
          code: 'deviation-unexplained',
          where: at,
          message: `${STATUS_LABEL[pace.status]}灯，须填写${missing}`,
        });
      }
      return pace;
    });
    const rows = p.indicators.map((b) => b.entry);
    // The projected project scored by the year-end engine (shared weight plans), as the self-evaluation will be,
    // right away: the projected entry is garbage before the next project (holding them all made the GC work).
    // Bound directly: the projected entry was built row for row from its own table.
    const entry = projectedEntry(p.table, p.entry, rows, paces, time, r, plans);
    const s = scoreProject(bindProject(p.table, entry), rules, plans, { explain: false });
    for (const e of s.problems) forecastErrors.push({ ...e, message: `全年预测：${e.message}` });
    projects.push({
      code: p.table.code,
      ...(p.table.codeGenerated ? { codeGenerated: true as const } : {}),
      name: p.table.name,
      execution,
      // Set on the paces built above rather than spread into copies: this runs once per indicator.
      indicators: paces.map((pace, i) => Object.assign(pace, { forecastScore: s.indicators[i]?.score ?? 0 })),
      forecast: {
        total: s.total,
        grade: s.grade ?? '',
        budgetScore: s.budget.score,
        executed: round(s.budget.executed ?? 0, { decimals: 4, mode: 'half-up' }),
        rate: s.budget.rate,
      },
    });
  }
  // The forecasts' problems after every entered one, as they follow from them.
  errors.push(...forecastErrors);
  if (errors.length > 0) return { ok: false, errors, warnings };
  const monitoring: Monitoring = {
    schema: 'jixiao/monitoring@1',
    asOf,
    timeProgress: Math.round(time * 10000) / 10000,
    ruleSet: { id: r.id, label: r.label },
    projects,
  };
  return { ok: true, monitoring, warnings };
}

const pp = (share: number) => String(Math.round(-share * 10000) / 100);

export type { ExecutionStatus } from './execution.js';
export type { IndicatorPace, PaceKind } from './pace.js';
export { plannedShare, planProblems, timeProgress } from './plan.js';
export type { Status } from './status.js';
