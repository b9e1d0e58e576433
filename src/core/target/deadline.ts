import type { DeadlineTarget } from '../../model/target.js';

/**
 * Deadlines as tables write them: "2025年12月31日前", "12月底前", "9月前", "≤2025年", "2023年12月",
 * "2021-12-31", "11月底完成", "12月底之前完成", "2025年年底前", "每年12月底前". A month or year alone means its
 * last day. "9月前" reads literally: before September begins (op '<', bound 09-01). "每年…" (every year) is the
 * table's year: a goal table is set for one year.
 */
const PREFIX = '(?<pre>≤|<|在|于|截至|截止到?|不晚于|不迟于)?(?<every>每年)?';
const YEAR = '(?:(?<y>(?:19|20)\\d{2})(?:年|(?=[-./])))';
const MONTH = '(?:[-./]?(?<m>1[0-2]|0?[1-9])(?:月份?|(?=[-./]))?)';
const DAY = '(?:[-./]?(?<d>3[01]|[12]\\d|0?[1-9])[日号]?)';
const SUFFIX =
  '(?<suf>年底之前|年底前|年末前|年底|年末|底前|底之前|末前|底|末|中旬前|前|之前|以前|内|以内|之内)?(?:前?完成[\\u4e00-\\u9fff]{0,20}|截止|止)?';

const FULL = new RegExp(`^${PREFIX}${YEAR}${MONTH}?${DAY}?${SUFFIX}$`);
const MONTH_ONLY = new RegExp(
  `^${PREFIX}(?<m>1[0-2]|0?[1-9])月(?<suf>底前|底之前|末前|底|末|前|之前|以前|份前|份)(?:完成|截止)?$`,
);
/** "年底前", "每年年底前完成": the end of the table's year. */
const YEAR_END_ONLY = new RegExp(`^${PREFIX}(?<suf>年底之前|年底前|年末前|年底|年末)(?:前?完成)?$`);

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();

export function parseDeadline(s: string, raw: string, year: number | undefined): DeadlineTarget | null {
  const full = FULL.exec(s);
  const other = full ? null : (MONTH_ONLY.exec(s) ?? YEAR_END_ONLY.exec(s));
  const g = (full ?? other)?.groups;
  if (!g) return null;
  // "≤2025年" and "2025年12月" are deadlines; a bare "2025" is not (it has no 年).
  if (full && !s.includes('年') && !g.m) return null;
  const y = g.y ? Number(g.y) : (year ?? null);
  const yearEnd = g.suf?.startsWith('年') === true;
  // "2025年12月年底前" says the month twice: not a spelling tables use.
  if (yearEnd && g.m) return null;
  // "年底前": the end of December, as precise as "12月底前".
  const m = g.m ? Number(g.m) : yearEnd ? 12 : undefined;
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
    ...(g.every ? { recurring: true } : {}),
  };
}

/** First day of the span a deadline names ("2023.07" → 2023-07-01, "2023年" → 2023-01-01). */
function startOf(t: DeadlineTarget): string | null {
  if (t.year === null) return null;
  if (t.day !== undefined && t.month !== undefined) return `${t.year}-${pad(t.month)}-${pad(t.day)}`;
  return `${t.year}-${pad(t.month ?? 1)}-01`;
}

const PERIOD_SEPARATOR = /[-~至到]/g;
const BARE_YEAR = /^(?:19|20)\d{2}$/;

/**
 * A period written as a target ("2023.07-2024.01", "2023年7月至12月", "2023-2025年"): the work runs over it, so
 * its end is the deadline and its start is kept as `from`. The end may leave out the start's year.
 */
export function parsePeriod(s: string, raw: string, year: number | undefined): DeadlineTarget | null {
  for (const sep of s.matchAll(PERIOD_SEPARATOR)) {
    const at = sep.index;
    let left = s.slice(0, at);
    const right = s.slice(at + 1);
    if (left === '' || right === '') continue;
    if (BARE_YEAR.test(left) && right.includes('年')) left = `${left}年`;
    const start = parseDeadline(left, raw, year);
    if (start?.op !== '<=' || start.year === null || start.recurring) continue;
    const end = parseDeadline(/^\d{1,2}月$/.test(right) ? `${right}底` : right, raw, start.year);
    if (!end || end.date === null || end.op !== '<=' || end.recurring) continue;
    const from = startOf(start);
    if (from === null || from > end.date) continue;
    return { ...end, from };
  }
  return null;
}
