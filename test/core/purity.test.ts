import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The core takes plain data and returns plain data: it imports only the model, the error types and the pure
 * packages, and reads no file, clock, randomness or process state. The CLI and the io edge pass such things in.
 */

const SRC = join(import.meta.dirname, '../../src');
const PURE = ['core', 'model'];
const PACKAGES = new Set(['date-fns', 'zod', 'mathjs']);
const IMPURE: [RegExp, string][] = [
  [/\bnew Date\(\s*\)/, 'reads the clock (new Date())'],
  [/\bDate\.now\b/, 'reads the clock (Date.now)'],
  [/\bMath\.random\b/, 'uses randomness'],
  [/\bprocess\./, 'reads process state'],
  [/\bconsole\./, 'prints'],
];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** Offences in one source file: imports leaving the pure layers, and calls to the world outside. */
function offences(file: string, text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)) {
    const spec = m[1] as string;
    if (spec.startsWith('.')) {
      const target = relative(SRC, join(file, '..', spec));
      if (!PURE.some((l) => target.startsWith(`${l}/`)) && target !== 'errors.js') out.push(`imports ${spec}`);
    } else if (!PACKAGES.has(spec)) out.push(`imports ${spec}`);
  }
  const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
  for (const [re, what] of IMPURE) if (re.test(code)) out.push(what);
  return out;
}

describe('the pure core', () => {
  const all = PURE.flatMap((l) => files(join(SRC, l)));

  it('covers the core and model sources', () => {
    expect(all.length).toBeGreaterThan(40);
  });

  it('imports nothing but the model, the error types and date-fns, zod, mathjs; touches no clock, file or console', () => {
    const found = all.flatMap((f) => offences(f, readFileSync(f, 'utf8')).map((o) => `${relative(SRC, f)}: ${o}`));
    expect(found).toEqual([]);
  });

  it('would catch a breach (the check itself can fail)', () => {
    const f = join(SRC, 'core/x.ts');
    expect(offences(f, "import { readFileSync } from 'node:fs';\nconst y = new Date().getFullYear();")).toEqual([
      'imports node:fs',
      'reads the clock (new Date())',
    ]);
    expect(offences(f, "import { loadGoals } from '../io/goals.js';")).toEqual(['imports ../io/goals.js']);
    expect(offences(f, "import { round } from './rounding.js';\n// new Date() in a comment")).toEqual([]);
  });
});
