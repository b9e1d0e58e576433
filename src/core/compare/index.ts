import type { PreviousEvaluation, PreviousIndicator, PreviousProject } from '../../model/previous.js';
import type { Evaluation, IndicatorScore, ProjectScore } from '../scoring/types.js';
import { cleanFloat } from '../units.js';

/** Last year's figures of one indicator, beside this year's. */
export interface IndicatorComparison {
  no: number;
  tier1: string;
  tier2: string;
  name: string;
  actual: string | null;
  score: number;
  weight: number;
  /** null: last year's table has no indicator of this tier path and name. */
  previous: { actual: string | null; score: number; weight: number; status: string } | null;
  /** This year's score minus last year's, in points; null when unmatched. */
  change: number | null;
  /** By score rate (score ÷ weight), so that a changed weight does not read as a better or worse result. */
  trend: 'up' | 'down' | 'same' | null;
}

export interface ProjectComparison {
  code: string;
  name: string;
  year: number;
  total: number;
  grade: string | null;
  /** Last year's project, found by 项目编码, else by 项目名称; null when neither matches. */
  previous: {
    code: string;
    name: string;
    year: number;
    total: number;
    grade: string | null;
    incomplete: boolean;
    matchedBy: 'code' | 'name';
  } | null;
  change: number | null;
  indicators: IndicatorComparison[];
  /** Last year's indicators with no counterpart this year (tier path and name), in last year's order. */
  dropped: { tier1: string; tier2: string; name: string }[];
}

export interface YearComparison {
  projects: ProjectComparison[];
  /** Last year's projects matched by none of this year's. */
  unmatched: { code: string; name: string }[];
}

/**
 * This year's evaluation beside last year's: projects by 项目编码, else by name; indicators by tier path
 * (一级 / 二级) and 三级 name, a repeated one in table order. Pure; numbers only, the words are src/report's.
 */
export function compareYears(current: Evaluation, previous: PreviousEvaluation): YearComparison {
  const byCode = new Map(previous.projects.map((p) => [p.code, p]));
  const byName = new Map<string, PreviousProject>();
  for (const p of previous.projects) if (!byName.has(p.name)) byName.set(p.name, p);
  const used = new Set<PreviousProject>();
  const take = (p: ProjectScore): [PreviousProject, 'code' | 'name'] | null => {
    const c = byCode.get(p.code);
    if (c && !used.has(c)) return [c, 'code'];
    const n = byName.get(p.name);
    return n && !used.has(n) && !current.projects.some((q) => q.code === n.code) ? [n, 'name'] : null;
  };
  const projects = current.projects.map((p) => {
    const found = take(p);
    if (found) used.add(found[0]);
    return compareProject(p, found);
  });
  const unmatched = previous.projects.filter((p) => !used.has(p)).map((p) => ({ code: p.code, name: p.name }));
  return { projects, unmatched };
}

const pathKey = (i: { tier1: string; tier2: string; name: string }) => `${i.tier1}\u0000${i.tier2}\u0000${i.name}`;

function compareProject(p: ProjectScore, found: [PreviousProject, 'code' | 'name'] | null): ProjectComparison {
  const head = { code: p.code, name: p.name, year: p.year, total: p.total, grade: p.grade };
  if (!found)
    return { ...head, previous: null, change: null, indicators: p.indicators.map((i) => row(i, null)), dropped: [] };
  const [last, matchedBy] = found;
  const pool = new Map<string, PreviousIndicator[]>();
  for (const i of last.indicators) pool.set(pathKey(i), [...(pool.get(pathKey(i)) ?? []), i]);
  const indicators = p.indicators.map((i) => row(i, pool.get(pathKey(i))?.shift() ?? null));
  const dropped = [...pool.values()].flat().map((i) => ({ tier1: i.tier1, tier2: i.tier2, name: i.name }));
  const previous = {
    code: last.code,
    name: last.name,
    year: last.year,
    total: last.total,
    grade: last.grade,
    incomplete: last.incomplete !== null,
    matchedBy,
  };
  return { ...head, previous, change: cleanFloat(p.total - last.total), indicators, dropped };
}

function row(i: IndicatorScore, last: PreviousIndicator | null): IndicatorComparison {
  const out: IndicatorComparison = {
    no: i.no,
    tier1: i.tier1,
    tier2: i.tier2,
    name: i.name,
    actual: i.actual?.raw ?? null,
    score: i.score,
    weight: i.weight,
    previous: null,
    change: null,
    trend: null,
  };
  // Not-applicable or unscored rows on either side have no result to compare.
  if (!last || !scored(i.status) || !scored(last.status)) {
    if (last)
      out.previous = { actual: last.actual?.raw ?? null, score: last.score, weight: last.weight, status: last.status };
    return out;
  }
  out.previous = { actual: last.actual?.raw ?? null, score: last.score, weight: last.weight, status: last.status };
  out.change = cleanFloat(i.score - last.score);
  const now = i.weight > 0 ? i.score / i.weight : 0;
  const then = last.weight > 0 ? last.score / last.weight : 0;
  out.trend = Math.abs(now - then) < 1e-9 ? 'same' : now > then ? 'up' : 'down';
  return out;
}

const scored = (s: string) => s === 'met' || s === 'partial' || s === 'missed';
