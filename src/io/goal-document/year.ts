import { isYearNote, type Segments } from './tables.js';
import { yearsIn } from './text.js';

/**
 * The document year, from the document only (never its file name: a renamed copy imports the same). The
 * "20xx年" most often written in the table headings, "(2022年度)" lines and the department part (ties go to the
 * later year: a plan names the year it is for, and mentions earlier ones); failing that, the years in project
 * names; then the year the user gave (--year); then the years inside the tables' cells ("2023年伙食补助预算",
 * "2023年12月31日"), most common first.
 */
export function documentYear(seg: Segments, projectNames: string[], given: number | undefined): number | null {
  return statedYear(seg, projectNames) ?? given ?? cellYear(seg);
}

/** The year most often written inside the tables' cells: a hint, not a statement of the document's year. */
export const cellYear = (seg: Segments): number | null => mostCommon(cellTexts(seg).flatMap(yearsIn));

/**
 * The year the document states where a year belongs (headings, "(2022年度)" lines, the department part, project
 * names); null when it states none there. A `--year` that differs from it is refused, not silently preferred.
 */
export function statedYear(seg: Segments, projectNames: string[]): number | null {
  const headings = seg.tables.flatMap((t) => (t.heading ? [t.heading.text] : []));
  const notes = seg.tables.flatMap((t) =>
    t.preamble.filter((c) => isYearNote(c.text)).map((c) => c.text.replace(/(20\d{2})(?!\s*年)/, '$1年')),
  );
  const department = seg.department.map((l) => l.text);
  return (
    mostCommon([...headings, ...notes, ...department].flatMap(yearsIn)) ?? mostCommon(projectNames.flatMap(yearsIn))
  );
}

const cellTexts = (seg: Segments) => seg.tables.flatMap((t) => t.blocks.flatMap((b) => b.cells.map((c) => c.text)));

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

/** The refusal when `--year` names another year than the document states (the JSON's year counts as stated). */
export const yearConflict = (stated: number, given: number): string =>
  `文档写明的年度是 ${stated} 年，与 --year ${given} 不一致：请去掉 --year，或改为 --year ${stated}`;
