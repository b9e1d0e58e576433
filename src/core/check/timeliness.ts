import type { Target } from '../../model/target.js';
import { convert } from '../units.js';
import { type Check, eachRow, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { isAtMost, isQuantity, isTimelinessTier } from './text.js';

/**
 * timeliness-target: a 时效指标 says by when the year's work is done: a date inside the budget year
 * ("2025年11月底前") or a time limit shorter than a year ("≤1月", "30个工作日内"). A whole year ("≤2025年"),
 * a span of years ("≥2年"), a count or a bare percentage ("100%") cannot show whether the work was on time.
 * Warnings: the row can still be scored, but it measures nothing about timeliness.
 */

/** A rate of on-time completion is an accepted form: "资金拨付及时率 ≥95%", "按时完成率 100%". */
const ON_TIME_RATE = /及时|按时|准时|时效|进度|完成率|到位率|办结率|拨付率/;

const FIX = '写明完成时限（如“2025年11月底前”）或年内的期限（如“≤30天”“资金到位后1个月内”）';

/** Why the target is not a within-year time, or null when it is. */
function problem(t: Target, year: number, rateNamed: boolean): string | null {
  switch (t.direction) {
    case 'deadline': {
      // Outside the budget year is said first: it is the larger mistake ("2023年底" in a 2022 table).
      if (t.year !== null && t.year !== year) {
        const whole = t.precision === 'year' ? '，且只给出年份' : '';
        return `完成时间“${t.raw.trim()}”不在预算年度 ${year} 年内${whole}`;
      }
      if (t.precision === 'year') return `“${t.raw.trim()}”只给出年份，整年都算按时，无法衡量时效`;
      return null;
    }
    case 'qualitative':
    case 'invalid':
      return null; // qualitative states ("按时完成") are judged by hand; invalid targets are target-invalid's
    case 'range':
      return t.dimension === 'time' ? null : `“${t.raw.trim()}”不是时间或期限`;
    default:
      break;
  }
  if (!isQuantity(t)) return null;
  const raw = t.raw.trim();
  if (t.dimension === 'time' && t.unit !== null) {
    const days = convert(t.value, t.unit, '天');
    const long = days.ok && days.value >= 365;
    // "≥24小时" (recording round the clock) is a duration kept up, not a deadline: only a year or more is wrong.
    if (!isAtMost(t.op)) return long ? `“${raw}”是一个不少于一年的时长，不是年内的完成时限` : null;
    return long ? `期限“${raw}”不短于一年，不能衡量年内的时效` : null;
  }
  if (t.dimension === 'percent') {
    if (rateNamed) return null;
    const noOp = t.implicitOp ? '，且没有写运算符' : '';
    return `“${raw}”是一个百分比，不是时间${noOp}；三级指标也没有说明是什么的比率（如“及时率”）`;
  }
  return `“${raw}”不是时间或期限`;
}

export const timelinessTarget: Check = (doc, ctx) => {
  const timely = byId(ctx.rows, isTimelinessTier);
  const named = byId(ctx.rows, (name) => ON_TIME_RATE.test(name) && /率|比例/.test(name));
  return eachRow(doc, (p, i, ind, r) => {
    if (!timely(ctx.rows.tier2[r] as number)) return null;
    const year = doc.projects[p]?.year ?? doc.year;
    const rateNamed = named(ctx.rows.name[r] as number);
    const why = problem(ind.target, year, rateNamed);
    if (why === null) return null;
    return rowFinding(ctx, p, i, ind, 'timeliness-target', 'warning', `时效指标${why}`, FIX);
  });
};
