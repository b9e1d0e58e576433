import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/**
 * The core takes plain data and returns plain data: it imports only the model, the error types and the pure
 * packages, and reads no file, clock, randomness or process state. The CLI and the io edge pass such things in.
 * Imports are listed by TypeScript itself (static, dynamic, re-exports, require); the code is scanned as tokens,
 * so comments and string literals never hide or fake a use.
 */

const SRC = join(import.meta.dirname, '../../src');
const PURE = ['core', 'model'];
const PACKAGES = new Set(['date-fns', 'zod', 'mathjs']);
const IMPURE: [RegExp, string][] = [
  [/\bnew Date(?!\s*\(\s*[^\s)])/, 'reads the clock (new Date without arguments)'],
  [/(?<!new\s)\bDate\s*\(/, 'reads the clock (Date())'],
  [/\bDate\s*\.\s*now\b/, 'reads the clock (Date.now)'],
  [/\bReflect\s*\.\s*construct\s*\(\s*Date\b/, 'reads the clock (Reflect.construct)'],
  [/\bperformance\b/, 'reads the clock (performance)'],
  [/\bMath\s*\.\s*random\b/, 'uses randomness'],
  [/\bcrypto\b/, 'uses crypto'],
  [/\bprocess\b/, 'reads process state'],
  [/\bconsole\b/, 'prints'],
];

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : [],
  );

/** The code as tokens joined by spaces: comments dropped, every string and template literal emptied. */
function codeTokens(text: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, text);
  const K = ts.SyntaxKind;
  const out: string[] = [];
  // Open braces: true for a template's `${`, whose `}` continues the template text.
  const braces: boolean[] = [];
  for (let t = scanner.scan(); t !== K.EndOfFileToken; t = scanner.scan()) {
    if (t === K.CloseBraceToken && braces.pop()) t = scanner.reScanTemplateToken(false);
    if (t === K.OpenBraceToken) braces.push(false);
    if (t === K.TemplateHead || t === K.TemplateMiddle) braces.push(true);
    const literal = t === K.StringLiteral || (t >= K.NoSubstitutionTemplateLiteral && t <= K.TemplateTail);
    out.push(literal ? '""' : scanner.getTokenText());
  }
  return out.join(' ');
}

/** Offences in one source file: imports leaving the pure layers, and calls to the world outside. */
function offences(file: string, text: string): string[] {
  const out: string[] = [];
  const info = ts.preProcessFile(text, true, true);
  for (const { fileName: spec } of info.importedFiles) {
    if (spec.startsWith('.')) {
      const target = relative(SRC, join(file, '..', spec))
        .split(sep)
        .join(posix.sep);
      if (!PURE.some((l) => target.startsWith(`${l}/`)) && target !== 'errors.js') out.push(`imports ${spec}`);
    } else if (!PACKAGES.has(spec)) out.push(`imports ${spec}`);
  }
  const code = codeTokens(text);
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

  const f = join(SRC, 'core/x.ts');
  it.each([
    ["import { readFileSync } from 'node:fs';", ['imports node:fs']],
    ['import { readFileSync } from "node:fs";', ['imports node:fs']],
    ["export * from '../io/goals.js';", ['imports ../io/goals.js']],
    ['const m = await import(`node:fs`);', ['imports node:fs']],
    ["const fs = require('fs');", ['imports fs']],
    ['const y = new Date().getFullYear();', ['reads the clock (new Date without arguments)']],
    ['const y = new Date;', ['reads the clock (new Date without arguments)']],
    ['const s = Date();', ['reads the clock (Date())']],
    ["const u = 'http://x'; const t = Date.now();", ['reads the clock (Date.now)']],
    ['const d = Reflect.construct(Date, []);', ['reads the clock (Reflect.construct)']],
    ['const t = performance.now();', ['reads the clock (performance)']],
    ['const id = crypto.randomUUID();', ['uses crypto']],
    ['const { env } = process;', ['reads process state']],
    ['const e = globalThis.process?.env;', ['reads process state']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source held as a sample
    ['const x = `${console.log(1)}`;', ['prints']],
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source held as a sample
    ['const s = `a${ { k: `b${1}` }.k }c`; process.exitCode = 1;', ['reads process state']],
  ])('would catch %s', (source, expected) => {
    expect(offences(f, source)).toEqual(expected);
  });

  it.each([
    "import { round } from './rounding.js';\nimport type { RuleSet } from '../model/rule-set.js';",
    '// new Date() and process.env in a comment\nconst d = new Date(2025, 0, 1);',
    "const m = '用 Date.now() 或 console 的说明文字';",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: TypeScript source held as a sample
    'const s = `第${n}项 process`;',
  ])('lets pure code pass: %s', (source) => {
    expect(offences(f, source)).toEqual([]);
  });
});
