/**
 * The fuzz targets: one function per parser or loader, `(input) => 'ok' | 'user-error'`, throwing a `Finding` on
 * anything else — a thrown value that is not a UserError with Chinese text, an output that breaks its schema, or
 * one input taking longer than HANG_MS. Each target also has a harness (recipe arbitrary → concrete input →
 * target) shared by the normal test run (fuzz.test.ts) and the dedicated run (run.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Arbitrary } from 'fast-check';
import { reviewTable } from '../../src/core/review.js';
import { type ScoreResult, scoreDocument } from '../../src/core/scoring/index.js';
import { parseTarget } from '../../src/core/target/parse.js';
import { UserError } from '../../src/errors.js';
import { loadActuals } from '../../src/io/actuals.js';
import { decode } from '../../src/io/decode.js';
import { parseGoalDocument } from '../../src/io/goal-document/index.js';
import { readDocxGoals } from '../../src/io/goal-tables/docx.js';
import { readXlsxGoals } from '../../src/io/goal-tables/xlsx.js';
import { type LoadedRuleSet, loadRuleSet } from '../../src/io/rules.js';
import { readActualsTable } from '../../src/io/xlsx/actuals.js';
import { readReviewTable } from '../../src/io/xlsx/review.js';
import { ActualsDocument } from '../../src/model/actuals.js';
import { GoalDocument } from '../../src/model/goals.js';
import { RuleSet } from '../../src/model/rule-set.js';
import { Target } from '../../src/model/target.js';
import {
  type GoalFormat,
  type GoalTableRecipe,
  type GoalTableSeed,
  goalTableRecipe,
  loadGoalTableSeeds,
  renderGoalTable,
} from './goal-tables.js';
import {
  type ActualsInput,
  actualsRecipe,
  type DocumentInput,
  documentRecipe,
  type FileRecipe,
  loadSeeds,
  type RulesInput,
  renderActuals,
  renderDocument,
  renderRules,
  renderTarget,
  rulesRecipe,
  type Seeds,
  targetRecipe,
} from './mutate.js';
import {
  csvRecipe,
  loadTableSeeds,
  renderCsv,
  renderXlsx,
  type TableRecipe,
  type TableSeed,
  type TableSeeds,
  xlsxRecipe,
} from './tables.js';

export type Outcome = 'ok' | 'user-error';

/** One input may take at most this long (ms); more is a finding ("hang"). */
export const HANG_MS = 2000;

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const CHINESE = /[\u3400-\u9fff]/;

// ---------------------------------------------------------------------------------------------------------------
// Findings

export type FindingKind = 'crash' | 'unclear-error' | 'invalid-output' | 'hang';

/** Something a user could hit that is not a clear error: a bug to report. */
export class Finding extends Error {
  /** Stable across inputs that hit the same bug: kind, thrown class and message head, and the src/ function. */
  readonly signature: string;

  constructor(
    readonly kind: FindingKind,
    readonly detail: string,
    readonly original?: unknown,
    /** What identifies the bug when there is no thrown error (a schema path, a limit). */
    what?: string,
  ) {
    super(`[${kind}] ${detail}${original instanceof Error ? `\n${where(original)}` : ''}`);
    this.name = 'Finding';
    if (original instanceof Error) {
      const head = (original.message.split('\n')[0] ?? '')
        .split(/[:：(（]/)[0]
        ?.replace(/\d+/g, 'N')
        .slice(0, 80);
      const at = srcFrame(original);
      this.signature = `${kind} | ${original.name}: ${head}${at ? ` @ ${at}` : ''}`;
    } else this.signature = `${kind} | ${what ?? detail.replace(/\d+/g, 'N').slice(0, 80)}`;
  }
}

// Deep recursion (yaml on deeply nested input) must not push the src/ frame out of the stack trace.
Error.stackTraceLimit = Math.max(Error.stackTraceLimit, 200);

/** The first stack frame in src/: `src/io/yaml-file.ts (readYamlFile)`. */
function srcFrame(err: Error): string {
  for (const line of (err.stack ?? '').split('\n')) {
    const m = /at (?:(\S+) \()?.*?\/(src\/[^:)]+):\d+/.exec(line);
    if (m) return `${m[2]}${m[1] ? ` (${m[1]})` : ''}`;
  }
  return '';
}

function where(err: Error): string {
  return (err.stack ?? '')
    .split('\n')
    .filter((l) => /\/(src|node_modules)\//.test(l))
    .slice(0, 4)
    .join('\n');
}

const thrownText = (e: unknown) => (e instanceof Error ? `${e.name}: ${e.message.slice(0, 500)}` : String(e));

/** A thrown value is fine only as a UserError whose message and problems are Chinese text. */
export function expectUserError(err: unknown): 'user-error' {
  if (err instanceof Finding) throw err;
  if (!(err instanceof UserError)) throw new Finding('crash', `threw ${thrownText(err)}`, err);
  if (!CHINESE.test(err.message)) {
    throw new Finding('unclear-error', `UserError message is not Chinese: ${err.message}`, undefined, 'message');
  }
  observe(err.message, 'message');
  for (const p of err.problems) {
    if (typeof p.message !== 'string' || !CHINESE.test(p.message)) {
      const what = `problem ${p.code}`;
      throw new Finding('unclear-error', `${what} has no Chinese message: ${JSON.stringify(p)}`, undefined, what);
    }
    observe(`${p.where ? `${p.where}: ` : ''}${p.message}`, p.code);
  }
  return 'user-error';
}

/**
 * Messages that pass as clear errors but read badly, by pattern and problem code, with the first example: not
 * findings (the error is a UserError in Chinese), but worth a look. run.ts prints them per target.
 */
export const observations = new Map<string, { count: number; example: string }>();

const SUSPICIOUS: [RegExp, string][] = [
  [/\bundefined\b/, 'says “undefined”'],
  [/\[object Object\]/, 'says “[object Object]”'],
  [/\bNaN\b|\bInfinity\b/, 'says “NaN” or “Infinity”'],
  [/Maximum call stack size/, 'reports a stack overflow'],
  [/[A-Za-z][A-Za-z ,'()-]{24,}/, 'has an English sentence (from a library)'],
];

function observe(text: string, code: string): void {
  // Quoted input is the user's own text: "NaN" there is what the user wrote.
  const own = text.replace(/“[^”]*”|"[^"]*"|「[^」]*」/g, '“”');
  for (const [re, label] of SUSPICIOUS) {
    if (!re.test(own)) continue;
    const key = `${label} [${code}]`;
    const seen = observations.get(key);
    if (seen) seen.count++;
    else observations.set(key, { count: 1, example: text.slice(0, 300) });
  }
}

function checkTime(start: number, what: string): void {
  const ms = performance.now() - start;
  if (ms > HANG_MS)
    throw new Finding('hang', `${what} took ${Math.round(ms)} ms (limit ${HANG_MS} ms)`, undefined, what);
}

function schemaError(what: string, error: { message: string; issues: { path: PropertyKey[]; code: string }[] }) {
  const issues = error.issues.map((i) => `${i.path.map(String).join('.')} ${i.code}`).join(', ');
  return new Finding(
    'invalid-output',
    `${what} does not validate: ${error.message.slice(0, 600)}`,
    undefined,
    `${what}: ${issues}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Targets

/**
 * parseTarget never throws: unreadable text comes back as direction 'invalid' (counted as 'user-error', with a
 * Chinese message). Every result validates against Target and keeps the input as `raw`.
 */
export function fuzzTarget(raw: string): Outcome {
  const start = performance.now();
  let outcome: Outcome = 'ok';
  for (const ctx of [{ year: 2025 }, {}]) {
    let t: Target;
    try {
      t = parseTarget(raw, ctx);
    } catch (err) {
      throw new Finding('crash', `parseTarget threw (it must never throw): ${thrownText(err)}`, err);
    }
    checkTime(start, 'parseTarget');
    const valid = Target.safeParse(t);
    if (!valid.success) throw schemaError('parseTarget → Target', valid.error);
    if (t.raw !== raw) {
      throw new Finding(
        'invalid-output',
        `raw ${JSON.stringify(t.raw)} ≠ input ${JSON.stringify(raw)}`,
        undefined,
        'raw ≠ input',
      );
    }
    if (t.direction === 'invalid') {
      if (!CHINESE.test(t.problem.message)) {
        throw new Finding('unclear-error', `invalid target without a Chinese message: ${t.problem.message}`);
      }
      outcome = 'user-error';
    }
  }
  return outcome;
}

/** The importer: decode (for bytes) then parseGoalDocument; a result validates against GoalDocument. */
export function fuzzDocument(input: DocumentInput): Outcome {
  const start = performance.now();
  try {
    let text: string;
    if ('bytes' in input) {
      const decoded = decode(input.bytes, 'fuzz.txt');
      if (typeof decoded.text !== 'string') throw new Finding('invalid-output', 'decode returned no text');
      // decode's contract: no C0 control characters but \t \n \v \f \r, no DEL.
      if (hasControl(decoded.text)) {
        throw new Finding('invalid-output', 'decode returned text with control characters');
      }
      text = decoded.text;
    } else text = input.text;
    const doc = parseGoalDocument(text, { source: 'fuzz.txt' });
    checkTime(start, 'decode + parseGoalDocument');
    const valid = GoalDocument.safeParse(doc);
    if (!valid.success) throw schemaError('parseGoalDocument → GoalDocument', valid.error);
    return 'ok';
  } catch (err) {
    checkTime(start, 'decode + parseGoalDocument');
    return expectUserError(err);
  }
}

function hasControl(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) return true;
  }
  return false;
}

/** A temporary folder for the loaders' files; `dispose` removes it. */
export interface Workspace {
  dir: string;
  /** Holds a copy of every rules/*.yaml, so `extends: national` and `extends: yunnan-20` resolve here. */
  rulesDir: string;
  dispose(): void;
}

export function createWorkspace(): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-fuzz-'));
  const rulesDir = join(dir, 'rules');
  mkdirSync(rulesDir);
  for (const f of readdirSync(join(ROOT, 'rules'))) copyFileSync(join(ROOT, 'rules', f), join(rulesDir, f));
  return { dir, rulesDir, dispose: () => rmSync(dir, { recursive: true, force: true }) };
}

/** loadActuals on a mutated YAML/JSON file; a result validates against ActualsDocument. */
export function fuzzActuals(ws: Workspace, input: ActualsInput): Outcome {
  const file = join(ws.dir, `actuals.${input.ext}`);
  writeFileSync(file, input.bytes);
  const start = performance.now();
  try {
    const doc = loadActuals(file);
    checkTime(start, 'loadActuals');
    const valid = ActualsDocument.safeParse(doc);
    if (!valid.success) throw schemaError('loadActuals → ActualsDocument', valid.error);
    return 'ok';
  } catch (err) {
    checkTime(start, 'loadActuals');
    return expectUserError(err);
  }
}

let sample: { goals: GoalDocument; actuals: ActualsDocument } | undefined;

/** The lunan sample, to check that a rule set the loader accepts can score. */
function sampleProject() {
  sample ??= {
    goals: GoalDocument.parse(JSON.parse(readFileSync(join(ROOT, 'samples/lunan-2025/goals.json'), 'utf8'))),
    actuals: loadActuals(join(ROOT, 'samples/lunan-2025/actuals-year-end.yaml')),
  };
  return sample;
}

/**
 * loadRuleSet on mutated copies of rules/national.yaml and of a variant, in a folder of their own. A loaded rule
 * set validates against RuleSet, and scoring the sample with it gives a result or a UserError, never a crash.
 */
export async function fuzzRules(ws: Workspace, input: RulesInput): Promise<Outcome> {
  writeFileSync(join(ws.rulesDir, 'national.yaml'), input.national);
  const variant = join(ws.rulesDir, 'fuzz-variant.yaml');
  // A variant left from the previous input must not be there for this one to find.
  if (input.variant) writeFileSync(variant, input.variant);
  else rmSync(variant, { force: true });
  const file = input.load === 'variant' ? variant : join(ws.rulesDir, 'national.yaml');
  const start = performance.now();
  let loaded: LoadedRuleSet;
  try {
    loaded = await loadRuleSet(file, { rulesDir: ws.rulesDir });
  } catch (err) {
    checkTime(start, 'loadRuleSet');
    return expectUserError(err);
  }
  checkTime(start, 'loadRuleSet');
  const valid = RuleSet.safeParse(loaded.ruleSet);
  if (!valid.success) throw schemaError('loadRuleSet → RuleSet', valid.error);
  const { goals, actuals } = sampleProject();
  let result: ScoreResult;
  try {
    result = scoreDocument(goals, actuals, loaded);
  } catch (err) {
    if (err instanceof UserError) expectUserError(err);
    else throw new Finding('crash', `scoring the sample with the loaded rule set threw ${thrownText(err)}`, err);
    return 'ok';
  }
  checkTime(start, 'loadRuleSet + scoreDocument');
  if (result.ok) {
    for (const p of result.evaluation.projects) {
      if (!Number.isFinite(p.total)) throw new Finding('invalid-output', `sample scored a non-finite total ${p.total}`);
    }
  }
  return 'ok';
}

/** Every number in a reader's output is finite: a NaN or Infinity would print as a figure. */
function finiteNumbers(value: unknown, what: string, path = ''): void {
  if (typeof value === 'number' && !Number.isFinite(value)) {
    throw new Finding(
      'invalid-output',
      `${what} gave ${value} at ${path || '(root)'}`,
      undefined,
      `${what}: non-finite`,
    );
  }
  if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) finiteNumbers(v, what, path ? `${path}.${k}` : k);
  }
}

/**
 * A filled actuals workbook or CSV (readActualsTable: the result validates against ActualsDocument), or a
 * self-evaluation table (readReviewTable, then re-scored by reviewTable as `jixiao review` does).
 */
export async function fuzzTable(
  ws: Workspace,
  reader: TableSeed['reader'],
  ext: 'xlsx' | 'csv',
  bytes: Uint8Array,
  goals: GoalDocument,
): Promise<Outcome> {
  const file = join(ws.dir, `table.${ext}`);
  writeFileSync(file, bytes);
  const what = reader === 'actuals' ? `readActualsTable (.${ext})` : `readReviewTable (.${ext}) + reviewTable`;
  const start = performance.now();
  try {
    if (reader === 'actuals') {
      const doc = await readActualsTable(file, goals);
      const valid = ActualsDocument.safeParse(doc);
      if (!valid.success) throw schemaError(`${what} → ActualsDocument`, valid.error);
    } else {
      const table = await readReviewTable(file);
      finiteNumbers(table, what);
      finiteNumbers(reviewTable(table, await nationalRules(), { assumedYear: 2025 }), what);
    }
    checkTime(start, what);
    return 'ok';
  } catch (err) {
    checkTime(start, what);
    return expectUserError(err);
  }
}

/** `jixiao import` of a Word or Excel goal table (readDocxGoals / readXlsxGoals); a result validates. */
export async function fuzzGoalTable(ws: Workspace, ext: GoalFormat, bytes: Uint8Array): Promise<Outcome> {
  const file = join(ws.dir, `goals.${ext}`);
  writeFileSync(file, bytes);
  const what = ext === 'docx' ? 'readDocxGoals' : 'readXlsxGoals';
  const start = performance.now();
  try {
    const doc = await (ext === 'docx' ? readDocxGoals : readXlsxGoals)(file);
    checkTime(start, what);
    const valid = GoalDocument.safeParse(doc);
    if (!valid.success) throw schemaError(`${what} → GoalDocument`, valid.error);
    return 'ok';
  } catch (err) {
    checkTime(start, what);
    return expectUserError(err);
  }
}

let national: LoadedRuleSet | undefined;
const nationalRules = async () => {
  national ??= await loadRuleSet('national');
  return national;
};

// ---------------------------------------------------------------------------------------------------------------
// Harnesses: recipe → input → target

export interface Harness {
  name: 'target' | 'document' | 'actuals' | 'rules' | 'xlsx' | 'csv' | 'goal-tables';
  arbitrary: Arbitrary<unknown>;
  /** Render a recipe and run the target on it. */
  run(recipe: unknown): Outcome | Promise<Outcome>;
  /** The concrete input of a recipe, for a report. */
  show(recipe: unknown): string;
  /** Shrink the concrete input of a failing recipe while `keeps` holds; returns the smallest input shown. */
  minimise(recipe: unknown, keeps: (f: Finding) => boolean, budgetMs: number): Promise<string>;
}

export interface Fuzzing {
  seeds: Seeds;
  harnesses: Harness[];
  dispose(): void;
}

/** Build every harness with a fresh workspace; warms up lazily loaded modules so timing is per input. */
export async function createFuzzing(): Promise<Fuzzing> {
  const seeds = loadSeeds();
  const ws = createWorkspace();
  // mathjs is imported on the first rule set with an `expr` formula (~1–5 s): not an input's cost.
  await import('../../src/core/formula.js');
  sampleProject();

  const target: Harness = {
    name: 'target',
    arbitrary: targetRecipe(seeds) as Arbitrary<unknown>,
    run: (r) => confirmed(() => fuzzTarget(renderTarget(seeds, r as never))),
    show: (r) => JSON.stringify(renderTarget(seeds, r as never)),
    minimise: async (r, keeps, budget) =>
      JSON.stringify(
        await minimiseString(renderTarget(seeds, r as never), (s) => failsWith(() => fuzzTarget(s), keeps), budget),
      ),
  };

  const showDocument = (input: DocumentInput) => {
    if ('text' in input) return `text: ${JSON.stringify(input.text)}`;
    let text: string;
    try {
      text = JSON.stringify(decode(input.bytes).text);
    } catch (err) {
      text = `(not decodable: ${err instanceof Error ? err.message : String(err)})`;
    }
    return `bytes: ${Buffer.from(input.bytes).toString('hex')}\ndecoded: ${text}`;
  };
  const document: Harness = {
    name: 'document',
    arbitrary: documentRecipe(seeds) as Arbitrary<unknown>,
    run: (r) => confirmed(() => fuzzDocument(renderDocument(seeds, r as never))),
    show: (r) => showDocument(renderDocument(seeds, r as never)),
    minimise: async (r, keeps, budget) => {
      const input = renderDocument(seeds, r as never);
      if ('text' in input) {
        const text = await minimiseString(input.text, (t) => failsWith(() => fuzzDocument({ text: t }), keeps), budget);
        return showDocument({ text });
      }
      const bytes = await minimiseBytes(input.bytes, (b) => failsWith(() => fuzzDocument({ bytes: b }), keeps), budget);
      return showDocument({ bytes });
    },
  };

  const showFile = (bytes: Uint8Array) => Buffer.from(bytes).toString('utf8');
  const actuals: Harness = {
    name: 'actuals',
    arbitrary: actualsRecipe(seeds) as Arbitrary<unknown>,
    run: (r) => confirmed(() => fuzzActuals(ws, renderActuals(seeds, r as FileRecipe))),
    show: (r) => {
      const input = renderActuals(seeds, r as FileRecipe);
      return `actuals.${input.ext}:\n${showFile(input.bytes)}`;
    },
    minimise: async (r, keeps, budget) => {
      const input = renderActuals(seeds, r as FileRecipe);
      const bytes = await minimiseBytes(
        input.bytes,
        (b) => failsWith(() => fuzzActuals(ws, { ext: input.ext, bytes: b }), keeps),
        budget,
      );
      return `actuals.${input.ext}:\n${showFile(bytes)}`;
    },
  };

  const showRules = (input: RulesInput) => {
    const national = `national.yaml${input.variantMutated ? ' (intact copy of rules/national.yaml)' : ''}`;
    const variant = `fuzz-variant.yaml${input.variantMutated ? '' : ` (intact copy of ${input.variantName})`}`;
    if (input.load === 'national') return `national.yaml (loaded):\n${showFile(input.national)}`;
    return input.variantMutated
      ? `${national}\n--- ${variant} (loaded):\n${showFile(input.variant ?? new Uint8Array())}`
      : `${variant} (loaded), extending ${national}:\n${showFile(input.national)}`;
  };
  const rules: Harness = {
    name: 'rules',
    arbitrary: rulesRecipe(seeds) as Arbitrary<unknown>,
    run: (r) => confirmed(() => fuzzRules(ws, renderRules(seeds, r as never))),
    show: (r) => showRules(renderRules(seeds, r as never)),
    minimise: async (r, keeps, budget) => {
      const input = renderRules(seeds, r as never);
      // Shrink the file the recipe mutated; the other stays intact.
      const mutatedNational = (r as { mutate: string }).mutate === 'national';
      const subject = mutatedNational ? input.national : (input.variant ?? new Uint8Array());
      const with_ = (b: Uint8Array): RulesInput =>
        mutatedNational ? { ...input, national: b } : { ...input, variant: b };
      const bytes = await minimiseBytes(subject, (b) => failsWith(() => fuzzRules(ws, with_(b)), keeps), budget);
      return showRules(with_(bytes));
    },
  };

  const tables = await loadTableSeeds();
  await nationalRules();
  const tableHarness = (
    name: 'xlsx' | 'csv',
    list: TableSeeds['xlsx'],
    arbitrary: Arbitrary<TableRecipe>,
    render: (seed: TableSeed, r: TableRecipe) => Uint8Array,
  ): Harness => {
    const input = (r: unknown) => {
      const recipe = r as TableRecipe;
      const seed = list[recipe.seed] as TableSeed;
      return { seed, bytes: render(seed, recipe) };
    };
    const show = (seed: TableSeed, bytes: Uint8Array) =>
      `${seed.reader} table, mutated from ${seed.name} (${bytes.length} bytes):\n` +
      (name === 'csv' ? Buffer.from(bytes).toString('utf8') : Buffer.from(bytes).toString('base64'));
    return {
      name,
      arbitrary: arbitrary as Arbitrary<unknown>,
      run: (r) =>
        confirmed(() => {
          const { seed, bytes } = input(r);
          return fuzzTable(ws, seed.reader, name, bytes, tables.goals);
        }),
      show: (r) => {
        const { seed, bytes } = input(r);
        return show(seed, bytes);
      },
      minimise: async (r, keeps, budget) => {
        const { seed, bytes } = input(r);
        const run = (b: Uint8Array) => failsWith(() => fuzzTable(ws, seed.reader, name, b, tables.goals), keeps);
        return show(seed, await minimiseBytes(bytes, run, budget));
      },
    };
  };
  const xlsx = tableHarness('xlsx', tables.xlsx, xlsxRecipe(tables), renderXlsx);
  const csv = tableHarness('csv', tables.csv, csvRecipe(tables), renderCsv);

  const goalSeeds = await loadGoalTableSeeds();
  const runGoalTable = (recipe: GoalTableRecipe) => {
    const seed = goalSeeds[recipe.seed] as GoalTableSeed;
    return fuzzGoalTable(ws, seed.ext, renderGoalTable(seed, recipe));
  };
  const showGoalTable = (recipe: GoalTableRecipe) =>
    `${goalSeeds[recipe.seed]?.name} with the mutations ${JSON.stringify(recipe.mutations)}`;
  const goalTables: Harness = {
    name: 'goal-tables',
    arbitrary: goalTableRecipe(goalSeeds) as Arbitrary<unknown>,
    run: (r) => confirmed(() => runGoalTable(r as GoalTableRecipe)),
    show: (r) => showGoalTable(r as GoalTableRecipe),
    // A zip cut byte by byte is just a broken zip: the recipe shrinks instead, mutation by mutation.
    minimise: async (r, keeps, budget) => {
      const recipe = r as GoalTableRecipe;
      const fails = (mutations: GoalTableRecipe['mutations']) =>
        failsWith(() => runGoalTable({ ...recipe, mutations }), keeps);
      const mutations = await minimiseParts(recipe.mutations, fails, performance.now() + budget);
      return showGoalTable({ ...recipe, mutations });
    },
  };

  return { seeds, harnesses: [target, document, actuals, rules, xlsx, csv, goalTables], dispose: ws.dispose };
}

/**
 * An input over the time limit is timed once more before it counts as a hang: one GC pause, or other work on a
 * busy 2-core machine, can stall a single run ten-fold. Twice over the limit is a finding.
 */
async function confirmed(run: () => Outcome | Promise<Outcome>): Promise<Outcome> {
  try {
    return await run();
  } catch (err) {
    if (!(err instanceof Finding) || err.kind !== 'hang') throw err;
    return await run();
  }
}

async function failsWith(run: () => Outcome | Promise<Outcome>, keeps: (f: Finding) => boolean): Promise<boolean> {
  try {
    await run();
    return false;
  } catch (err) {
    return err instanceof Finding && keeps(err);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Input minimisation (greedy chunk removal: lines first, then characters or bytes)

async function minimiseParts<T>(parts: T[], fails: (parts: T[]) => Promise<boolean>, deadline: number): Promise<T[]> {
  let current = parts;
  for (let chunk = Math.max(1, Math.floor(current.length / 2)); chunk >= 1; chunk = Math.floor(chunk / 2)) {
    for (let i = 0; i < current.length && performance.now() < deadline; ) {
      const candidate = [...current.slice(0, i), ...current.slice(i + chunk)];
      if (candidate.length < current.length && (await fails(candidate))) current = candidate;
      else i += chunk;
    }
    if (performance.now() >= deadline) break;
  }
  return current;
}

export async function minimiseString(
  input: string,
  fails: (s: string) => Promise<boolean>,
  budgetMs: number,
): Promise<string> {
  const deadline = performance.now() + budgetMs;
  const lines = await minimiseParts(input.split(/(?<=\n)/), (ls) => fails(ls.join('')), deadline);
  // Code units, not code points: a lone surrogate may be what fails.
  const units = await minimiseParts(lines.join('').split(''), (cs) => fails(cs.join('')), deadline);
  return units.join('');
}

export async function minimiseBytes(
  input: Uint8Array,
  fails: (b: Uint8Array) => Promise<boolean>,
  budgetMs: number,
): Promise<Uint8Array> {
  const deadline = performance.now() + budgetMs;
  const lines: number[][] = [];
  let line: number[] = [];
  for (const b of input) {
    line.push(b);
    if (b === 0x0a) {
      lines.push(line);
      line = [];
    }
  }
  if (line.length > 0) lines.push(line);
  const keptLines = await minimiseParts(lines, (ls) => fails(Uint8Array.from(ls.flat())), deadline);
  const bytes = await minimiseParts(keptLines.flat(), (bs) => fails(Uint8Array.from(bs)), deadline);
  return Uint8Array.from(bytes);
}

// ---------------------------------------------------------------------------------------------------------------
// Known findings: bugs in src/ reported and pinned by an `it.fails` test in fuzz.test.ts. The fuzz runs tally
// them apart so that a new finding still stops the run. Remove an entry when its bug is fixed.

export interface KnownFinding {
  id: string;
  targets: Harness['name'][];
  matches(f: Finding): boolean;
}

// All findings so far are fixed: aliases (bombs, dangling, circular) and __proto__ keys are refused by
// src/io/yaml-file.ts; an infinite value is refused by the target parser and by the document's amount reader.
export const KNOWN_FINDINGS: KnownFinding[] = [];

export const knownFinding = (target: Harness['name'], f: Finding) =>
  KNOWN_FINDINGS.find((k) => k.targets.includes(target) && k.matches(f));

/**
 * One input; a 'hang' (over the time limit, yet returned) is timed again up to twice. On a shared 2-core machine
 * a test run beside the fuzzer makes a 0.5 s input take 2 s now and then; a real hang repeats (and one that
 * never returns is the watchdog's). `retimed` hears of each input that passed only when timed again.
 */
export async function runTimed(h: Harness, recipe: unknown, retimed: () => void): Promise<Outcome> {
  for (let attempt = 0; ; attempt++) {
    try {
      const out = await h.run(recipe);
      if (attempt > 0) retimed();
      return out;
    } catch (err) {
      if (!(err instanceof Finding) || err.kind !== 'hang' || attempt === 2) throw err;
    }
  }
}
