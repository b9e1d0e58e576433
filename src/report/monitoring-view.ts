import type { Monitoring, ProjectMonitoring } from '../core/monitoring/index.js';
import type { GoalDocument } from '../model/goals.js';
import type { RuleSet } from '../model/rule-set.js';
import { spendingChart } from './charts.js';
import { fmtActual, fmtMoney, fmtPp, fmtRate, fmtScoreBy, NOT_FILLED, NOT_IN_TABLE } from './format.js';
import { expectedText, KIND, light, monitoringReport, paceDeviation, projectedText } from './monitoring-report.js';

import {
  numbered,
  type ProjectHeaderView,
  projectHeader,
  type SectionView,
  type SpanCell,
  spans,
} from './view-common.js';

export interface MonitoringRowView {
  tier1Cell: SpanCell | null;
  tier2Cell: SpanCell | null;
  tier1: string;
  tier2: string;
  name: string;
  target: string;
  kind: string;
  expected: string;
  actual: string;
  projected: string;
  forecastScore: string;
  status: string;
  statusClass: string;
  likelihood: string;
  deviation: string;
}

/** Everything the 绩效运行监控表 and 监控报告 templates print, already formatted. */
export interface MonitoringView {
  title: string;
  reportTitle: string;
  ruleSet: string;
  project: ProjectHeaderView;
  asOf: string;
  timeProgress: string;
  moneyUnit: string;
  goals: string[];
  execution: {
    budget: string;
    executedAmount: string;
    planned: string;
    executed: string;
    timeProgress: string;
    gap: string;
    gapToTime: string;
    status: string;
    statusClass: string;
    reason: string;
    budgetScore: string;
  };
  indicators: MonitoringRowView[];
  forecast: { total: string; grade: string };
  chart: { svg: string };
  report: SectionView[];
}

export function monitoringView(
  p: ProjectMonitoring,
  m: Monitoring,
  goals: GoalDocument,
  ruleSet: RuleSet,
): MonitoringView {
  const table = goals.projects.find((t) => t.code === p.code);
  const s = (x: number) => fmtScoreBy(x, ruleSet.rounding.indicator);
  const e = p.execution;
  const cells = spans(p.indicators);
  const indicators = p.indicators.map(
    (i, k): MonitoringRowView => ({
      tier1Cell: cells[k]?.tier1Cell ?? null,
      tier2Cell: cells[k]?.tier2Cell ?? null,
      tier1: i.tier1,
      tier2: i.tier2,
      name: i.name,
      target: i.target.raw,
      kind: i.notApplicable ? '不适用' : (KIND[i.kind] ?? i.kind),
      expected: i.notApplicable ? '—' : expectedText(i),
      actual: i.notApplicable ? '不适用' : fmtActual(i.actual),
      projected: i.notApplicable ? '—' : projectedText(i),
      forecastScore: s(i.forecastScore),
      status: i.notApplicable ? '不适用' : light(i.status),
      statusClass: i.notApplicable ? 'not-applicable' : `status-${i.status}`,
      likelihood: i.notApplicable
        ? '—'
        : i.likelihood === i.suggestedLikelihood
          ? i.likelihood
          : `${i.likelihood}（系统建议：${i.suggestedLikelihood}）`,
      deviation: paceDeviation(i),
    }),
  );
  return {
    title: '项目支出绩效运行监控表',
    reportTitle: `${p.name}绩效运行监控报告`,
    ruleSet: `${m.ruleSet.label}（${m.ruleSet.id}）`,
    project: projectHeader(p.code, p.name, table, goals),
    asOf: m.asOf,
    timeProgress: fmtRate(m.timeProgress),
    moneyUnit: '万元',
    goals: table && table.goals.length > 0 ? numbered(table.goals) : [NOT_IN_TABLE],
    execution: {
      budget: fmtMoney(e.budget),
      executedAmount: fmtMoney(e.executedAmount),
      planned: fmtRate(e.planned),
      executed: fmtRate(e.executed),
      timeProgress: fmtRate(e.timeProgress),
      gap: fmtPp(e.gap),
      gapToTime: fmtPp(e.gapToTime),
      status: light(e.status),
      statusClass: `status-${e.status}`,
      reason: e.reason ?? (e.status === 'green' ? '—' : NOT_FILLED),
      budgetScore: s(p.forecast.budgetScore),
    },
    indicators,
    forecast: { total: fmtScoreBy(p.forecast.total, ruleSet.rounding.total), grade: p.forecast.grade },
    chart: { svg: table ? spendingChart(table.spendingPlan, m.asOf, e.executed) : '' },
    report: monitoringReport(p, m, ruleSet, { score: s, total: (x) => fmtScoreBy(x, ruleSet.rounding.total) }),
  };
}
