/**
 * Fuzz inputs for the goal-table importers (`jixiao import` of a .docx or .xlsx): the seed document's tables
 * built as the Word and Excel files a bureau sends (test/io/xlsx/seed-files.ts): excerpts of the real document
 * (its department part and one project table) and the whole document.
 *
 * Byte mutations of a zip mostly end at "not a zip file", so most mutations edit the XML inside it (xml.ts) or
 * drop a part of the package, and the file is zipped again: the inputs reach mammoth's and exceljs's document
 * models and the importer's cell walk. A few mutations edit the zip's bytes.
 */
import fc from 'fast-check';
import { unzipSync } from 'fflate';
import { parseGoalDocument } from '../../src/io/goal-document/index.js';
import { seedBlocks } from '../io/xlsx/seed-blocks.js';
import { docxOf, xlsxOf } from '../io/xlsx/seed-files.js';
import { applyBytes, type ByteMutation, byteMutation, loadSeeds } from './mutate.js';
import { applyXml, type XmlFormat, type XmlMutation, xmlMutation } from './xml.js';
import { rezip, stableZip } from './zip.js';

export type GoalFormat = XmlFormat;

export interface GoalTableSeed {
  name: string;
  ext: GoalFormat;
  /** A plain Uint8Array: applyBytes must not edit a Buffer's shared memory. */
  bytes: Uint8Array;
}

/**
 * The seed document's excerpts (department part + one table) as .docx and as .xlsx, then the whole document
 * (slower to read: the recipes pick it less often). Excerpts whose table titles carry no year are left out:
 * alone they import to "no year", whatever the mutation.
 */
export async function loadGoalTableSeeds(): Promise<GoalTableSeed[]> {
  const documents = loadSeeds().documents;
  const excerpts = documents.filter((d) => d.name.includes('(department + table') && imports(d.text));
  const seeds: GoalTableSeed[] = [];
  for (const { name, text } of [...excerpts, ...documents.slice(0, 1)]) {
    const blocks = seedBlocks(text);
    seeds.push({ name: `${name} as .docx`, ext: 'docx', bytes: stableZip(await docxOf(blocks)) });
    seeds.push({ name: `${name} as .xlsx`, ext: 'xlsx', bytes: stableZip(await xlsxOf(blocks)) });
  }
  return seeds;
}

function imports(text: string): boolean {
  try {
    parseGoalDocument(text, { source: 'seed.txt' });
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Recipes

export type ZipMutation =
  /** PARTS order: 0 is the document (or sheet), 1 the next most read part (sharedStrings), then the rest. */
  { part: number; xml: XmlMutation } | { drop: number } | { bytes: ByteMutation };

export interface GoalTableRecipe {
  seed: number;
  mutations: ZipMutation[];
}

export function goalTableRecipe(seeds: GoalTableSeed[]): fc.Arbitrary<GoalTableRecipe> {
  // Part 0 (the document) most, part 1 (shared strings of a workbook) next, any part now and then.
  const part = fc.oneof(
    { weight: 6, arbitrary: fc.constant(0) },
    { weight: 2, arbitrary: fc.constant(1) },
    { weight: 1, arbitrary: fc.nat() },
  );
  const whole = seeds.length - 2; // the whole document, as .docx and .xlsx
  return fc.record({
    seed: fc.oneof(
      { weight: 6, arbitrary: fc.nat({ max: whole - 1 }) },
      { weight: 1, arbitrary: fc.integer({ min: whole, max: whole + 1 }) },
    ),
    mutations: fc.array(
      fc.oneof(
        { weight: 12, arbitrary: fc.record({ part, xml: xmlMutation }) },
        { weight: 1, arbitrary: fc.record({ drop: fc.nat() }) },
        { weight: 2, arbitrary: fc.record({ bytes: byteMutation }) },
      ),
      { minLength: 1, maxLength: 4 },
    ),
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Rendering

/** The parts the readers look at, most read first; binary parts and folders are left alone. */
const MAIN_PARTS: Record<GoalFormat, string[]> = {
  docx: ['word/document.xml', 'word/_rels/document.xml.rels'],
  xlsx: ['xl/worksheets/sheet1.xml', 'xl/sharedStrings.xml'],
};

function partNames(files: Record<string, Uint8Array>, format: GoalFormat): string[] {
  const main = MAIN_PARTS[format].filter((n) => n in files);
  const rest = Object.keys(files)
    .filter((n) => /\.(xml|rels)$/.test(n) && !main.includes(n))
    .sort();
  return [...main, ...rest];
}

/** The seed with its mutations applied: XML edits and dropped parts inside the zip (re-zipped, stored), then bytes. */
export function renderGoalTable(seed: GoalTableSeed, r: GoalTableRecipe): Uint8Array {
  let bytes = seed.bytes;
  const inside = r.mutations.filter((m) => !('bytes' in m));
  if (inside.length > 0) {
    const files = unzipSync(bytes);
    const decoder = new TextDecoder();
    const encoder = new TextEncoder();
    for (const m of inside) {
      const names = partNames(files, seed.ext);
      if (names.length === 0) break;
      if ('drop' in m) {
        delete files[names[m.drop % names.length] as string];
        continue;
      }
      if (!('xml' in m)) continue;
      const name = names[m.part % names.length] as string;
      files[name] = encoder.encode(applyXml(decoder.decode(files[name]), m.xml, seed.ext));
    }
    bytes = rezip(files);
  }
  for (const m of r.mutations) if ('bytes' in m) bytes = applyBytes(bytes, m.bytes);
  return bytes;
}
