import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * Imports point one way: cli → io, report → core → model. The report layer turns results into words and
 * documents and reads no input (no src/io), so the workbench and the library reuse it as it is; nothing but the
 * CLI imports the CLI. test/core/purity.test.ts keeps core and model pure; this test keeps the layers above
 * them in order. Imports are listed by TypeScript (static, dynamic, re-exports, require).
 */

const SRC = join(import.meta.dirname, '../../src');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** The src-relative targets ("io/rules.js") of a file's relative imports. */
function imports(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((i) => i.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) =>
      relative(SRC, join(file, '..', spec))
        .split(sep)
        .join(posix.sep),
    );
}

/** Layer → the layers it must not import. */
const FORBIDDEN: Record<string, string[]> = {
  report: ['io/', 'cli/', 'server/'],
  io: ['cli/', 'report/', 'server/'],
  server: ['cli/'],
  core: ['cli/', 'io/', 'report/', 'server/'],
};

function offences(file: string, text: string): string[] {
  const layer = relative(SRC, file).split(sep)[0] ?? '';
  const banned = [...(FORBIDDEN[layer] ?? []), ...(layer === 'cli' ? [] : ['cli/'])];
  return imports(file, text)
    .filter((t) => banned.some((b) => t.startsWith(b)))
    .map((t) => `imports ${t}`);
}

/**
 * Known exceptions, each to be removed: the workbench writes reports through the CLI's report command (its
 * render-then-write belongs in a module both can import).
 */
const KNOWN: string[] = [];

describe('the direction of imports', () => {
  const all = files(SRC);

  it('covers the report and cli sources', () => {
    expect(all.filter((f) => relative(SRC, f).startsWith(`report${sep}`)).length).toBeGreaterThan(15);
    expect(all.filter((f) => relative(SRC, f).startsWith(`cli${sep}`)).length).toBeGreaterThan(8);
  });

  it('report reads no input and knows no CLI; nothing outside the CLI imports it', () => {
    const found = all.flatMap((f) => offences(f, readFileSync(f, 'utf8')).map((o) => `${relative(SRC, f)}: ${o}`));
    expect(found.filter((x) => !KNOWN.includes(x))).toEqual([]);
  });

  it.each([
    ['report/x.ts', "import { loadGoals } from '../io/goals.js';", ['imports io/goals.js']],
    ['report/xlsx/x.ts', "const m = await import('../../io/rules.js');", ['imports io/rules.js']],
    ['report/x.ts', "export * from '../cli/commands/score.js';", ['imports cli/commands/score.js']],
    ['io/x.ts', "import { fmtRate } from '../report/format.js';", ['imports report/format.js']],
    ['server/x.ts', "import { main } from '../cli/main.js';", ['imports cli/main.js']],
    ['index.ts', "export { runScore } from './cli/commands/score.js';", ['imports cli/commands/score.js']],
    ['cli/x.ts', "import { loadGoals } from '../io/goals.js';", []],
    ['report/x.ts', "import { round } from '../core/rounding.js';", []],
  ])('%s: %s', (file, source, expected) => {
    expect(offences(join(SRC, file), source)).toEqual(expected);
  });
});
