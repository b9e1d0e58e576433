import type { Segments } from './tables.js';
import { yearsIn } from './text.js';

/**
 * The document year: the "20xx年" most often written in the table headings and the department part (ties go to
 * the later year: a plan names the year it is for, and mentions earlier ones). Failing that, the years in
 * project names, then in the file name.
 */
export function documentYear(seg: Segments, projectNames: string[], source: string | null): number | null {
  const headings = seg.tables.flatMap((t) => (t.heading ? [t.heading.text] : []));
  const department = seg.department.map((l) => l.text);
  return (
    mostCommon([...headings, ...department].flatMap(yearsIn)) ??
    mostCommon(projectNames.flatMap(yearsIn)) ??
    mostCommon([...(source ?? '').matchAll(/(?<!\d)(20\d{2})(?!\d)/g)].map((m) => Number(m[1])))
  );
}

function mostCommon(years: number[]): number | null {
  const counts = new Map<number, number>();
  for (const y of years) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  let bestCount = 0;
  for (const [y, n] of counts) {
    if (n > bestCount || (n === bestCount && best !== null && y > best)) {
      best = y;
      bestCount = n;
    }
  }
  return best;
}
