import { UserError } from '../errors.js';
import type { GoalsOptions } from '../io/goals.js';

/**
 * `--year` on every command that reads GOALS: the year for a goal document that states none. A document (or goals
 * JSON) that states another year is refused by the reader, naming both years.
 */
export const GOALS_YEAR_OPTION = [
  '--year <年度>',
  '目标文档没有写明年度时按哪一年读取（文档写明的年度与之不同时拒绝，并指出两个年度）',
] as const;

export function goalsOptions(year: string | undefined, what?: string): GoalsOptions {
  const opts: GoalsOptions = what === undefined ? {} : { what };
  if (year === undefined) return opts;
  if (!/^20\d{2}$/.test(year.trim())) throw new UserError(`--year 应为 20xx 形式的年份，例如 2025，收到“${year}”`);
  return { ...opts, year: Number(year.trim()) };
}
