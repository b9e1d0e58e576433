import type { ProjectActuals } from '../../model/actuals.js';
import type { GoalTable } from '../../model/goals.js';
import type { RuleSet } from '../../model/rule-set.js';
import { round } from '../rounding.js';
import { cleanFloat } from '../units.js';
import { plannedShare, timeProgress } from './plan.js';
import { type Status, statusOfGap, thresholds } from './status.js';

export interface ExecutionStatus {
  /** 全年预算数 and executed to date (万元). */
  budget: number;
  executedAmount: number;
  /** Shares 0–1: 计划进度, 实际执行进度, 序时进度. */
  planned: number;
  executed: number;
  timeProgress: number;
  /** executed − planned and executed − timeProgress, as shares (−0.1 = 10 percentage points behind). */
  gap: number;
  gapToTime: number;
  status: Status;
  reason?: string;
}

const share = (x: number) => round(x, { decimals: 4, mode: 'half-up' });

/** 预算执行 at the as-of date against the plan and against time; the light comes from the gap to plan. */
export function executionStatus(
  table: GoalTable,
  entry: ProjectActuals,
  asOf: string,
  r: RuleSet,
  time = timeProgress(asOf),
): ExecutionStatus {
  const budget = entry.budget.adjusted ?? entry.budget.initial ?? table.budget.total;
  // monitorDocument measures only projects whose executed amount is filled in.
  const amount = entry.budget.executed ?? 0;
  const executed = budget > 0 ? amount / budget : 0;
  const planned = plannedShare(table.spendingPlan, asOf, thresholds(r).mode);
  const gap = executed - planned;
  const out: ExecutionStatus = {
    budget,
    executedAmount: amount,
    planned: share(planned),
    executed: share(executed),
    timeProgress: share(time),
    gap: share(gap),
    gapToTime: share(executed - time),
    // The light is judged on the gap itself, as the rule states it (−19.996 points is not “≤ −20”); only the
    // reported figures are rounded. cleanFloat removes binary noise (0.4 − 0.5 = −0.09999…), nothing more.
    status: statusOfGap(cleanFloat(gap * 100), r),
  };
  if (entry.budget.reason) out.reason = entry.budget.reason;
  return out;
}
