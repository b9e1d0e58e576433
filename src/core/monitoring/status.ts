import type { RuleSet } from '../../model/rule-set.js';

export type Status = 'green' | 'amber' | 'red';

export const STATUS_LABEL: Record<Status, string> = { green: '绿', amber: '黄', red: '红' };

/** Monitoring thresholds: the rule set's, or the national file's defaults (local practice, see its source). */
export function thresholds(r: RuleSet): { amberGap: number; redGap: number; mode: 'step' | 'linear'; source: string } {
  const m = r.monitoring;
  return {
    amberGap: m?.amberGap ?? -10,
    redGap: m?.redGap ?? -20,
    mode: m?.planBetweenMilestones ?? 'step',
    source: m?.source ?? '本工具默认（地方实践）：落后 10 个百分点转黄、20 个百分点转红',
  };
}

/** A gap in percentage points (negative = behind) to a traffic light. */
export function statusOfGap(gapPoints: number, r: RuleSet): Status {
  const t = thresholds(r);
  if (gapPoints <= t.redGap) return 'red';
  if (gapPoints <= t.amberGap) return 'amber';
  return 'green';
}
