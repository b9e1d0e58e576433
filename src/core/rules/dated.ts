import type { DatedEntry, DatedValue, RuleSet, Source } from '../../model/rule-set.js';

/**
 * Values dated by year, as OpenFisca parameters are: a rule value may be written as a list of
 * `{from, value, source}` entries, each in force from its `from` until the next one's. A goal document of year Y
 * is scored with the entries in force in Y (the last whose `from` falls in Y or before); the first entry has no
 * `from` and holds before the second's. Pure: plain data in and out.
 */

/** The values a rule set may date (key paths). Others keep one value: a list there is an ordinary list. */
export const DATABLE: readonly (readonly string[])[] = [
  ['execution', 'weight'],
  ['tiers', 'weights'],
  ['tiers', 'whenMissing'],
  ['tiers', 'whenPresent'],
  ['scoring', 'qualitative', 'bands'],
  ['grades', 'bands'],
  ['monitoring', 'amberGap'],
  ['monitoring', 'redGap'],
];

/** A dated value in force for a document's year: which rule, from when (null: before the next entry), its source. */
export interface AppliedValue {
  rule: string;
  year: number;
  /** As written: 2020-02-25 or 2022; null for the first entry. */
  from: string | null;
  /** The next entry's `from` (not included), or null when this is the latest. */
  until: string | null;
  source: Source;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A written dated list: a non-empty array of objects each holding `value` and `source`. */
export function isDatedList(v: unknown): v is Record<string, unknown>[] {
  return Array.isArray(v) && v.length > 0 && v.every((e) => isObject(e) && 'value' in e && 'source' in e);
}

function getIn(data: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), data);
}

/** A copy of `data` with `value` at `path` (objects along the path copied, the rest shared). */
function setIn<T>(data: T, path: readonly string[], value: unknown): T {
  const [key, ...rest] = path;
  if (key === undefined || !isObject(data)) return data;
  return { ...data, [key]: rest.length === 0 ? value : setIn(data[key], rest, value) } as T;
}

/**
 * Rule data as written (merged chain) → the data with each dated list replaced by its latest value (so the rule
 * set reads as it stands today) and the lists themselves under `dated`. Entries are checked by the schema.
 */
export function splitDated(data: Record<string, unknown>): {
  data: Record<string, unknown>;
  dated: { path: string[]; entries: unknown[] }[];
} {
  let out = data;
  const dated: { path: string[]; entries: unknown[] }[] = [];
  for (const path of DATABLE) {
    const written = getIn(data, path);
    if (!isDatedList(written)) continue;
    dated.push({ path: [...path], entries: written });
    out = setIn(out, path, written[written.length - 1]?.value);
  }
  return { data: dated.length > 0 ? { ...out, dated } : out, dated };
}

/** The first day a `from` applies to (a year is its 1 January); comparable as a string. */
export const startOf = (from: DatedEntry['from']): string =>
  from === undefined ? '' : typeof from === 'number' ? `${from}-01-01` : from;

/** What is wrong with the order of a dated list (by entry index), in Chinese. */
export function datedOrderProblems(entries: readonly DatedEntry[]): { index: number; message: string }[] {
  const out: { index: number; message: string }[] = [];
  entries.forEach((e, i) => {
    if (i === 0 && e.from !== undefined)
      out.push({ index: 0, message: '第一项不写 from：它适用于第二项起始日期之前的年度' });
    if (i > 0 && e.from === undefined) out.push({ index: i, message: '除第一项外，每项都要写 from（起始年份或日期）' });
    const prev = entries[i - 1];
    if (i > 1 && prev && e.from !== undefined && startOf(e.from) <= startOf(prev.from))
      out.push({ index: i, message: `from ${e.from} 应晚于上一项的 ${prev.from}` });
  });
  return out;
}

/** The entry in force for a document of `year`: the last whose `from` is in that year or before. */
export function entryFor(entries: readonly DatedEntry[], year: number): { entry: DatedEntry; index: number } {
  const end = `${year}-12-31`;
  let index = 0;
  entries.forEach((e, i) => {
    if (i > 0 && startOf(e.from) <= end) index = i;
  });
  return { entry: entries[index] as DatedEntry, index };
}

const CACHE = new WeakMap<RuleSet, Map<number, { ruleSet: RuleSet; applied: AppliedValue[] }>>();

/**
 * The rule set as it stood for a document of `year`: every dated value at its entry in force, and that entry's
 * source standing for its block (the 评分依据 then names the document the value comes from). A rule set with no
 * dated value is returned as it is. Cached per rule set and year.
 */
export function ruleSetForYear(rs: RuleSet, year: number): { ruleSet: RuleSet; applied: AppliedValue[] } {
  if (!rs.dated || rs.dated.length === 0) return { ruleSet: rs, applied: [] };
  let byYear = CACHE.get(rs);
  if (!byYear) {
    byYear = new Map();
    CACHE.set(rs, byYear);
  }
  const hit = byYear.get(year);
  if (hit) return hit;
  let ruleSet = rs;
  const applied: AppliedValue[] = [];
  for (const d of rs.dated as DatedValue[]) {
    const { entry, index } = entryFor(d.entries, year);
    ruleSet = setIn(ruleSet, d.path, entry.value);
    const block = d.path.slice(0, -1);
    if (isObject(getIn(ruleSet, block)) && 'source' in (getIn(ruleSet, block) as object))
      ruleSet = setIn(ruleSet, [...block, 'source'], entry.source);
    const next = d.entries[index + 1];
    applied.push({
      rule: d.path.join('.'),
      year,
      from: entry.from === undefined ? null : String(entry.from),
      until: next?.from === undefined ? null : String(next.from),
      source: entry.source,
    });
  }
  const out = { ruleSet, applied };
  byYear.set(year, out);
  return out;
}
