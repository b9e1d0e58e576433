import { formatPath, isPlainObject, type KeyPath } from './yaml-file.js';

/**
 * How a rule set that `extends` another is combined with it:
 * - objects merge key by key, so a variant writes only the keys it changes;
 * - arrays, scalars and null replace the inherited value whole;
 * - a few objects are atomic and also replace whole: every `formula` (switching `{builtin}` to `{expr}` must
 *   not leave the old key behind), every `source` (a variant's citation must not keep the base's clauses) and
 *   the tier tables `tiers.weights` / `tiers.whenMissing` (a variant writes
 *   the whole table, so a tier can be dropped and the sum check sees exactly what was written).
 */
const ATOMIC_PATHS = new Set(['tiers.weights', 'tiers.whenMissing']);

export function isAtomic(path: KeyPath): boolean {
  const last = path[path.length - 1];
  return last === 'formula' || last === 'source' || ATOMIC_PATHS.has(formatPath(path));
}

export function mergeRuleData(
  base: Record<string, unknown>,
  overlay: Record<string, unknown>,
  path: KeyPath = [],
): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overlay)) {
    const here = [...path, key];
    const inherited = Object.hasOwn(out, key) ? out[key] : undefined;
    // defineProperty, not assignment: a key named __proto__ must stay a plain (and then unknown) key.
    Object.defineProperty(out, key, {
      value:
        isPlainObject(value) && isPlainObject(inherited) && !isAtomic(here)
          ? mergeRuleData(inherited, value, here)
          : value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}

/**
 * Every value a file writes, as key paths: descends objects but stops at atomic ones, arrays and scalars —
 * the units that replace an inherited value.
 */
export function writtenPaths(data: Record<string, unknown>, path: KeyPath = []): KeyPath[] {
  const out: KeyPath[] = [];
  for (const [key, value] of Object.entries(data)) {
    const here = [...path, key];
    if (isPlainObject(value) && !isAtomic(here) && Object.keys(value).length > 0)
      out.push(...writtenPaths(value, here));
    else out.push(here);
  }
  return out;
}
