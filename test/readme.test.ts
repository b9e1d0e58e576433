import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import * as lib from '../src/index.js';

/**
 * The README's library example stays true: its code runs against the library as written, and every value a
 * comment shows after `expr;  // ` is what `expr` gives (objects by the keys shown, numbers to the decimals shown).
 */

const ROOT = join(import.meta.dirname, '..');
const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const block = /## Library\n+```ts\n([\s\S]*?)```/.exec(readme)?.[1] ?? '';

interface Claim {
  expr: string;
  shown: string;
}

/**
 * `expr;  // value` lines, or `expr;` with the value on the comment lines below it; a line holding only a
 * comment continues the value above it. Declarations and comment-only lines above code claim nothing.
 */
function claims(code: string): { body: string; claims: Claim[] } {
  const out: Claim[] = [];
  const body: string[] = [];
  const expression = (s: string) => !/^\s*(const|let|import)\b|^\s/.test(s) && !s.includes('=');
  let open: Claim | null = null;
  let last: string | null = null;
  for (const line of code.split('\n')) {
    const only = /^\s+\/\/ (.*)$/.exec(line);
    if (only && (open || last)) {
      open ??= { expr: last ?? '', shown: '' };
      if (!out.includes(open)) out.push(open);
      open.shown = `${open.shown} ${only[1]}`.trim();
      continue;
    }
    const m = /^(.*?);\s+\/\/ (.*)$/.exec(line);
    const code = m ? `${m[1]};` : line;
    body.push(code);
    open = m && expression(m[1] ?? '') ? { expr: m[1] ?? '', shown: m[2] ?? '' } : null;
    if (open) out.push(open);
    const bare = /^(.*\S);$/.exec(line);
    last = !m && bare && expression(bare[1] ?? '') ? (bare[1] ?? null) : null;
  }
  return { body: body.join('\n'), claims: out };
}

/** The longest start of a comment that is a JavaScript value: `34.06 — over …` → 34.06. */
function shownValue(text: string): unknown {
  for (let i = text.length; i > 0; i--) {
    try {
      return new Function(`return (${text.slice(0, i)});`)();
    } catch {}
  }
  throw new Error(`no value in “${text}”`);
}

/** Objects by the keys shown, arrays item by item, numbers to the decimals shown. */
function agrees(actual: unknown, shown: unknown): boolean {
  if (typeof shown === 'number') {
    const decimals = (String(shown).split('.')[1] ?? '').length;
    return typeof actual === 'number' && Number(actual.toFixed(decimals)) === shown;
  }
  if (Array.isArray(shown))
    return Array.isArray(actual) && actual.length === shown.length && shown.every((s, i) => agrees(actual[i], s));
  if (shown && typeof shown === 'object') {
    if (!actual || typeof actual !== 'object') return false;
    return Object.entries(shown).every(([k, v]) => agrees((actual as Record<string, unknown>)[k], v));
  }
  return actual === shown;
}

describe('the README library example', () => {
  const { body, claims: list } = claims(block);

  it('is found, with the values it claims', () => {
    expect(block).toContain("from 'jixiao'");
    expect(list.length).toBeGreaterThanOrEqual(8);
  });

  it('runs, and each value shown is the value given', async () => {
    const probes = list.map((c) => `(${c.expr})`).join(', ');
    const js = ts.transpileModule(`${body}\nconst probes__ = [${probes}];`, {
      compilerOptions: { target: ts.ScriptTarget.ES2022 },
    }).outputText;
    const names = /import \{([^}]*)\} from 'jixiao';/.exec(js)?.[1] ?? '';
    const run = js
      .replace(/import \{[^}]*\} from 'jixiao';/, `const {${names}} = lib;`)
      .replaceAll("'goals.json'", JSON.stringify(join(ROOT, 'samples/lunan-2025/goals.json')));
    const AsyncFunction = Object.getPrototypeOf(async () => {}).constructor;
    const got: unknown[] = await new AsyncFunction('lib', `${run}\nreturn probes__;`)(lib);
    const wrong = list.filter((c, i) => !agrees(got[i], shownValue(c.shown)));
    expect(wrong.map((c) => ({ expr: c.expr, shown: c.shown, got: got[list.indexOf(c)] }))).toEqual([]);
  });
});
