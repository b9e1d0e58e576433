import { datedOrderProblems, splitDated } from '../core/rules/dated.js';
import type { Problem } from '../errors.js';
import { RuleSet } from '../model/rule-set.js';
import { type KeyPath, type Place, problemAt } from './yaml-file.js';
import { unknownKeyProblems, zodProblems } from './zod-problems.js';

/**
 * Dated values at load time (see src/core/rules/dated.ts): the lists are taken out of the merged data before the
 * schema sees it, and each entry's value is checked as if the rule set held it, its problems placed at the entry
 * (`scoring.qualitative.bands[1].value[0].min`).
 */
export { splitDated };

const startsWith = (path: KeyPath, prefix: KeyPath) => prefix.every((k, i) => path[i] === k);

const ENTRY_KEYS = new Set<string | number | undefined>(['from', 'value', 'source']);

/** A place for the rule set as loaded: a dated value is checked at its latest entry, so a problem is placed there. */
export function datedPlace(place: Place, dated: readonly { path: string[]; entries: unknown[] }[]): Place {
  if (dated.length === 0) return place;
  const move = (p: KeyPath): KeyPath => {
    const d = dated.find((x) => startsWith(p, x.path));
    // A path that already names an entry (`weight[1].from`, `…[0].source.cite[0].id`) stays where it is.
    if (!d || (typeof p[d.path.length] === 'number' && ENTRY_KEYS.has(p[d.path.length + 1]))) return p;
    return [...d.path, d.entries.length - 1, 'value', ...p.slice(d.path.length)];
  };
  return (path, ...alt) => place(move(path), ...alt.map(move));
}

export function datedProblems(
  parsed: RuleSet,
  place: Place,
  check: (rs: RuleSet, place: Place) => Problem[],
): Problem[] {
  const out: Problem[] = [];
  for (const d of parsed.dated ?? []) {
    for (const { index, message } of datedOrderProblems(d.entries))
      out.push(problemAt(place, 'dated_order', [...d.path, index, 'from'], message));
    d.entries.forEach((entry, i) => {
      // A place for paths inside the value: rule path → the entry's value in the file.
      const at = [...d.path, i, 'value'];
      const inEntry: Place = (path, ...alt) =>
        place(
          ...([path, ...alt].map((p) => (startsWith(p, d.path) ? [...at, ...p.slice(d.path.length)] : p)) as [KeyPath]),
        );
      const candidate = setPath(parsed, d.path, entry.value);
      const result = RuleSet.safeParse(candidate, { reportInput: true });
      const mine = (p: Problem) => (p.where ?? '').includes(`${d.path.join('.')}[${i}]`);
      if (!result.success) {
        const issues = result.error.issues.filter((x) => startsWith(x.path as KeyPath, d.path));
        out.push(...zodProblems(issues, inEntry));
        return;
      }
      out.push(...unknownKeyProblems(RuleSet, candidate, inEntry).filter(mine));
      out.push(...check(result.data, inEntry).filter(mine));
    });
  }
  return dedupe(out);
}

function setPath(data: unknown, path: readonly string[], value: unknown): unknown {
  const [key, ...rest] = path;
  if (key === undefined || typeof data !== 'object' || data === null) return data;
  const obj = data as Record<string, unknown>;
  return { ...obj, [key]: rest.length === 0 ? value : setPath(obj[key], rest, value) };
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.where}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
