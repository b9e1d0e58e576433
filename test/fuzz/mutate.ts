/**
 * Mutations of real files, as fast-check arbitraries. A generated value is a *recipe* (which real file, which
 * mutations at which positions), never the mutated text itself: recipes shrink (fewer mutations, positions
 * towards 0), print as JSON, and replay exactly. `render*` turns a recipe into the concrete input.
 *
 * Seeds are the project's real inputs: the bureau's goal document (../shared/seed and samples/), the sample
 * actuals, the rule sets in rules/, and the published tables in ../shared/cases (their targets and actuals as
 * target strings, and converted to actuals files).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { parse as parseYaml, stringify as stringifyYaml } from 'yaml';
import { caseFiles, convertCase, loadCase } from '../cases/convert.js';
import { encodeGbk, encodeUtf8Bom, encodeUtf16 } from '../fixtures/documents/encode.js';

// ---------------------------------------------------------------------------------------------------------------
// Seeds

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SHARED = fileURLToPath(new URL('../../../shared/', import.meta.url));
const read = (path: string) => readFileSync(path, 'utf8');

export type FileFormat = 'yaml' | 'json';

export interface FileSeed {
  name: string;
  format: FileFormat;
  text: string;
}

export interface Seeds {
  /** Targets and actuals exactly as printed in real tables. */
  targets: string[];
  /** The goal document, whole and cut into its department part plus one table, and the fixture documents. */
  documents: { name: string; text: string }[];
  /** Actuals files: the samples (YAML and the same data as JSON) and every published case converted. */
  actuals: FileSeed[];
  /** rules/national.yaml */
  national: string;
  /** Every other rules/*.yaml: variants that extend national (directly or through another variant). */
  variants: { name: string; text: string }[];
}

let cached: Seeds | undefined;

export function loadSeeds(): Seeds {
  cached ??= buildSeeds();
  return cached;
}

function buildSeeds(): Seeds {
  const sample = `${ROOT}samples/lunan-2025/`;
  const document = read(`${SHARED}seed/lunan-emergency-2025-goals.txt`);
  const fixtures = `${ROOT}test/fixtures/documents/`;
  const documents = [
    { name: 'seed/lunan-emergency-2025-goals.txt', text: document },
    ...documentExcerpts(document),
    ...readdirSync(fixtures)
      .filter((f) => f.endsWith('.txt'))
      .sort()
      .map((f) => ({ name: `test/fixtures/documents/${f}`, text: read(fixtures + f) })),
  ];

  const cases = caseFiles().map((f) => ({ file: f, data: loadCase(f) }));
  const targets = new Set<string>();
  for (const { data } of cases) {
    for (const ind of data.indicators) {
      targets.add(ind.target);
      targets.add(ind.actual);
      for (const row of ind.sub_rows ?? []) for (const cell of row) targets.add(cell);
    }
    if (data.budget.published_rate) targets.add(data.budget.published_rate);
  }
  const goals = JSON.parse(read(`${sample}goals.json`)) as {
    projects: { indicators: { target: { raw: string } }[] }[];
  };
  for (const p of goals.projects) for (const ind of p.indicators) targets.add(ind.target.raw);

  const actuals: FileSeed[] = [];
  for (const f of ['actuals-year-end.yaml', 'actuals-mid-year.yaml']) {
    const text = read(sample + f);
    actuals.push({ name: `samples/lunan-2025/${f}`, format: 'yaml', text });
    actuals.push({ name: `samples/lunan-2025/${f} (as JSON)`, format: 'json', text: pretty(parseYaml(text)) });
    collectActualStrings(parseYaml(text), targets);
  }
  for (const { file, data } of cases) {
    const b = data.budget;
    if ((b.full_year ?? b.initial) === null || b.executed === null) continue;
    const doc = convertCase(data).actuals;
    actuals.push({ name: `../shared/cases/${file} (actuals, JSON)`, format: 'json', text: pretty(doc) });
    actuals.push({ name: `../shared/cases/${file} (actuals, YAML)`, format: 'yaml', text: stringifyYaml(doc) });
  }

  const rulesDir = `${ROOT}rules/`;
  const variants = readdirSync(rulesDir)
    .filter((f) => f.endsWith('.yaml') && f !== 'national.yaml')
    .sort()
    .map((f) => ({ name: `rules/${f}`, text: read(rulesDir + f) }));

  return {
    targets: [...targets].filter((t) => t !== '').sort(),
    documents,
    actuals,
    national: read(`${rulesDir}national.yaml`),
    variants,
  };
}

const pretty = (data: unknown) => `${JSON.stringify(data, null, 2)}\n`;

function collectActualStrings(data: unknown, out: Set<string>): void {
  if (Array.isArray(data)) for (const x of data) collectActualStrings(x, out);
  else if (data !== null && typeof data === 'object') {
    for (const [k, v] of Object.entries(data)) {
      if (k === 'actual' && (typeof v === 'string' || typeof v === 'number')) out.add(String(v));
      else collectActualStrings(v, out);
    }
  }
}

/** The department part followed by one goal table: a real document, small enough to fuzz fast. */
function documentExcerpts(text: string): { name: string; text: string }[] {
  const lines = text.split('\n');
  const starts = lines.flatMap((line, i) => (/绩效目标表\s*$/.test(line) ? [i] : []));
  const first = starts[0];
  if (first === undefined) return [];
  const head = lines.slice(0, first);
  return starts.map((start, i) => ({
    name: `seed/lunan-emergency-2025-goals.txt (department + table ${i + 1})`,
    text: [...head, ...lines.slice(start, starts[i + 1] ?? lines.length)].join('\n'),
  }));
}

// ---------------------------------------------------------------------------------------------------------------
// Dictionaries

/** Unicode that real files should not contain, or contain only by accident. */
export const UNICODE_JUNK = [
  '\u0000',
  '\ud800', // lone high surrogate
  '\udc00', // lone low surrogate
  '\udfff\ud800',
  '\u200f', // RTL mark
  '\u202e', // RTL override
  '\u200b', // zero-width space
  '\ufeff', // BOM inside the text
  '\u00a0',
  '\u3000', // ideographic space
  '\u2028',
  '\u2029',
  '\u0085',
  '\ufffd',
  '\u0301', // combining acute
  '\u001a',
  '\u001b',
  '\u007f',
  '\v',
  '\f',
  '\r',
  '\r\n',
  '😀',
  '𠀀', // CJK extension B (surrogate pair)
  'ＡＢＣ１２３',
  '％',
  '：',
  '，',
  '．',
  '－',
  '～',
  '＞＝',
  '＜',
  '﹪',
  '①',
  'Ⅻ',
  '٣', // Arabic-Indic digit
  '１',
  '０．５',
];

/** Tabs and line breaks: the goal document's cell structure. */
export const CELLS = ['\t', '\t\t', '\t\t\t\t\t\t', '\n\t', '\t\n', ' \t ', '\n', '\n\n\n', '\t \t', '\r\n\t'];

/** Long runs that probe quadratic scans and regex backtracking. */
export const LONG_RUNS = [
  '1'.repeat(5000),
  '9'.repeat(400),
  '万'.repeat(2000),
  '≥'.repeat(1000),
  '（'.repeat(1000),
  '\t'.repeat(5000),
  '-'.repeat(3000),
  `${'年'.repeat(500)}月`,
  ' '.repeat(5000),
  '1.'.repeat(2000),
  '一二三'.repeat(1000),
  '%'.repeat(2000),
  `${'1-'.repeat(1500)}1`,
  'a'.repeat(20000),
  '\n'.repeat(5000),
];

/** Replacements for a number: huge, negative, NaN-ish, malformed. */
export const NUMBER_JUNK = [
  '1e309',
  '-1e309',
  '9'.repeat(400),
  '9'.repeat(300), // finite, but not once a scale word (万, 亿) multiplies it
  `1${'0'.repeat(305)}`,
  `0.${'0'.repeat(400)}1`,
  '-1',
  '-0',
  '0',
  'NaN',
  '.nan',
  '.inf',
  '-.inf',
  'Infinity',
  '-Infinity',
  '0x7fffffff',
  '0o777',
  '1_000',
  '1,000',
  '１２３',
  '٣٤',
  '1e-400',
  '0.1+0.2',
  '',
  ' ',
  '1..2',
  '.5',
  '5.',
  '12.165',
  '1.005',
  '2**53',
  '9007199254740993',
  '-9007199254740993',
  '1e21',
  '一千',
  '两万',
  '十亿亿',
];

/** Space-separated words: the dictionaries below are long and every entry is short. */
const words = (text: string) => text.trim().split(/\s+/);

const TARGET_TOKENS = words(`
  ≥ ≤ > < = >= <= ≧ ═ 不低于 不超过 低于 大于等于 达到 至少 控制在 以上 以下 以内 及以上 内
  万 亿 千万 百万 家 万元 元 % ‰ 百分比 百分点 人次 元/人 元/人*月 天 个工作日
  年 月 日 底 前 之前 月底前 2025年 12月 31日 2025-12-31 2025.12.31 2025/13/45 2月30日
  至 ~ - — ～ 到 ( ) （ ） (抽样调查) . × * / · 零 一 两 十 百 千 〇
  有所提高 较往年 达成 合格 是 否 待定 xx … 0 100 95 1000
`);

const DOCUMENT_TOKENS = [
  ...words(`
    项目编码 项目名称 预算数 财政资金 其他资金 资金用途 资金支出计划 绩效目标 一级指标 二级指标 三级指标
    绩效指标描述 指标值 指标值确定依据 产出指标 效益指标 满意度指标 成本指标 数量指标 时效指标 绩效目标表
    [bookmark:_Toc_4_4_0000000099] 第一部分 部门整体绩效目标 单位：万元 450001唐山市路南区应急管理局本级
    13020225P00001210004M 2025年 2024年 2099年 3月底 12月底 25% 100% ≥1000家 ≤2025年 万元 （ ） ： 【 】
  `),
  '\n1.2025年测试项目绩效目标表\n',
];

const YAML_TOKENS = [
  ...words(`: - ? *a *missing | >- " ' # { } [ ] , @ \` ~ null yes on \\ "\\ud800" "\\x00"`),
  ...words(`!!js/function !!js/undefined !!binary !!set !!omap !!pairs !!timestamp !!float !!int !!str !!map !!seq
    !custom !<tag:yaml.org,2002:str>`).map((tag) => `${tag} `),
  ': ',
  '- ',
  '? ',
  '&a ',
  '<<: *a',
  '\n---\n',
  '\n...\n',
  '%YAML 1.1\n---\n',
  '%TAG ! tag:example.com,2000:\n---\n',
  '\t',
];

const JSON_TOKENS = [
  ...words(
    `{ } [ ] , : " \\ "\\u0000" "\\ud800" "\\uDFFF\\uD800" NaN Infinity -Infinity null true 1e999 -0 0x10 ,] ,}`,
  ),
  '// comment\n',
  '/* comment */',
  '"__proto__": {"a": 1},',
  '"constructor": 1,',
  '"projects": null,',
  '\ufeff',
];

/** Whole lines inserted with the indentation of their neighbour. */
const YAML_LINES = [
  '<<: *a',
  '<<: {code: X}',
  '<<: [*a, *b]',
  'x: &a {a: 1}',
  'y: &b [1, 2]',
  '__proto__: {a: 1}',
  'constructor: {a: 1}',
  'toString: x',
  'extends: national',
  'extends: hebei-integer',
  'extends: ./missing.yaml',
  'extends: ../rules/national.yaml',
  'source: 地方实践（测试）',
  '- name: x',
  '- {name: 新增指标, actual: 1}',
  '? [a, b]',
  ': b',
  '? {a: 1}',
  '# comment',
  '---',
  '...',
  'schema: jixiao/actuals@1',
  'period: mid-year',
  'asOf: 2025-02-30',
  'formula: { expr: "ratio * weight" }',
  'formula: { expr: "import(\\"fs\\")" }',
  'formula: { expr: "1/0" }',
  'formula: { builtin: nope }',
  'fromTable: true',
  'decimals: 7',
  'mode: banker',
  'weight: -5',
  'cap: .nan',
];

/** Values put in front of (prefix) or instead of (replace) the value of a `key: value` line. */
const YAML_PREFIXES = ['&a ', '&b ', '!!str ', '!!js/function ', '!!binary ', '!!timestamp ', '!!float ', '!custom '];
const YAML_REPLACEMENTS = [
  ...words('*a *b *missing [] {} ~ "" .nan .inf -.inf 0x1F 1e999 2025-13-45 yes null'),
  '&a [*a]',
  '!!set {a, b}',
  '!!omap [a: 1, a: 2]',
  '!!int 0x',
  '!!float abc',
  '!!timestamp 2025-01-01',
  '!!binary aGVsbG8=',
  '|\n  block',
  '>\n  folded',
];

/** An alias bomb ("billion laughs"): 9^9 leaves if expanded naively. */
export function aliasBomb(levels = 9): string {
  const lines = ['lol0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) {
    lines.push(`lol${i}: &l${i} [${Array.from({ length: 9 }, () => `*l${i - 1}`).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}

/** Whole blocks appended or prepended to a YAML/JSON file. */
export const YAML_BLOCKS = [
  aliasBomb(9),
  aliasBomb(4),
  'self: &s [*s]\n',
  'alias: *undefined\n',
  `many: &m x\nmanyRefs: [${Array.from({ length: 300 }, () => '*m').join(', ')}]\n`,
  `deep: ${'['.repeat(2000)}${']'.repeat(2000)}\n`,
  `deepMap: ${'{a: '.repeat(500)}1${'}'.repeat(500)}\n`,
  `${Array.from({ length: 150 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n')} x\n`,
  '%YAML 1.1\n---\n',
  'a: 1\n---\nb: 2\n',
  `big: "${'x'.repeat(100_000)}"\n`,
];

// ---------------------------------------------------------------------------------------------------------------
// Mutations

/** Positions are unbounded naturals, taken modulo what is there: they shrink towards the start of the file. */
export type TextMutation =
  | { op: 'insert'; at: number; text: string }
  | { op: 'delete'; at: number; length: number }
  | { op: 'flip-char'; at: number; bit: number }
  | { op: 'truncate'; at: number }
  | { op: 'delete-line'; at: number }
  | { op: 'duplicate-line'; at: number }
  | { op: 'swap-lines'; at: number; with: number }
  | { op: 'join-lines'; at: number }
  | { op: 'delete-tab'; at: number }
  | { op: 'number'; at: number; with: string }
  | { op: 'indent'; at: number; by: number }
  | { op: 'insert-line'; at: number; text: string }
  | { op: 'yaml-value'; at: number; prefix: string; replace: boolean }
  | { op: 'nest'; at: number; depth: number; style: 'flow-seq' | 'flow-map' | 'block' }
  | { op: 'block'; text: string; where: 'start' | 'end' };

export type ByteMutation =
  | { op: 'flip-bit'; at: number; bit: number }
  | { op: 'set-byte'; at: number; value: number }
  | { op: 'insert-bytes'; at: number; bytes: number[] }
  | { op: 'delete-bytes'; at: number; length: number }
  | { op: 'truncate-bytes'; at: number };

/** On the parsed data of a YAML/JSON file, re-serialised afterwards. */
export interface StructuralMutation {
  op: 'delete' | 'set' | 'add-key' | 'dup-item';
  /** Node index in document order. */
  path: number;
  value: number;
  key: number;
}

export type Encoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gbk';

export type Flavour = 'target' | 'document' | 'yaml' | 'json';

const pos = fc.nat();
const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);

function tokensOf(flavour: Flavour): string[] {
  switch (flavour) {
    case 'target':
      return TARGET_TOKENS;
    case 'document':
      return [...DOCUMENT_TOKENS, ...TARGET_TOKENS];
    case 'yaml':
      return [...YAML_TOKENS, ...TARGET_TOKENS.slice(0, 20)];
    case 'json':
      return [...JSON_TOKENS, ...YAML_TOKENS.slice(0, 12)];
  }
}

export function textMutation(flavour: Flavour): fc.Arbitrary<TextMutation> {
  const insertText = fc.oneof(
    { weight: 4, arbitrary: pick(tokensOf(flavour)) },
    { weight: 3, arbitrary: pick(UNICODE_JUNK) },
    { weight: flavour === 'document' ? 4 : 1, arbitrary: pick(CELLS) },
    { weight: 1, arbitrary: pick(LONG_RUNS) },
    { weight: 1, arbitrary: fc.string({ maxLength: 4 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 3 }) },
  );
  const structured = flavour === 'yaml' || flavour === 'json';
  const lineOps = flavour === 'target' ? 0 : 2;
  return fc.oneof(
    { weight: 6, arbitrary: fc.record({ op: fc.constant('insert' as const), at: pos, text: insertText }) },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('delete' as const), at: pos, length: fc.integer({ min: 1, max: 24 }) }),
    },
    {
      weight: 2,
      arbitrary: fc.record({ op: fc.constant('flip-char' as const), at: pos, bit: fc.integer({ min: 0, max: 15 }) }),
    },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: pos }) },
    { weight: lineOps, arbitrary: fc.record({ op: fc.constant('delete-line' as const), at: pos }) },
    { weight: lineOps, arbitrary: fc.record({ op: fc.constant('duplicate-line' as const), at: pos }) },
    { weight: lineOps, arbitrary: fc.record({ op: fc.constant('swap-lines' as const), at: pos, with: pos }) },
    { weight: lineOps / 2, arbitrary: fc.record({ op: fc.constant('join-lines' as const), at: pos }) },
    {
      weight: flavour === 'document' ? 2 : 0,
      arbitrary: fc.record({ op: fc.constant('delete-tab' as const), at: pos }),
    },
    {
      weight: 3,
      arbitrary: fc.record({ op: fc.constant('number' as const), at: pos, with: pick(NUMBER_JUNK) }),
    },
    {
      weight: structured ? 2 : 0,
      arbitrary: fc.record({ op: fc.constant('indent' as const), at: pos, by: fc.integer({ min: -4, max: 4 }) }),
    },
    {
      weight: structured ? 2 : 0,
      arbitrary: fc.record({ op: fc.constant('insert-line' as const), at: pos, text: pick(YAML_LINES) }),
    },
    {
      weight: flavour === 'yaml' ? 3 : 0,
      arbitrary: fc.oneof(
        fc.record({
          op: fc.constant('yaml-value' as const),
          at: pos,
          prefix: pick(YAML_PREFIXES),
          replace: fc.constant(false),
        }),
        fc.record({
          op: fc.constant('yaml-value' as const),
          at: pos,
          prefix: pick(YAML_REPLACEMENTS),
          replace: fc.constant(true),
        }),
      ),
    },
    {
      weight: structured ? 1 : 0,
      arbitrary: fc.record({
        op: fc.constant('nest' as const),
        at: pos,
        depth: fc.constantFrom(2, 20, 200, 2000),
        style: fc.constantFrom('flow-seq' as const, 'flow-map' as const, 'block' as const),
      }),
    },
    {
      weight: structured ? 1 : 0,
      arbitrary: fc.record({
        op: fc.constant('block' as const),
        text: pick(YAML_BLOCKS),
        where: fc.constantFrom('start' as const, 'end' as const),
      }),
    },
  );
}

const BYTE_JUNK: number[][] = [
  [0x00],
  [0xff, 0xfe],
  [0xfe, 0xff],
  [0xff, 0xfe, 0x00, 0x00],
  [0xef, 0xbb, 0xbf],
  [0x1a],
  [0x1b],
  [0x7f],
  [0x80],
  [0xc0, 0x80], // overlong NUL
  [0xed, 0xa0, 0x80], // UTF-8 encoded surrogate
  [0xf4, 0x90, 0x80, 0x80], // beyond U+10FFFF
  [0xf0, 0x9f, 0x98], // cut 4-byte sequence
  [0x81, 0x30, 0x81, 0x30], // GB18030 four-byte
  [0xa1, 0xa1], // GBK ideographic space
  [0xd5, 0xe2], // GBK 这
  [0x50, 0x4b, 0x03, 0x04], // ZIP
  [0x25, 0x50, 0x44, 0x46], // %PDF
  [0xd0, 0xcf, 0x11, 0xe0], // old Office
  [0x7b, 0x5c, 0x72, 0x74, 0x66], // {\rtf
];

export const byteMutation: fc.Arbitrary<ByteMutation> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({ op: fc.constant('flip-bit' as const), at: pos, bit: fc.integer({ min: 0, max: 7 }) }),
  },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('set-byte' as const), at: pos, value: fc.integer({ min: 0, max: 255 }) }),
  },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('insert-bytes' as const),
      at: pos,
      bytes: fc.oneof(pick(BYTE_JUNK), fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 4 })),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('delete-bytes' as const),
      at: pos,
      length: fc.integer({ min: 1, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate-bytes' as const), at: pos }) },
);

export const structuralMutation: fc.Arbitrary<StructuralMutation> = fc.record({
  op: fc.constantFrom('delete' as const, 'set' as const, 'add-key' as const, 'dup-item' as const),
  path: pos,
  value: pos,
  key: pos,
});

const at = (n: number, length: number) => (length <= 0 ? 0 : n % length);

export function applyText(text: string, m: TextMutation): string {
  switch (m.op) {
    case 'insert': {
      const i = at(m.at, text.length + 1);
      return text.slice(0, i) + m.text + text.slice(i);
    }
    case 'delete': {
      const i = at(m.at, text.length);
      return text.slice(0, i) + text.slice(i + m.length);
    }
    case 'flip-char': {
      if (text === '') return text;
      const i = at(m.at, text.length);
      return text.slice(0, i) + String.fromCharCode(text.charCodeAt(i) ^ (1 << m.bit)) + text.slice(i + 1);
    }
    case 'truncate':
      return text.slice(0, at(m.at, text.length + 1));
    case 'number': {
      const numbers = [...text.matchAll(/-?\d+(?:\.\d+)?/g)];
      const hit = numbers[at(m.at, numbers.length)];
      if (hit?.index === undefined) return text + m.with;
      return text.slice(0, hit.index) + m.with + text.slice(hit.index + hit[0].length);
    }
    case 'block':
      return m.where === 'start' ? m.text + text : `${text.endsWith('\n') ? text : `${text}\n`}${m.text}`;
    default:
      return applyLines(text, m);
  }
}

function applyLines(text: string, m: TextMutation): string {
  const lines = text.split('\n');
  const i = at('at' in m ? m.at : 0, lines.length);
  const line = lines[i] ?? '';
  const indent = /^[ \t]*(?:- )?/.exec(line)?.[0].replace('- ', '  ') ?? '';
  switch (m.op) {
    case 'delete-line':
      lines.splice(i, 1);
      break;
    case 'duplicate-line':
      lines.splice(i, 0, line);
      break;
    case 'swap-lines': {
      const j = at(m.with, lines.length);
      lines[i] = lines[j] ?? '';
      lines[j] = line;
      break;
    }
    case 'join-lines':
      lines.splice(i, 2, line + (lines[i + 1] ?? ''));
      break;
    case 'delete-tab': {
      const tabs = [...text.matchAll(/\t/g)];
      const hit = tabs[at(m.at, tabs.length)];
      return hit?.index === undefined ? text : text.slice(0, hit.index) + text.slice(hit.index + 1);
    }
    case 'indent':
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + line : line.replace(new RegExp(`^ {0,${-m.by}}`), '');
      break;
    case 'insert-line':
      lines.splice(i + 1, 0, indent + m.text);
      break;
    case 'yaml-value': {
      const keyLines = lines.flatMap((l, k) => (/^\s*(?:- )?[^\s:#][^:#]*:\s+\S/.test(l) ? [k] : []));
      const k = keyLines[at(m.at, keyLines.length)];
      if (k === undefined) return text;
      const kv = /^(\s*(?:- )?[^\s:#][^:#]*:\s+)(.*)$/.exec(lines[k] ?? '');
      if (!kv) return text;
      const value = m.prefix.includes('\n')
        ? m.prefix.replace(/\n/g, `\n${indent}`)
        : m.replace
          ? m.prefix
          : m.prefix + (kv[2] ?? '');
      lines[k] = (kv[1] ?? '') + value;
      break;
    }
    case 'nest': {
      const open = m.style === 'flow-seq' ? '[' : m.style === 'flow-map' ? '{a: ' : '';
      const close = m.style === 'flow-seq' ? ']' : m.style === 'flow-map' ? '}' : '';
      if (m.style === 'block') {
        // Block nesting grows quadratically in size: 150 levels is already 11,000 spaces of indentation.
        const depth = Math.min(m.depth, 150);
        const nested = Array.from({ length: depth }, (_, d) => `${indent}${' '.repeat(d + 2)}n${d}:`).join('\n');
        lines.splice(i + 1, 0, `${indent}nest:`, `${nested} x`);
      } else lines.splice(i + 1, 0, `${indent}nest: ${open.repeat(m.depth)}1${close.repeat(m.depth)}`);
      break;
    }
    default:
      return text;
  }
  return lines.join('\n');
}

export function applyBytes(bytes: Uint8Array, m: ByteMutation): Uint8Array {
  const n = bytes.length;
  switch (m.op) {
    case 'flip-bit': {
      if (n === 0) return bytes;
      const out = bytes.slice();
      const i = at(m.at, n);
      out[i] = (out[i] ?? 0) ^ (1 << m.bit);
      return out;
    }
    case 'set-byte': {
      if (n === 0) return Uint8Array.of(m.value);
      const out = bytes.slice();
      out[at(m.at, n)] = m.value;
      return out;
    }
    case 'insert-bytes': {
      const i = at(m.at, n + 1);
      return Uint8Array.from([...bytes.subarray(0, i), ...m.bytes, ...bytes.subarray(i)]);
    }
    case 'delete-bytes': {
      const i = at(m.at, n);
      return Uint8Array.from([...bytes.subarray(0, i), ...bytes.subarray(i + m.length)]);
    }
    case 'truncate-bytes':
      return bytes.slice(0, at(m.at, n + 1));
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Structural mutations (YAML / JSON data)

const VALUES: unknown[] = [
  null,
  '',
  '   ',
  0,
  -1,
  -0.0001,
  1e308,
  5e-324,
  Number.NaN,
  Number.POSITIVE_INFINITY,
  2 ** 53 + 2,
  12.165,
  true,
  'x',
  '达成',
  '部分达成',
  '1086家',
  '≥95%',
  '2025-13-45',
  '2025-02-30',
  'jixiao/actuals@1',
  'mid-year',
  'year-end',
  'national',
  'hebei-integer',
  '../national.yaml',
  'x'.repeat(5000),
  [],
  {},
  [null],
  { a: 1 },
  { expr: 'ratio * weight' },
  { expr: 'min(ratio, 1) * cap' },
  { expr: 'import("fs")' },
  { expr: '1/0' },
  { expr: 'ratio > 1 ? weight : ratio * weight' },
  { expr: `${'('.repeat(300)}ratio${')'.repeat(300)}` },
  { expr: 'weight ^ 1e6' },
  { builtin: 'ratio' },
  { builtin: 'nope' },
  { builtin: 'ratio', expr: 'ratio' },
  { decimals: 7, mode: 'half-up' },
  { decimals: 2, mode: 'none' },
  { decimals: 0, mode: 'half-even' },
  { grade: '优', min: 90 },
  { name: '新增指标', actual: '1' },
  { code: 'P1', budget: { executed: 1 }, indicators: [] },
];

const KEYS = [
  ...words(`__proto__ constructor toString hasOwnProperty extends source formula fromTable asOf override score
    weight grade notApplicable reason unknownKey 产出指标 成本指标 monitoring cap expr`),
  '',
];

interface NodeRef {
  parent: Record<string, unknown> | unknown[] | null;
  key: string | number | null;
  value: unknown;
}

function nodes(data: unknown): NodeRef[] {
  const out: NodeRef[] = [{ parent: null, key: null, value: data }];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) {
      v.forEach((x, i) => {
        out.push({ parent: v, key: i, value: x });
        walk(x);
      });
    } else if (v !== null && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      for (const k of Object.keys(o)) {
        out.push({ parent: o, key: k, value: o[k] });
        walk(o[k]);
      }
    }
  };
  walk(data);
  return out;
}

/** Set an own property, even `__proto__`, as a parser would. */
function setOwn(o: Record<string, unknown>, k: string, v: unknown): void {
  Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
}

const clone = (v: unknown): unknown => structuredClone(v);

export function applyStructural(data: unknown, m: StructuralMutation): unknown {
  const root = { doc: clone(data) };
  const all = nodes(root.doc);
  const target = all[at(m.path, all.length)];
  if (!target) return root.doc;
  const value = clone(VALUES[at(m.value, VALUES.length)]);
  const { parent, key } = target;
  const replace = (v: unknown) => {
    if (parent === null) root.doc = v;
    else if (Array.isArray(parent)) parent[key as number] = v;
    else setOwn(parent, key as string, v);
  };
  switch (m.op) {
    case 'delete':
      if (Array.isArray(parent)) parent.splice(key as number, 1);
      else if (parent !== null) delete parent[key as string];
      else root.doc = null;
      break;
    case 'set':
      replace(value);
      break;
    case 'add-key': {
      const holder = target.value !== null && typeof target.value === 'object' ? target.value : parent;
      if (Array.isArray(holder)) holder.push(value);
      else if (holder !== null && typeof holder === 'object')
        setOwn(holder as Record<string, unknown>, KEYS[at(m.key, KEYS.length)] ?? 'k', value);
      break;
    }
    case 'dup-item':
      if (Array.isArray(parent)) parent.splice(key as number, 0, clone(target.value));
      else if (Array.isArray(target.value) && target.value.length > 0) target.value.push(clone(target.value[0]));
      else replace([target.value, clone(target.value)]);
      break;
  }
  return root.doc;
}

const parsedSeeds = new Map<string, unknown>();

function parsedSeed(text: string, format: FileFormat): unknown {
  let data = parsedSeeds.get(text);
  if (data === undefined) {
    data = format === 'json' ? JSON.parse(text) : parseYaml(text);
    parsedSeeds.set(text, data);
  }
  return data;
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes

export interface TargetRecipe {
  seed: number;
  text: TextMutation[];
}

export interface DocumentRecipe {
  seed: number;
  text: TextMutation[];
  /** 'text': hand the text to parseGoalDocument directly; otherwise encode, mutate the bytes, decode. */
  via: 'text' | Encoding;
  bytes: ByteMutation[];
}

export interface FileRecipe {
  seed: number;
  structural: StructuralMutation[];
  text: TextMutation[];
  bytes: ByteMutation[];
}

export interface RulesRecipe extends FileRecipe {
  /** national: mutate national.yaml and load it, or load an intact variant extending it; variant: mutate that. */
  mutate: 'national' | 'variant';
  load: 'national' | 'variant';
}

const mutations = <T>(arb: fc.Arbitrary<T>, maxLength: number) => fc.array(arb, { maxLength });

export function targetRecipe(seeds: Seeds): fc.Arbitrary<TargetRecipe> {
  return fc.record({
    seed: fc.nat({ max: seeds.targets.length - 1 }),
    text: mutations(textMutation('target'), 5),
  });
}

export function documentRecipe(seeds: Seeds): fc.Arbitrary<DocumentRecipe> {
  return fc.record({
    seed: fc.nat({ max: seeds.documents.length - 1 }),
    text: mutations(textMutation('document'), 6),
    via: fc.constantFrom(
      'text' as const,
      'utf-8' as const,
      'utf-8-bom' as const,
      'utf-16le' as const,
      'utf-16be' as const,
      'gbk' as const,
    ),
    bytes: mutations(byteMutation, 3),
  });
}

function fileRecipe(count: number): fc.Arbitrary<FileRecipe> {
  return fc.record({
    seed: fc.nat({ max: count - 1 }),
    structural: mutations(structuralMutation, 3),
    text: mutations(fc.oneof({ weight: 3, arbitrary: textMutation('yaml') }, textMutation('json')), 5),
    bytes: mutations(byteMutation, 2),
  });
}

export function actualsRecipe(seeds: Seeds): fc.Arbitrary<FileRecipe> {
  return fileRecipe(seeds.actuals.length);
}

export function rulesRecipe(seeds: Seeds): fc.Arbitrary<RulesRecipe> {
  return fc
    .tuple(
      fileRecipe(seeds.variants.length),
      fc.constantFrom(
        { mutate: 'national' as const, load: 'national' as const },
        { mutate: 'national' as const, load: 'variant' as const },
        { mutate: 'variant' as const, load: 'variant' as const },
      ),
    )
    .map(([file, which]) => ({ ...file, ...which }));
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

export function renderTarget(seeds: Seeds, r: TargetRecipe): string {
  return r.text.reduce(applyText, seeds.targets[r.seed] ?? '');
}

export type DocumentInput = { text: string } | { bytes: Uint8Array };

export function encode(text: string, encoding: Encoding): Uint8Array {
  switch (encoding) {
    case 'utf-8':
      return new TextEncoder().encode(text);
    case 'utf-8-bom':
      return encodeUtf8Bom(text);
    case 'utf-16le':
      return encodeUtf16(text, 'le');
    case 'utf-16be':
      return encodeUtf16(text, 'be');
    case 'gbk':
      return encodeGbkLossy(text);
  }
}

/** GBK, with characters GBK cannot hold written as '?' (as Notepad does when saving as ANSI). */
function encodeGbkLossy(text: string): Uint8Array {
  try {
    return encodeGbk(text);
  } catch {
    const parts: number[] = [];
    for (const ch of text) {
      try {
        parts.push(...encodeGbk(ch));
      } catch {
        parts.push(0x3f);
      }
    }
    return Uint8Array.from(parts);
  }
}

export function renderDocument(seeds: Seeds, r: DocumentRecipe): DocumentInput {
  const text = r.text.reduce(applyText, seeds.documents[r.seed]?.text ?? '');
  if (r.via === 'text') return { text };
  return { bytes: r.bytes.reduce(applyBytes, encode(text, r.via)) };
}

/** A YAML or JSON file: structural mutations on its data, then text mutations, then byte mutations. */
export function renderFile(seed: FileSeed, r: FileRecipe): Uint8Array {
  let text = seed.text;
  if (r.structural.length > 0) {
    const data = r.structural.reduce(applyStructural, parsedSeed(seed.text, seed.format));
    text = seed.format === 'json' ? `${JSON.stringify(data, null, 2)}\n` : stringifyYaml(data);
  }
  text = r.text.reduce(applyText, text);
  return r.bytes.reduce(applyBytes, Buffer.from(text, 'utf8') as Uint8Array);
}

export interface ActualsInput {
  ext: 'yaml' | 'json';
  bytes: Uint8Array;
}

export function renderActuals(seeds: Seeds, r: FileRecipe): ActualsInput {
  const seed = seeds.actuals[r.seed] as FileSeed;
  return { ext: seed.format, bytes: renderFile(seed, r) };
}

export interface RulesInput {
  /** rules/national.yaml as written into the temporary rules folder. */
  national: Uint8Array;
  /** The variant file (extends a rule set by name), when one is loaded. */
  variant: Uint8Array | null;
  /** Which rules/*.yaml the variant is a copy of, and whether the recipe mutated it. */
  variantName: string;
  variantMutated: boolean;
  load: 'national' | 'variant';
}

export function renderRules(seeds: Seeds, r: RulesRecipe): RulesInput {
  const variant = seeds.variants[r.seed] ?? { name: 'none', text: '' };
  const intactNational = Buffer.from(seeds.national, 'utf8') as Uint8Array;
  if (r.mutate === 'national') {
    return {
      national: renderFile({ name: 'rules/national.yaml', format: 'yaml', text: seeds.national }, r),
      variant: r.load === 'variant' ? (Buffer.from(variant.text, 'utf8') as Uint8Array) : null,
      variantName: variant.name,
      variantMutated: false,
      load: r.load,
    };
  }
  return {
    national: intactNational,
    variant: renderFile({ name: variant.name, format: 'yaml', text: variant.text }, r),
    variantName: variant.name,
    variantMutated: true,
    load: 'variant',
  };
}
