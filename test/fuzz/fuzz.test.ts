/**
 * The normal fuzz run: 2,000 mutated real inputs per target, fixed seed (the dedicated run is test/fuzz/run.ts).
 * No input may crash, hang or fail with anything but a UserError in Chinese; every success validates.
 *
 * Findings already reported are pinned below by `it.fails` tests with their minimal input, and tallied apart in
 * the property runs so that a new finding still fails. When a bug is fixed its `it.fails` test starts failing:
 * turn it into a plain `it` and remove the entry from KNOWN_FINDINGS in targets.ts.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { parseTarget } from '../../src/core/target/parse.js';
import { UserError } from '../../src/errors.js';
import { loadGoals } from '../../src/io/goals.js';
import { loadRuleSet } from '../../src/io/rules.js';
import { readActualsTable } from '../../src/io/xlsx/actuals.js';
import { Target } from '../../src/model/target.js';
import { loadGoalTableSeeds } from './goal-tables.js';
import { aliasBomb, applyText, loadSeeds, renderTarget, type TextMutation } from './mutate.js';
import { seedDigest } from './seed-digest.js';
import { loadTableSeeds, renderXlsx, type TableRecipe, type TableSeed } from './tables.js';
import {
  createFuzzing,
  createWorkspace,
  Finding,
  type Fuzzing,
  fuzzActuals,
  fuzzDocument,
  fuzzRules,
  fuzzTable,
  fuzzTarget,
  type Harness,
  knownFinding,
  runTimed,
  type Workspace,
} from './targets.js';

const RUNS = 2000;
const SEED = 20250630;

let fuzzing: Fuzzing;
let ws: Workspace;
// yaml warns on stderr for every collection used as a map key, which mutated files do by the hundred.
const warningListeners = process.listeners('warning');
beforeAll(async () => {
  process.removeAllListeners('warning');
  fuzzing = await createFuzzing();
  ws = createWorkspace();
}, 60_000);
afterAll(() => {
  fuzzing?.dispose();
  ws?.dispose();
  for (const l of warningListeners) process.on('warning', l);
});

const sampleGoals = loadGoals(join(import.meta.dirname, '../../samples/lunan-2025/goals.json'));
const harness = (name: Harness['name']) => fuzzing.harnesses.find((h) => h.name === name) as Harness;
const file = (text: string) => ({ ext: 'yaml' as const, bytes: Buffer.from(text, 'utf8') as Uint8Array });
const NATIONAL = Buffer.from(loadSeeds().national, 'utf8') as Uint8Array;
/** A variant extending national, loaded from the workspace's rules folder. */
const variant = (text: string) => ({
  national: NATIONAL,
  variant: Buffer.from(text, 'utf8') as Uint8Array,
  variantName: 'test',
  variantMutated: true,
  load: 'variant' as const,
});
const VARIANT_HEAD = 'id: fuzz\nlabel: 测试\ndescription: 测试用变体\nextends: national\n';

const TARGETS = ['target', 'document', 'actuals', 'rules', 'xlsx', 'csv', 'goal-tables'] as const;
describe.each(TARGETS)('fuzzing %s', (name) => {
  it(`takes ${RUNS} mutated real inputs: no crash, no hang, every failure a clear error`, async () => {
    const h = harness(name);
    const tally = { ok: 0, userError: 0, known: new Map<string, number>() };
    await fc.assert(
      fc.asyncProperty(h.arbitrary, async (recipe) => {
        try {
          if ((await runTimed(h, recipe, () => {})) === 'ok') tally.ok++;
          else tally.userError++;
        } catch (err) {
          const known = err instanceof Finding ? knownFinding(name, err) : undefined;
          if (!known) throw err;
          tally.known.set(known.id, (tally.known.get(known.id) ?? 0) + 1);
        }
      }),
      { seed: SEED, numRuns: RUNS },
    );
    // Mutations that break everything would fuzz nothing but the first line of each parser.
    expect(tally.ok).toBeGreaterThan(RUNS / 100);
    expect(tally.userError).toBeGreaterThan(RUNS / 10);
  }, 600_000);
});

describe('the fuzz harness', () => {
  it('replays: the same seed gives the same inputs', () => {
    const h = harness('document');
    const a = fc.sample(h.arbitrary, { seed: 7, numRuns: 5 }).map((r) => h.show(r));
    const b = fc.sample(h.arbitrary, { seed: 7, numRuns: 5 }).map((r) => h.show(r));
    expect(a).toEqual(b);
  });

  it('generates the same workbook and document seeds at any time of day, in any time zone', async () => {
    const at = async (iso: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
      try {
        return seedDigest(await loadTableSeeds(), await loadGoalTableSeeds());
      } finally {
        vi.useRealTimers();
      }
    };
    const morning = await at('2025-03-01T08:00:00Z');
    expect(await at('2026-11-29T23:59:58Z')).toBe(morning);
    // npm run fuzz runs in the shell's zone (UTC here), vitest in Asia/Shanghai: a replay needs the same bytes.
    for (const TZ of ['UTC', 'America/New_York']) {
      const child = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'seed-digest.ts')], {
        encoding: 'utf8',
        env: { ...process.env, TZ },
      });
      expect(child.stdout.trim(), `${TZ}: ${child.stderr}`).toBe(morning);
    }
  }, 90_000);

  it('times an input over the limit again before calling it a hang, and only a hang', async () => {
    const fake = (outcomes: (Finding | 'ok')[]) => {
      let calls = 0;
      const h = {
        run: () => {
          const o = outcomes[Math.min(calls++, outcomes.length - 1)];
          if (o instanceof Finding) throw o;
          return o as 'ok';
        },
      } as unknown as Harness;
      return { h, calls: () => calls };
    };
    const hang = new Finding('hang', 'took 2100 ms (limit 2000 ms)', undefined, 'x');
    let retimed = 0;
    const once = fake([hang, 'ok']);
    expect(await runTimed(once.h, {}, () => retimed++)).toBe('ok');
    expect([once.calls(), retimed]).toEqual([2, 1]);
    const always = fake([hang]);
    await expect(runTimed(always.h, {}, () => retimed++)).rejects.toBe(hang);
    expect([always.calls(), retimed]).toEqual([3, 1]);
    const crash = new Finding('crash', 'TypeError', new TypeError('x'));
    const crashing = fake([crash, 'ok']);
    await expect(runTimed(crashing.h, {}, () => retimed++)).rejects.toBe(crash);
    expect(crashing.calls()).toBe(1);
  });

  it('mutates real inputs: an empty recipe is the real file, unchanged', () => {
    const seeds = loadSeeds();
    expect(renderTarget(seeds, { seed: 0, text: [] })).toBe(seeds.targets[0]);
    expect(seeds.targets).toContain('≥1000家');
    expect(seeds.documents[0]?.text).toContain('项目编码');
    expect(seeds.actuals.map((s) => s.format)).toEqual(expect.arrayContaining(['yaml', 'json']));
    expect(seeds.variants.map((v) => v.name)).toContain('rules/hebei-integer.yaml');
  });

  it('accepts the real files themselves', async () => {
    const seeds = loadSeeds();
    expect(fuzzDocument({ text: seeds.documents[0]?.text ?? '' })).toBe('ok');
    expect(fuzzActuals(ws, file(seeds.actuals[0]?.text ?? ''))).toBe('ok');
    expect(await fuzzRules(ws, variant((seeds.variants[0]?.text ?? '').replace(/^id: .*$/m, 'id: fuzz')))).toBe('ok');
    for (const t of ['≥1000家', '不超过50万元', '90%-95%', '12月底前', '较往年有所提高'])
      expect(fuzzTarget(t)).toBe('ok');
  });

  it('reads every workbook, CSV and Word seed unmutated', async () => {
    const tables = await loadTableSeeds();
    const counts = {
      xlsx: tables.xlsx.length,
      csv: tables.csv.length,
      'goal-tables': (await loadGoalTableSeeds()).length,
    };
    const outcomes: string[] = [];
    for (const [name, count] of Object.entries(counts)) {
      for (let seed = 0; seed < count; seed++)
        outcomes.push(`${name} #${seed}: ${await harness(name as Harness['name']).run({ seed, mutations: [] })}`);
    }
    expect(outcomes.filter((o) => !o.endsWith(': ok'))).toEqual([]);
  });

  it('applies the YAML mutations it claims to', () => {
    const yaml = 'a: 1\nb: x\n';
    const m = (x: TextMutation) => applyText(yaml, x);
    expect(m({ op: 'yaml-value', at: 0, prefix: '&a ', replace: false })).toBe('a: &a 1\nb: x\n');
    expect(m({ op: 'yaml-value', at: 1, prefix: '*a', replace: true })).toBe('a: 1\nb: *a\n');
    expect(m({ op: 'insert-line', at: 0, text: '<<: *a' })).toBe('a: 1\n<<: *a\nb: x\n');
    expect(m({ op: 'number', at: 0, with: '1e309' })).toBe('a: 1e309\nb: x\n');
    expect(m({ op: 'indent', at: 1, by: 3 })).toBe('a: 1\n   b: x\n');
  });

  it('counts a failure with an English message, or a thrown TypeError, as a finding', () => {
    expect(() => fuzzActuals(ws, file('schema: [unclosed'))).not.toThrow();
    const f = new Finding('crash', 'x', new TypeError('boom'));
    expect(f.signature).toMatch(/^crash \| TypeError: boom/);
  });
});

describe('handled hostile YAML (regression guards)', () => {
  it('refuses duplicate keys, merge keys, unknown tags and deep nesting with a UserError', async () => {
    const actuals = 'schema: jixiao/actuals@1\nperiod: year-end\nprojects: []\n';
    for (const text of [
      `${actuals}schema: jixiao/actuals@1\n`,
      `${actuals}x: &x {code: a}\ny:\n  <<: *x\n`,
      `${actuals}asOf: !!js/function "function () {}"\n`,
      `${actuals}deep: ${'['.repeat(3000)}${']'.repeat(3000)}\n`,
      `${actuals}__proto__: {asOf: 2025-01-01}\n`,
    ]) {
      expect(fuzzActuals(ws, file(text))).toBe('user-error');
    }
    expect(await fuzzRules(ws, variant(`${VARIANT_HEAD}execution:\n  weight: 10\n  weight: 20\n`))).toBe('user-error');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Regressions: what the fuzz runs found in src/, each with its minimal input, now fixed. A new finding goes here
// as an `it.fails` test (and into KNOWN_FINDINGS in targets.ts) until src/ is fixed.

describe('findings of the fuzz runs (fixed)', () => {
  // FIXED xlsx-infinite-cell (fuzz run xlsx, seed 20261129, input #3562): a number cell whose XML value has 400
  // digits loads as Infinity; readActualsTable passed it on, and its final schema check reported zod's English
  // "expected number, received Infinity". Non-finite number cells are now read as text (grid.ts), so the cell
  // is reported as not a number, with its row and column.
  it('reports a number cell of 400 digits in a filled workbook as not a number', async () => {
    const recipe = {
      seed: 0,
      mutations: [{ part: 804619353, text: { op: 'number', at: 1727404583, with: '9'.repeat(400) } }],
    };
    expect(await harness('xlsx').run(recipe)).toBe('user-error');
    const seeds = await loadTableSeeds();
    const path = join(ws.dir, 'infinite.xlsx');
    writeFileSync(path, renderXlsx(seeds.xlsx[0] as TableSeed, recipe as TableRecipe));
    const err = await readActualsTable(path, sampleGoals).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).problems.map((p) => p.code)).toContain('not-a-number');
  });

  // FIXED review-execution-weight (fuzz run csv, seed 20261129, input #25150): the execution rate's 分值 above the
  // header was read without a range check, and a 300-digit one made the re-scored total Infinity. It is now
  // refused outside 0–100 like the indicator rows' (src/io/xlsx/review.ts).
  // FIXED review-unplaced-error (input #32293): rowErrors (src/core/review-run.ts) finds a row by the name in the
  // engine's message with `.+`, which does not match U+2029; a name holding one threw "无法归属的评分错误".
  it.each([
    [
      'a 300-digit execution 分值',
      {
        seed: 6,
        mutations: [
          {
            part: 0,
            text: {
              op: 'number',
              at: 328996833,
              with: '100000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000',
            },
          },
          { part: 0, text: { op: 'delete-line', at: 2112202380 } },
          { part: 0, text: { op: 'insert', at: 357989306, text: '～' } },
          { part: 0, text: { op: 'duplicate-line', at: 181597256 } },
        ],
      },
      'user-error',
    ],
    [
      'an indicator name holding U+2029',
      {
        seed: 1,
        mutations: [
          { part: 0, text: { op: 'duplicate-line', at: 1905530557 } },
          { part: 0, text: { op: 'number', at: 1168408818, with: '0x7fffffff' } },
          { part: 0, text: { op: 'insert', at: 979506510, text: ' ' } },
          { part: 0, text: { op: 'delete', at: 547476239, length: 23 } },
        ],
      },
      'ok',
    ],
  ] as const)('reviews a table with %s without crashing', async (_, recipe, outcome) => {
    expect(await harness('csv').run(recipe)).toBe(outcome);
  });

  // FIXED xlsx-merge-hang (fuzz run xlsx, seed 20261129, input #15641): a merged area `A14:A999…9` (400 digits)
  // made exceljs loop for minutes inside wb.xlsx.load. openWorkbook (src/io/xlsx/grid.ts) now reads the sheets'
  // references first (sheet-bounds.ts) and refuses one beyond Excel's range or a merge of over 100,000 cells.
  it('refuses a merged area beyond Excel’s range at once instead of hanging', async () => {
    const recipe = {
      seed: 2,
      mutations: [
        { part: 449076067, text: { op: 'delete-line', at: 2038634212 } },
        { part: 591774866, text: { op: 'number', at: 1018043551, with: '9'.repeat(400) } },
      ],
    };
    const start = performance.now();
    expect(await harness('xlsx').run(recipe)).toBe('user-error');
    expect(performance.now() - start).toBeLessThan(2000);
  });

  // FIXED xlsx-far-cell (fuzz run goal-tables, seed 1, input #107): sheetGrid (src/io/xlsx/grid.ts) padded every
  // row to the widest and created every row up to the last, so one cell in column XFD of a 28-row goal table
  // made 458,752 cells (over 2 s), and one at XFD1048576 asked for 17 billion. It now visits only the rows and
  // cells the sheet holds, and the goal-table reader takes a run of blank rows as one blank paragraph.
  it.each([
    ['a cell in column XFD', 6],
    ['a cell at XFD1048576', 19],
  ])('imports a goal workbook with %s without hanging', async (_, snippet) => {
    const recipe = { seed: 1, mutations: [{ part: 0, xml: { op: 'snippet', at: 40, snippet } }] };
    // Either outcome is a finished import: the mutated cells are refused, or (when they leave only a table with
    // no budget, goals or indicator header) that table is skipped with a notice. What was found was the hang.
    expect(['user-error', 'ok']).toContain(await harness('goal-tables').run(recipe));
  });

  // FIXED review-negative-budget (fuzz run csv, seed 20250630): a 全年预算数 of −5 passed the "missing or 0" check
  // of reviewTable (src/core/review.ts), and the engine's budget-zero error, which names no row, was thrown as a
  // plain Error. A budget not above 0 now leaves the execution rate un-reviewed, with the reason.
  it('reviews a table whose 全年预算数 is negative, without its execution rate', async () => {
    const csv =
      '项目名称,测试项目\n年初预算数,全年预算数,全年执行数,分值,执行率,得分\n10,-5,8,10,,9\n' +
      '一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n产出指标,数量指标,检查企业,≥1000家,1086家,90,90\n';
    expect(await fuzzTable(ws, 'review', 'csv', new TextEncoder().encode(csv), sampleGoals)).toBe('ok');
  });

  // FIXED review-weight-overflow (fuzz run csv, seed 1, input #329): a 分值 or 得分 cell of 300 digits was read
  // as 1e300, and re-scoring it overflowed to a gap of Infinity. readReviewTable (src/io/xlsx/review.ts) now
  // refuses 分值 and 得分 outside 0–100, naming the row.
  it('refuses an absurd 分值 in a review table instead of re-scoring it to Infinity', async () => {
    const csv = (weight: string) =>
      `一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分\n产出指标,数量指标,检查企业,≥1000家,1086家,${weight},10\n`;
    const run = (text: string) => fuzzTable(ws, 'review', 'csv', new TextEncoder().encode(text), sampleGoals);
    expect(await run(csv('10'))).toBe('ok');
    expect(await run(csv(`1${'0'.repeat(300)}`))).toBe('user-error');
  });

  // FIXED document-infinite-amount (fuzz run seed 20250702, document input #42443): parseAmount
  // (src/io/goal-document/text.ts) returned Number(s) unchecked, so a 预算数 of 309 or more digits became Infinity
  // and parseGoalDocument threw a plain Error instead of a UserError naming the line. Now an unreadable amount.
  it('refuses a budget amount too large for a number with a UserError naming the cell', () => {
    const table = (amount: string) =>
      `\t项目编码\t1\t项目名称\t2025年\t预算数\t${amount}\t一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\n` +
      '\t产出指标\t数量指标\t检查企业\t描述\t≥1000家\t依据\n';
    expect(fuzzDocument({ text: table('50') })).toBe('ok');
    expect(fuzzDocument({ text: table('9'.repeat(309)) })).toBe('user-error');
  });

  // FIXED yaml-alias-bomb: readYamlFile (src/io/yaml-file.ts) called doc.toJS() outside any try. The yaml
  // library refuses a "billion laughs" alias bomb, but by throwing ReferenceError("Excessive alias count indicates
  // a resource exhaustion attack"), which escaped loadActuals and loadRuleSet instead of a UserError. Aliases are
  // now refused before toJS (problem code yaml_alias).
  it('refuses an alias bomb in an actuals file with a UserError', () => {
    expect(fuzzActuals(ws, file(`schema: jixiao/actuals@1\n${aliasBomb(9)}`))).toBe('user-error');
  });
  it('refuses an alias bomb in a rule set with a UserError', async () => {
    expect(await fuzzRules(ws, variant(`${VARIANT_HEAD}${aliasBomb(9)}`))).toBe('user-error');
  });

  // FIXED yaml-unresolved-alias: the same unguarded doc.toJS() threw ReferenceError("Unresolved alias (the
  // anchor must be set before the alias): b") for an alias with no anchor — minimal input: a file that is `*b`.
  it('refuses an alias without an anchor with a UserError', async () => {
    expect(fuzzActuals(ws, file('*b\n'))).toBe('user-error');
    expect(await fuzzRules(ws, variant(`${VARIANT_HEAD}label: *nope\n`))).toBe('user-error');
  });

  // FIXED yaml-circular-alias: an anchor used inside its own node (minimal input `: &s [*s]`) made doc.toJS()
  // return a circular array; dropBlanks (src/io/actuals.ts) then recursed until RangeError "Maximum call stack
  // size exceeded".
  it('refuses a self-referencing alias in an actuals file with a UserError', () => {
    expect(fuzzActuals(ws, file('schema: jixiao/actuals@1\nself: &s [*s]\n'))).toBe('user-error');
  });

  // FIXED target-infinite-value: readAmount (src/core/target/parse.ts) checked Number.isFinite before folding a
  // scale word into the value, not after: "1" followed by 305 zeros and "万" is 1e305 × 1e4 = Infinity, and the
  // returned target ({direction: 'positive', value: Infinity}) did not validate against Target (zod refuses
  // Infinity; JSON would write null). It now comes back as direction 'invalid' (unrecognised), like "9"×400.
  it('never returns an infinite target value', () => {
    const raw = `1${'0'.repeat(305)}万`;
    expect(Target.safeParse(parseTarget(raw)).success).toBe(true);
    expect(parseTarget(raw).direction).toBe('invalid');
    // 9×300 亿 is about 1e308, still finite: parsed as a (absurd) number, not a crash.
    expect(Target.safeParse(parseTarget(`≥${'9'.repeat(300)}亿家`)).success).toBe(true);
  });

  // FIXED rules-proto-key (found by probing the structural `__proto__` key mutation; no crash, so no fuzz
  // invariant caught it): mergeRuleData (src/io/rules-merge.ts) copied keys with `out[key] = value`, which for
  // `__proto__` set the merged object's prototype. unknownKeyProblems walks Object.entries and never saw it, zod
  // read the prototype's fields, so a variant with `tiers: { __proto__: { fromTable: true } }` loaded with
  // tiers.fromTable = true silently. Such a key is now refused (problem code yaml_proto).
  it('reports a __proto__ key in a rule set instead of applying what is under it', async () => {
    const text = `${VARIANT_HEAD}tiers:\n  __proto__:\n    fromTable: true\n  source: 地方实践（测试用例）\n`;
    writeFileSync(join(ws.rulesDir, 'proto.yaml'), text);
    await expect(loadRuleSet(join(ws.rulesDir, 'proto.yaml'), { rulesDir: ws.rulesDir })).rejects.toMatchObject({
      problems: [expect.objectContaining({ code: 'yaml_proto', message: expect.stringContaining('__proto__') })],
    });
  });
});
