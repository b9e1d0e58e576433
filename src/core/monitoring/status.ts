import type { RuleSet, Source } from '../../model/rule-set.js';

export type Status = 'green' | 'amber' | 'red';

export const STATUS_LABEL: Record<Status, string> = { green: '绿', amber: '黄', red: '红' };

type Thresholds = { amberGap: number; redGap: number; mode: 'step' | 'linear'; source: Source };

const DEFAULT_SOURCE: Source = {
  basis: '本工具约定',
  cite: [],
  note: '规则集没有写运行监控阈值：落后计划 10 个百分点转黄、20 个百分点转红是本工具默认',
};
const CACHE = new WeakMap<RuleSet, Thresholds>();

/** Monitoring thresholds: the rule set's, or the national file's defaults (local practice, see its source). */
export function thresholds(r: RuleSet): Thresholds {
  // Looked up once per indicator light: cached per (immutable) rule set.
  let t = CACHE.get(r);
  if (t) return t;
  const m = r.monitoring;
  t = {
    amberGap: m?.amberGap ?? -10,
    redGap: m?.redGap ?? -20,
    mode: m?.planBetweenMilestones ?? 'step',
    source: m?.source ?? DEFAULT_SOURCE,
  };
  CACHE.set(r, t);
  return t;
}

/** A gap in percentage points (negative = behind) to a traffic light. */
export function statusOfGap(gapPoints: number, r: RuleSet): Status {
  const t = thresholds(r);
  if (gapPoints <= t.redGap) return 'red';
  if (gapPoints <= t.amberGap) return 'amber';
  return 'green';
}
