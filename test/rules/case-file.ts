/**
 * Rule-set test cases kept as YAML (test/rules/*.yaml), as OpenFisca keeps its tests: each case a sentence, the
 * rule set, a small project as printed (targets as strings, actuals as written, 分值) and the scores expected.
 * The format is described for domain experts in test/rules/README.md; this module validates a file and turns a
 * case into the engine's two inputs. A case may instead name a published table (`table:`), converted exactly as
 * test/cases does it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { z } from 'zod';
import { parseTarget } from '../../src/core/target/parse.js';
import { type ActualsDocument, IndicatorActual, type ProjectActuals } from '../../src/model/actuals.js';
import type { GoalDocument, GoalTable } from '../../src/model/goals.js';
import { convertCase, loadCase, oneTable } from '../cases/convert.js';

export const CASES_DIR = fileURLToPath(new URL('./', import.meta.url));

const Row = z
  .object({
    tier1: z.string().min(1),
    tier2: z.string().default(''),
    name: z.string().min(1),
    /** 年度指标值 as printed: "≥100人次", "≤90万元", "2025年11月底前", "达成年度指标". */
    target: z.string(),
    /** 实际完成值 as written; absent = not filled in yet. */
    actual: z.union([z.string(), z.number()]).optional(),
    /** 分值 stated in the table; absent = the rule set shares the tier's points. */
    weight: z.number().nonnegative().optional(),
  })
  // What an evaluator may enter beside the actual: grade, in-band score, 不适用, reasons, override.
  .extend(IndicatorActual.pick({ grade: true, score: true, notApplicable: true, reason: true, override: true }).shape)
  .strict();

/** An expected figure: the engine's number, or the number plus the different one the publisher printed. */
const Figure = z.union([z.number(), z.object({ score: z.number(), published: z.number().nullable() }).strict()]);

const Expect = z
  .object({
    /** 预算执行率 as a share (0.9 = 90%), 4 decimals. */
    rate: z.number().optional(),
    /** 预算执行率得分. */
    budget: Figure.optional(),
    /** 三级指标 name → score. Every scored row must be listed here or under errors. */
    indicators: z.record(z.string(), Figure).default({}),
    /** 三级指标 name → a piece of the error text for a row the engine must refuse to score. */
    errors: z.record(z.string(), z.string()).default({}),
    /** Pieces of warning text that must appear (each at least once). */
    warnings: z.array(z.string()).default([]),
    /** 一级指标 name → its points after the rule set's tier rules (merged, carved, from the table). */
    tiers: z.record(z.string(), z.number()).optional(),
    /** 总分; null = no final total (a row cannot be scored). */
    total: Figure.nullable().optional(),
    grade: z.string().optional(),
  })
  .strict();

export const Case = z
  .object({
    /** A sentence saying what the case shows. */
    name: z.string().min(8),
    /** A bundled rule set name (rules/NAME.yaml). */
    rules: z.string().regex(/^[a-z0-9-]+$/),
    year: z.number().int().min(2000).max(2100).default(2025),
    /** A published table of the shared cases folder, used instead of `budget` and `indicators`. */
    table: z.string().endsWith('.json').optional(),
    /** Fields an evaluator adds to a published table's rows (grade, in-band score), by 三级指标 name. */
    entries: z.record(z.string(), IndicatorActual.partial()).optional(),
    /** The table's own 一级指标分值 where it prints them (replaces the rule set's; tiers.whenMissing off). */
    tiers: z.record(z.string(), z.number().min(0).max(100)).optional(),
    /** The table's own 预算执行率分值 where it differs from the rule set's. */
    executionWeight: z.number().min(0).max(100).optional(),
    /** 全年预算数 / 全年执行数 (万元); executed absent = not filled in. */
    budget: z
      .object({ adjusted: z.number().nonnegative(), executed: z.number().nonnegative().optional() })
      .strict()
      .optional(),
    indicators: z.array(Row).optional(),
    /** Every expected figure equal to the table's printed one, and each printed gap as stated (needs `table`). */
    reproduces: z.boolean().default(false),
    expect: Expect,
  })
  .strict()
  .refine((c) => (c.table === undefined) !== (c.indicators === undefined && c.budget === undefined), {
    message: '写 table（公布的表）或 budget 与 indicators（自拟的项目），二者选一',
  })
  .refine((c) => !c.reproduces || c.table !== undefined, { message: 'reproduces 只用于公布的表（table）' });

export const CaseFile = z.object({ cases: z.array(Case).min(1) }).strict();

export type Case = z.infer<typeof Case>;
export type Figure = z.infer<typeof Figure>;

export const scoreOf = (f: Figure): number => (typeof f === 'number' ? f : f.score);

/** The case files of test/rules, sorted. */
export function caseFileNames(): string[] {
  return readdirSync(CASES_DIR)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
}

/** Read and validate one case file; the error names the file, the case and the key. */
export function readCaseFile(name: string): Case[] {
  const data: unknown = parse(readFileSync(join(CASES_DIR, name), 'utf8'));
  const parsed = CaseFile.safeParse(data);
  if (parsed.success) return parsed.data.cases;
  const lines = parsed.error.issues.map((i) => {
    const [, index, ...rest] = i.path;
    const at = typeof index === 'number' ? `第 ${index + 1} 个案例` : '文件';
    return `${name} ${at}${rest.length > 0 ? ` ${rest.join('.')}` : ''}：${i.message}`;
  });
  throw new Error(`测试案例文件格式不对：\n${lines.join('\n')}`);
}

export interface Inputs {
  goals: GoalDocument;
  actuals: ActualsDocument;
  /** The published table, when the case names one. */
  published?: ReturnType<typeof loadCase>;
}

/** A case as the engine's GoalDocument + ActualsDocument (one project, code CASE). */
export function caseInputs(c: Case): Inputs {
  if (c.table !== undefined) {
    const published = loadCase(c.table);
    return { ...convertCase(published, c.entries ? { entries: c.entries } : {}), published };
  }
  const rows = c.indicators ?? [];
  const budget = c.budget ?? { adjusted: 0 };
  const table: GoalTable = {
    code: 'CASE',
    name: c.name,
    year: c.year,
    heading: c.name,
    unitCode: null,
    unitName: null,
    budget: { total: budget.adjusted, fiscal: null, other: null },
    useOfFunds: '',
    spendingPlan: [],
    goals: [],
    indicators: rows.map((r) => ({
      tier1: r.tier1,
      tier2: r.tier2,
      name: r.name,
      description: '',
      basis: '',
      target: parseTarget(r.target, { year: c.year }),
      ...(r.weight === undefined ? {} : { weight: r.weight }),
    })),
  };
  const goals = oneTable(table, c.name);
  const project: ProjectActuals = {
    code: 'CASE',
    budget: {
      adjusted: budget.adjusted,
      ...(budget.executed === undefined ? {} : { executed: budget.executed }),
    },
    indicators: rows.map(({ tier1: _t1, tier2: _t2, target: _t, weight: _w, ...entry }) => entry),
  };
  const actuals: ActualsDocument = { schema: 'jixiao/actuals@1', period: 'year-end', projects: [project] };
  return { goals, actuals };
}
