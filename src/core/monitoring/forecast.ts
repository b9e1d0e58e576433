import { addDays } from 'date-fns';
import type { IndicatorActual, ProjectActuals, QualitativeGrade } from '../../model/actuals.js';
import type { GoalTable } from '../../model/goals.js';
import type { RuleSet } from '../../model/rule-set.js';
import { round } from '../rounding.js';
import { cachedPlanWeights, type WeightPlan } from '../scoring/weights.js';
import type { IndicatorPace } from './pace.js';
import { calendarDate, isoDate } from './plan.js';

const GRADE_OF = { 确定能: '达成', 有可能: '部分达成', 完全不可能: '未达成' } as const;

/**
 * The year-end entry the monitoring projects: each indicator at its projected value, the budget at its forecast
 * (or executed ÷ 序时进度, at most the budget). Scored by the ordinary year-end engine, so the forecast follows
 * exactly the rules the year-end self-evaluation will.
 */
export function projectedEntry(
  table: GoalTable,
  entry: ProjectActuals,
  rows: readonly IndicatorActual[],
  paces: readonly IndicatorPace[],
  time: number,
  r: RuleSet,
  plans: Map<string, WeightPlan>,
): ProjectActuals {
  const bands = r.scoring.qualitative.bands;
  const budget = entry.budget.adjusted ?? entry.budget.initial ?? table.budget.total;
  const executed = entry.budget.forecast ?? Math.min(budget, time > 0 ? (entry.budget.executed ?? 0) / time : 0);
  // Weights are needed only to place a qualitative forecast inside its band.
  let weights: number[] | undefined;
  const weightOf = (i: number) => {
    weights ??= cachedPlanWeights(
      table.indicators.map((ind, k) => ({
        tier1: ind.tier1,
        notApplicable: Boolean(paces[k]?.notApplicable),
        name: ind.name,
      })),
      r,
      '',
      plans,
    ).weights;
    return weights[i] ?? 0;
  };
  const indicators = table.indicators.map((ind, i): IndicatorActual => {
    const pace = paces[i];
    const source = rows[i];
    const out: IndicatorActual = { name: ind.name, tier2: ind.tier2, reason: '运行监控预测' };
    if (source?.weight !== undefined) out.weight = source.weight;
    // Fields are set on `out` rather than spread into copies: this runs once per indicator.
    if (!pace || pace.notApplicable) {
      out.notApplicable = pace?.notApplicable ?? '不适用';
    } else if (pace.kind === 'qualitative' || (source?.grade && typeof pace.projected !== 'number')) {
      const grade: QualitativeGrade = source?.grade ?? GRADE_OF[pace.likelihood];
      const band = bands.find((b) => b.grade === grade);
      // An in-band score: the evaluator's, else the middle of the band (the top for 达成).
      const mid = band ? (band.max >= 1 ? band.max : (band.min + band.max) / 2) : 1;
      out.grade = grade;
      out.score = source?.score ?? round(mid * weightOf(i), { decimals: 2, mode: 'half-up' });
    } else if (pace.kind === 'deadline' && typeof pace.projected !== 'string') {
      // Projected to miss: one day after the deadline.
      const t = ind.target;
      out.actual = t.direction === 'deadline' && t.date ? isoDate(addDays(calendarDate(t.date) as Date, 1)) : null;
    } else {
      out.actual = pace.projected;
    }
    return out;
  });
  return {
    code: entry.code,
    // The forecast spend is scored exact: the score is rounded once, by the rule set (rounding it to 4 decimals
    // first gave 6.69 where the exact forecast gives 6.68). Only the reported figure is rounded (index.ts).
    budget: { adjusted: budget, executed },
    indicators,
  };
}
