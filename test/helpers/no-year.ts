import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jixiao, ROOT } from './cli.js';

/** A goal table that prints neither a year nor a 项目编码 (read with --year 2026): the importer makes its id. */
export const NO_YEAR = join(ROOT, 'test/fixtures/documents/no-year.txt');

/** The template `jixiao template` writes for NO_YEAR, filled in: every target met, `executed` 万元 spent. */
function filled(template: string, executed: number): string {
  const actuals = ['125万平方米', '96%', '3.4元/平方米', '92%'];
  let k = 0;
  return template
    .replace(/executed: +#[^\n]*/, `executed: ${executed}`)
    .replace(/grade: +#[^\n]*\n +score: +#[^\n]*/, 'grade: 达成')
    .replace(/^( +)actual:(?: +#.*)?$/gm, (_, pad: string) => `${pad}actual: ${actuals[k++]}`);
}

/** actuals.yaml (year-end, 39 of 40 万元) and mid-year.yaml (06-30, 20 万元) for NO_YEAR in `dir`. */
export function noYearActuals(dir: string): { yearEnd: string; midYear: string } {
  const yearEnd = join(dir, 'actuals.yaml');
  const midYear = join(dir, 'mid-year.yaml');
  writeFileSync(yearEnd, filled(jixiao(['template', NO_YEAR, '--year', '2026']).stdout, 39));
  const mid = jixiao(['template', NO_YEAR, '--year', '2026', '-p', 'mid-year', '--as-of', '2026-06-30']).stdout;
  writeFileSync(midYear, filled(mid, 20));
  return { yearEnd, midYear };
}
