import type { GoalDocument } from '../../model/goals.js';

/**
 * Every indicator row's texts as small integer ids, by global row number (rows numbered through the document,
 * project by project). Equal texts after normalisation get equal ids. Interning once lets every check index
 * arrays instead of hashing the same strings again: on 100,000 projects that is most of the cost.
 */
export interface RowTexts {
  /** Global number of project p's first row; project p's rows are start[p] … start[p + 1] - 1. */
  start: Int32Array;
  tier1: Int32Array;
  tier2: Int32Array;
  name: Int32Array;
  description: Int32Array;
  /** The target as written (target.raw). */
  target: Int32Array;
  /** The normalised text of each id. */
  text: string[];
}

export function internRows(doc: GoalDocument, norm: (s: string) => string): RowTexts {
  let total = 0;
  const start = new Int32Array(doc.projects.length + 1);
  doc.projects.forEach((table, p) => {
    start[p] = total;
    total += table.indicators.length;
  });
  start[doc.projects.length] = total;
  const text: string[] = [];
  const byNormal = new Map<string, number>();
  const byRaw = new Map<string, number>();
  const id = (raw: string) => {
    let n = byRaw.get(raw);
    if (n !== undefined) return n;
    const normal = norm(raw);
    n = byNormal.get(normal);
    if (n === undefined) {
      n = text.length;
      text.push(normal);
      byNormal.set(normal, n);
    }
    byRaw.set(raw, n);
    return n;
  };
  const rows: RowTexts = {
    start,
    tier1: new Int32Array(total),
    tier2: new Int32Array(total),
    name: new Int32Array(total),
    description: new Int32Array(total),
    target: new Int32Array(total),
    text,
  };
  let r = 0;
  for (const table of doc.projects) {
    for (const ind of table.indicators) {
      rows.tier1[r] = id(ind.tier1);
      rows.tier2[r] = id(ind.tier2);
      rows.name[r] = id(ind.name);
      rows.description[r] = id(ind.description);
      rows.target[r] = id(ind.target.raw);
      r++;
    }
  }
  return rows;
}

const UNSET = Symbol('unset');

/** `fn` of a text, cached by the text's id in a plain array: each distinct text is looked at once per run. */
export function byId<V>(rows: RowTexts, fn: (normalised: string) => V): (id: number) => V {
  const cache: (V | typeof UNSET)[] = new Array(rows.text.length).fill(UNSET);
  return (id) => {
    let v = cache[id];
    if (v === UNSET || v === undefined) {
      v = fn(rows.text[id] ?? '');
      cache[id] = v;
    }
    return v as V;
  };
}
