import { checkByProject, type Finding, SEVERITY_LABEL } from '../core/check/index.js';
import type { Monitoring } from '../core/monitoring/index.js';
import { STATUS_LABEL as LIGHT } from '../core/monitoring/status.js';
import type { ScoringRules } from '../core/scoring/types.js';
import type { GoalDocument, GoalTable } from '../model/goals.js';
import { fmtActual, fmtMoney, fmtPp, fmtRate, fmtScore } from '../report/format.js';
import { type DraftView, scoreDraft } from './draft.js';
import { type DraftProject, entryFields } from './fields.js';

/** What the Start page shows after an import: the tables as read, and the target review's findings by row. */
export function importView(goals: GoalDocument, rules: ScoringRules, file: string) {
  const byProject = checkByProject(goals, { tierNames: Object.keys(rules.ruleSet.tiers.weights) });
  return {
    file,
    unit: goals.department.unitName ?? '',
    year: goals.year,
    projects: goals.projects.map((t, i) => ({
      code: t.code,
      name: t.name,
      budget: fmtMoney(t.budget.total),
      indicators: t.indicators.length,
      findings: (byProject[i] ?? []).map(findingView),
    })),
    indicatorCount: goals.projects.reduce((n, t) => n + t.indicators.length, 0),
  };
}

const findingView = (f: Finding) => ({
  severity: f.severity,
  severityLabel: SEVERITY_LABEL[f.severity],
  row: f.indicator ? String(f.indicator.no) : '—',
  indicator: f.indicator?.name ?? '（项目）',
  message: f.message,
  fix: f.fix,
});

/** Projects at a glance: budget, execution, filled/total, score so far, grade, warnings. */
export function glanceView(goals: GoalDocument, entries: readonly DraftProject[], rules: ScoringRules) {
  const rows = goals.projects.map((t) => {
    const entry = entries.find((e) => e.code === t.code);
    const draft = scoreDraft(t, entryFields(t, entry), rules);
    return {
      code: t.code,
      name: t.name,
      budget: fmtMoney(entry?.budget.adjusted ?? entry?.budget.initial ?? t.budget.total),
      rate: draft.budget.rate ?? '—',
      filled: `${draft.filled}/${draft.total}`,
      complete: draft.complete,
      score: draft.score,
      grade: draft.grade ?? '—',
      warnings: draft.problems.length,
    };
  });
  return { rows, decimals: rules.ruleSet.rounding.total.decimals };
}

/** One project in the 自评表 layout: the goal rows, the cells as saved, and the core's scores. */
export function projectView(t: GoalTable, entry: DraftProject | undefined, rules: ScoringRules, version: string) {
  const fields = entryFields(t, entry);
  const d = rules.ruleSet.rounding.indicator.decimals;
  return {
    code: t.code,
    name: t.name,
    year: t.year,
    budgetTotal: fmtMoney(t.budget.total),
    goals: t.goals,
    version,
    rows: t.indicators.map((ind, row) => ({
      row,
      tier1: ind.tier1,
      tier2: ind.tier2,
      name: ind.name,
      target: ind.target.raw,
      unit: 'unit' in ind.target ? (ind.target.unit ?? '') : '',
      qualitative: ind.target.direction === 'qualitative',
      weight: ind.weight === undefined ? '' : fmtScore(ind.weight, d),
    })),
    fields,
    draft: scoreDraft(t, fields, rules) satisfies DraftView,
  };
}

/** The mid-year view: spending against plan and time, lights, indicator pace, forecast, monitoring inputs. */
export function monitoringView(m: Monitoring, rules: ScoringRules) {
  const d = rules.ruleSet.rounding.total.decimals;
  const di = rules.ruleSet.rounding.indicator.decimals;
  return {
    asOf: m.asOf,
    timeProgress: fmtRate(m.timeProgress),
    projects: m.projects.map((p) => ({
      code: p.code,
      name: p.name,
      planned: fmtRate(p.execution.planned),
      timeProgress: fmtRate(p.execution.timeProgress),
      executed: fmtRate(p.execution.executed),
      gap: fmtPp(p.execution.gap),
      gapToTime: fmtPp(p.execution.gapToTime),
      light: p.execution.status,
      lightLabel: `${LIGHT[p.execution.status]}灯`,
      reason: p.execution.reason ?? '',
      forecast: fmtScore(p.forecast.total, d),
      grade: p.forecast.grade,
      indicators: p.indicators.map((i) => {
        const unit = 'unit' in i.target ? (i.target.unit ?? '') : '';
        const amount = (x: number | string | null) =>
          x === null ? '—' : typeof x === 'number' ? `${fmtScore(x, 2).replace(/\.?0+$/, '')}${unit}` : x;
        return {
          row: i.no - 1,
          name: i.name,
          target: i.target.raw,
          expected: amount(i.expected),
          actual: fmtActual(i.actual),
          projected: amount(i.projected),
          forecastScore: fmtScore(i.forecastScore, di),
          light: i.status,
          lightLabel: `${LIGHT[i.status]}灯`,
          likelihood: i.likelihood,
          suggested: i.suggestedLikelihood,
          cause: i.cause ?? '',
          reason: i.reason ?? '',
        };
      }),
    })),
  };
}
