import type { DeadlineTarget } from '../../model/target.js';

/**
 * Deadlines as tables write them: "2025年12月31日前", "12月底前", "9月前", "≤2025年", "2023年12月",
 * "2021-12-31", "11月底完成", "12月底之前完成". A month or year alone means its last day.
 * "9月前" reads literally: before September begins (op '<', bound 09-01).
 */
const PREFIX = '(?<pre>≤|<|在|于|截至|截止到?|不晚于|不迟于)?';
const YEAR = '(?:(?<y>(?:19|20)\\d{2})(?:年|(?=[-./])))';
const MONTH = '(?:[-./]?(?<m>1[0-2]|0?[1-9])(?:月份?|(?=[-./]))?)';
const DAY = '(?:[-./]?(?<d>3[01]|[12]\\d|0?[1-9])[日号]?)';
const SUFFIX =
  '(?<suf>底前|底之前|末前|底|末|中旬前|前|之前|以前|内|以内|之内)?(?:前?完成[\\u4e00-\\u9fff]{0,20}|截止|止)?';

const FULL = new RegExp(`^${PREFIX}${YEAR}${MONTH}?${DAY}?${SUFFIX}$`);
const MONTH_ONLY = new RegExp(
  `^${PREFIX}(?<m>1[0-2]|0?[1-9])月(?<suf>底前|底之前|末前|底|末|前|之前|以前|份前|份)(?:完成|截止)?$`,
);

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseDeadline(s: string, raw: string, year: number | undefined): DeadlineTarget | null {
  const full = FULL.exec(s);
  const monthOnly = full ? null : MONTH_ONLY.exec(s);
  const g = (full ?? monthOnly)?.groups;
  if (!g) return null;
  // "≤2025年" and "2025年12月" are deadlines; a bare "2025" is not (it has no 年).
  if (full && !s.includes('年') && !g.m) return null;
  const y = g.y ? Number(g.y) : (year ?? null);
  const m = g.m ? Number(g.m) : undefined;
  const d = g.d ? Number(g.d) : undefined;
  if (m === undefined && d !== undefined) return null;
  if (y !== null && m !== undefined && d !== undefined && d > lastDay(y, m)) return null;
  // "9月前" / "2025年9月前" without 底: strictly before the month starts.
  const beforeMonth = m !== undefined && d === undefined && /^(前|之前|以前|份前)$/.test(g.suf ?? '');
  const strict = g.pre === '<' || beforeMonth;
  const precision = d !== undefined ? 'day' : m !== undefined ? 'month' : 'year';
  let date: string | null = null;
  if (y !== null) {
    if (beforeMonth && m !== undefined) date = `${y}-${pad(m)}-01`;
    else if (precision === 'day' && m !== undefined && d !== undefined) date = `${y}-${pad(m)}-${pad(d)}`;
    else if (precision === 'month' && m !== undefined) date = `${y}-${pad(m)}-${pad(lastDay(y, m))}`;
    else date = `${y}-12-31`;
  }
  return {
    raw,
    direction: 'deadline',
    date,
    precision,
    year: y,
    ...(m !== undefined ? { month: m } : {}),
    ...(d !== undefined ? { day: d } : {}),
    op: strict ? '<' : '<=',
  };
}
