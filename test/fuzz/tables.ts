/**
 * Fuzz inputs for the table readers: the filled actuals workbook (.xlsx) and its CSV (readActualsTable), and the
 * official-layout self-evaluation table (.xlsx / .csv) the reviewer re-scores (readReviewTable).
 *
 * Byte mutations of a zip mostly end at "not a zip file", so an .xlsx recipe also mutates the XML *inside* the
 * zip (sheets and shared strings: as text, and element by element with xml.ts: cell values, rows, merges) and
 * zips it again, which reaches the cell readers.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { scoreDocument } from '../../src/core/scoring/index.js';
import { loadActuals } from '../../src/io/actuals.js';
import { loadGoals } from '../../src/io/goals.js';
import { loadRuleSet } from '../../src/io/rules.js';
import { actualsWorkbook } from '../../src/io/xlsx/template.js';
import type { ActualsDocument } from '../../src/model/actuals.js';
import type { GoalDocument } from '../../src/model/goals.js';
import { selfEvaluationWorkbook } from '../../src/report/xlsx/self-evaluation.js';
import { fillWorkbook } from '../io/xlsx/fill.js';
import { applyBytes, applyText, type ByteMutation, byteMutation, type TextMutation, textMutation } from './mutate.js';
import { applyXml, xmlMutation as elementMutation, type XmlMutation } from './xml.js';
import { rezip, stableZip } from './zip.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CASES = join(ROOT, 'test/fixtures/xlsx/cases');
const SAMPLE_ACTUALS = 'samples/lunan-2025/actuals-year-end.yaml';

export type TableReader = 'actuals' | 'review';

export interface TableSeed {
  name: string;
  reader: TableReader;
  /** A plain Uint8Array, never a Buffer: Buffer#slice is a view, and applyBytes would edit the seed in place. */
  bytes: Uint8Array;
}

export interface TableSeeds {
  goals: GoalDocument;
  xlsx: TableSeed[];
  csv: TableSeed[];
}

/**
 * The sample's actuals typed into the template workbook (and once re-saved by LibreOffice), its 指标 sheet as
 * CSV, every shared/cases table, and the self-evaluation workbooks `jixiao report` writes for the sample.
 */
export async function loadTableSeeds(): Promise<TableSeeds> {
  const goals = loadGoals(join(ROOT, 'samples/lunan-2025/goals.json'));
  const xlsx: TableSeed[] = [];
  const csv: TableSeed[] = [];
  for (const period of ['year-end', 'mid-year'] as const) {
    const actuals = loadActuals(join(ROOT, `samples/lunan-2025/actuals-${period}.yaml`));
    const template = await actualsWorkbook(goals, period, period === 'mid-year' ? '2025-06-30' : undefined);
    const name = `samples/lunan-2025/actuals-${period}.yaml`;
    xlsx.push({
      name: `${name} (filled template .xlsx)`,
      reader: 'actuals',
      bytes: stableZip(await fillWorkbook(template, actuals)),
    });
    if (period === 'year-end')
      csv.push({ name: `${name} (指标 sheet .csv)`, reader: 'actuals', bytes: actualsCsv(goals, actuals) });
  }
  for (const f of readdirSync(CASES).sort()) {
    const seed = { name: `../shared/cases → test/fixtures/xlsx/cases/${f}`, reader: 'review' as const };
    if (f.endsWith('.xlsx')) xlsx.push({ ...seed, bytes: Uint8Array.from(readFileSync(join(CASES, f))) });
    if (f.endsWith('.csv')) csv.push({ ...seed, bytes: Uint8Array.from(readFileSync(join(CASES, f))) });
  }
  // Appended, so that the seed numbers in the regression recipes of fuzz.test.ts stay what they were.
  xlsx.push({
    name: 'test/fixtures/xlsx/libreoffice-resaved.xlsx (filled template re-saved by LibreOffice)',
    reader: 'actuals',
    bytes: Uint8Array.from(readFileSync(join(ROOT, 'test/fixtures/xlsx/libreoffice-resaved.xlsx'))),
  });
  const scored = scoreDocument(goals, loadActuals(join(ROOT, SAMPLE_ACTUALS)), await loadRuleSet('national'));
  if (!scored.ok) throw new Error('the sample does not score');
  const projects = scored.evaluation.projects;
  for (const p of [projects[0], projects[projects.length - 1]]) {
    xlsx.push({
      name: `jixiao report --kind self-evaluation --format xlsx on the sample, project ${p?.code}`,
      reader: 'review',
      bytes: stableZip(await selfEvaluationWorkbook(scored.evaluation, goals, p?.code)),
    });
  }
  return { goals, xlsx, csv };
}

/** The 指标 sheet of a filled workbook, as an evaluator would save it from Excel. */
function actualsCsv(goals: GoalDocument, doc: ActualsDocument): Uint8Array {
  const rows: (string | number)[][] = [
    ['项目编码', '二级指标', '三级指标', '实际完成值', '完成等级', '档内得分', '不适用原因', '偏差原因', '全年执行数'],
  ];
  for (const p of doc.projects) {
    const table = goals.projects.find((t) => t.code === p.code);
    p.indicators.forEach((i, k) => {
      rows.push([
        p.code,
        table?.indicators[k]?.tier2 ?? '',
        i.name,
        i.actual ?? '',
        i.grade ?? '',
        i.score ?? '',
        i.notApplicable ?? '',
        i.reason ?? '',
        k === 0 ? (p.budget.executed ?? '') : '',
      ]);
    });
  }
  return new TextEncoder().encode(stringify(rows));
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes

export type SheetMutation =
  | { part: number; text: TextMutation }
  /** Rows, cells, shared strings and merges as elements (xml.ts). */
  | { part: number; xml: XmlMutation }
  | { bytes: ByteMutation };

export interface TableRecipe {
  seed: number;
  mutations: SheetMutation[];
}

/** XML inside the workbook: cells, rows and tags, as well as the document tokens the readers look for. */
const XML_TOKENS = [
  '<c r="A1" t="s"><v>0</v></c>',
  '<c r="B2"><v>1e309</v></c>',
  '<c r="C3" t="n"><v>NaN</v></c>',
  '<c r="Z99999" t="inlineStr"><is><t>≥95%</t></is></c>',
  '<row r="1048577">',
  '</row>',
  '<v>',
  '</v>',
  '<si><t>三级指标</t></si>',
  '<mergeCell ref="A1:ZZ9999"/>',
  '<f>1/0</f>',
  '&amp;',
  '&#0;',
  ' t="e"',
  ' t="b"',
  ' s="99999"',
  'r="A0"',
];

const xmlMutation: fc.Arbitrary<TextMutation> = fc.oneof(
  { weight: 3, arbitrary: textMutation('document') },
  {
    weight: 1,
    arbitrary: fc.record({ op: fc.constant('insert' as const), at: fc.nat(), text: fc.constantFrom(...XML_TOKENS) }),
  },
);

export function xlsxRecipe(seeds: TableSeeds): fc.Arbitrary<TableRecipe> {
  return fc.record({
    seed: fc.nat({ max: seeds.xlsx.length - 1 }),
    mutations: fc.array(
      fc.oneof(
        { weight: 5, arbitrary: fc.record({ part: fc.nat(), text: xmlMutation }) },
        { weight: 4, arbitrary: fc.record({ part: fc.nat(), xml: elementMutation }) },
        { weight: 1, arbitrary: fc.record({ bytes: byteMutation }) },
      ),
      { maxLength: 4 },
    ),
  });
}

export function csvRecipe(seeds: TableSeeds): fc.Arbitrary<TableRecipe> {
  return fc.record({
    seed: fc.nat({ max: seeds.csv.length - 1 }),
    mutations: fc.array(
      fc.oneof(
        { weight: 4, arbitrary: fc.record({ part: fc.constant(0), text: textMutation('document') }) },
        { weight: 1, arbitrary: fc.record({ bytes: byteMutation }) },
      ),
      { maxLength: 5 },
    ),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

const MUTABLE_PART = /^xl\/(worksheets\/sheet\d+|sharedStrings|workbook)\.xml$/;

/** The seed with its mutations applied: XML edits inside the zip (re-zipped, stored), byte edits on the file. */
export function renderXlsx(seed: TableSeed, r: TableRecipe): Uint8Array {
  let bytes = seed.bytes;
  const xml = r.mutations.filter((m): m is Exclude<SheetMutation, { bytes: ByteMutation }> => !('bytes' in m));
  if (xml.length > 0) {
    const files = unzipSync(bytes);
    const parts = Object.keys(files)
      .filter((n) => MUTABLE_PART.test(n))
      .sort();
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    for (const m of xml) {
      const name = parts[m.part % parts.length] as string;
      const text = decoder.decode(files[name]);
      files[name] = encoder.encode('text' in m ? applyText(text, m.text) : applyXml(text, m.xml, 'xlsx'));
    }
    bytes = rezip(files);
  }
  for (const m of r.mutations) if ('bytes' in m) bytes = applyBytes(bytes, m.bytes);
  return bytes;
}

export function renderCsv(seed: TableSeed, r: TableRecipe): Uint8Array {
  let text = new TextDecoder().decode(seed.bytes);
  for (const m of r.mutations) if ('text' in m) text = applyText(text, m.text);
  let bytes: Uint8Array = new TextEncoder().encode(text);
  for (const m of r.mutations) if ('bytes' in m) bytes = applyBytes(bytes, m.bytes);
  return bytes;
}
