import type { Monitoring, Status } from '../core/monitoring/index.js';
import { sumExact } from '../core/rounding.js';
import { projectLabel } from '../core/scoring/bind.js';
import type { Evaluation } from '../core/scoring/types.js';
import type { Problem } from '../errors.js';
import type { GoalDocument } from '../model/goals.js';
import type { RuleSet } from '../model/rule-set.js';
import { barChart } from './charts.js';
import {
  fmtGrade,
  fmtMoney,
  fmtPp,
  fmtRate,
  fmtScoreBy,
  NOT_FILLED,
  NOT_IN_TABLE,
  STATUS_LABEL,
  shownCode,
} from './format.js';
import { expectedText, light, paceDeviation, projectedText } from './monitoring-report.js';
import { actualText } from './view-common.js';

export interface DepartmentRowView {
  no: string;
  /** The 项目编码 as printed; `id` the project's id in the goals (for the page, not print). */
  code: string;
  id: string;
  name: string;
  budget: string;
  executed: string;
  planned: string;
  rate: string;
  gap: string;
  status: string;
  statusClass: string;
  score: string;
  grade: string;
  /** How many 提示 (warnings) the project has. */
  warnings: string;
}

/** 部门整体 summary: the department's goal texts, every project's score and execution, and what needs attention. */
export interface DepartmentView {
  title: string;
  period: string;
  isMonitoring: boolean;
  unit: { name: string; code: string };
  year: string;
  ruleSet: string;
  moneyUnit: string;
  scoreLabel: string;
  goals: { heading: string; text: string }[];
  projects: DepartmentRowView[];
  totals: { budget: string; executed: string; rate: string };
  grades: string;
  attention: { title: string; items: string[]; empty: string };
  chart: { svg: string };
}

export type DepartmentInput =
  | { goals: GoalDocument; ruleSet: RuleSet; evaluation: Evaluation }
  | { goals: GoalDocument; ruleSet: RuleSet; monitoring: Monitoring };

interface Row {
  code: string;
  codeGenerated?: true;
  name: string;
  budget: number;
  executed: number;
  planned: number;
  rate: number;
  status: Status | '';
  total: number;
  grade: string;
}

/**
 * `warnings`: the run's 提示, counted per project (by the project label the core names them with); without it,
 * a year-end project's own warnings.
 */
export function departmentView(input: DepartmentInput, warnings?: readonly Problem[]): DepartmentView {
  const { goals, ruleSet } = input;
  const total = (x: number) => fmtScoreBy(x, ruleSet.rounding.total);
  const isMonitoring = 'monitoring' in input;
  const rows: Row[] = isMonitoring
    ? input.monitoring.projects.map((p) => ({
        code: p.code,
        ...(p.codeGenerated ? { codeGenerated: true as const } : {}),
        name: p.name,
        budget: p.execution.budget,
        executed: p.execution.executedAmount,
        planned: p.execution.planned,
        rate: p.execution.executed,
        status: p.execution.status,
        total: p.forecast.total,
        grade: p.forecast.grade,
      }))
    : input.evaluation.projects.map((p) => ({
        code: p.code,
        ...(p.codeGenerated ? { codeGenerated: true as const } : {}),
        name: p.name,
        budget: p.budget.adjusted,
        executed: p.budget.executed ?? 0,
        // At year-end the plan has run its course: its last milestone (100% for any valid plan).
        planned: goals.projects.find((t) => t.code === p.code)?.spendingPlan.at(-1)?.cumulative ?? 1,
        rate: p.budget.rate,
        status: '',
        total: p.total,
        grade: fmtGrade(p.grade),
      }));
  const budget = sumExact(rows.map((r) => r.budget));
  const executed = sumExact(rows.map((r) => r.executed));
  const d = goals.department;
  const gradeNames = ruleSet.grades.bands.map((b) => b.grade);
  return {
    title: isMonitoring ? '部门整体绩效运行监控汇总表' : '部门整体绩效自评汇总表',
    period: isMonitoring ? `运行监控，截至 ${input.monitoring.asOf}` : '年终自评',
    isMonitoring,
    unit: { name: d.unitName ?? NOT_IN_TABLE, code: d.unitCode ?? NOT_IN_TABLE },
    year: `${goals.year}年度`,
    ruleSet: isMonitoring
      ? `${input.monitoring.ruleSet.label}（${input.monitoring.ruleSet.id}）`
      : `${input.evaluation.ruleSet.label}（${input.evaluation.ruleSet.id}）`,
    moneyUnit: '万元',
    scoreLabel: isMonitoring ? '预计总分' : '总分',
    goals: [
      { heading: '总体绩效目标', text: d.goals.overall || NOT_IN_TABLE },
      { heading: '分项绩效目标', text: d.goals.detailed || NOT_IN_TABLE },
      { heading: '工作保障措施', text: d.goals.measures || NOT_IN_TABLE },
    ],
    projects: rows.map((r, i) => ({
      no: String(i + 1),
      code: shownCode(r),
      id: r.code,
      name: r.name,
      budget: fmtMoney(r.budget),
      executed: fmtMoney(r.executed),
      planned: fmtRate(r.planned),
      rate: fmtRate(r.rate),
      gap: fmtPp(r.rate - r.planned),
      status: r.status ? light(r.status) : '—',
      statusClass: r.status ? `status-${r.status}` : '',
      score: total(r.total),
      grade: r.grade,
      warnings: String(
        warnings
          ? warnings.filter((w) => w.where?.startsWith(projectLabel(r))).length
          : ('evaluation' in input && input.evaluation.projects[i]?.warnings.length) || 0,
      ),
    })),
    totals: {
      budget: fmtMoney(budget),
      executed: fmtMoney(executed),
      rate: budget > 0 ? fmtRate(executed / budget) : '—',
    },
    grades: gradeNames.map((g) => `${g} ${rows.filter((r) => r.grade === g).length} 个`).join('、'),
    attention: isMonitoring ? monitoringAttention(input.monitoring) : yearEndAttention(input.evaluation),
    chart: {
      svg: barChart(
        `各项目${isMonitoring ? '预计' : ''}总分`,
        rows.map((r, i) => ({
          label: short(`${i + 1}. ${r.name}`),
          value: r.total,
          max: 100,
          text: `${total(r.total)}（${r.grade}）`,
        })),
      ),
    },
  };
}

const short = (s: string) => (s.length > 12 ? `${s.slice(0, 11)}…` : s);

function yearEndAttention(ev: Evaluation): DepartmentView['attention'] {
  const items = ev.projects.flatMap((p) => [
    ...(p.budget.rate < 1 ? [`${p.name}：预算执行率 ${fmtRate(p.budget.rate)}，${p.budget.reason ?? NOT_FILLED}`] : []),
    ...p.indicators
      .filter((i) => i.status === 'missed' || i.status === 'partial')
      .map(
        (i) =>
          `${p.name} · ${i.name}（${STATUS_LABEL[i.status]}；指标值 ${i.target.raw}，实际完成 ${actualText(i)}）：${i.reason ?? NOT_FILLED}`,
      ),
  ]);
  return {
    title: '未完成指标及预算执行偏差',
    items,
    empty: items.length > 0 ? '' : '各项目指标均已完成，预算全部执行。',
  };
}

function monitoringAttention(m: Monitoring): DepartmentView['attention'] {
  const items = m.projects.flatMap((p) => {
    const e = p.execution;
    return [
      ...(e.status === 'green'
        ? []
        : [
            `${p.name}：预算执行${light(e.status)}（执行进度 ${fmtRate(e.executed)}，计划 ${fmtRate(e.planned)}），${e.reason ?? NOT_FILLED}`,
          ]),
      ...p.indicators
        .filter((i) => !i.notApplicable && i.status !== 'green')
        .map(
          (i) =>
            `${p.name} · ${i.name}（${light(i.status)}；指标值 ${i.target.raw}，序时应完成 ${expectedText(i)}，全年预计 ${projectedText(i)}）：${paceDeviation(i)}`,
        ),
    ];
  });
  return { title: '黄灯、红灯事项', items, empty: items.length > 0 ? '' : '各项目预算执行和指标均为绿灯。' };
}
