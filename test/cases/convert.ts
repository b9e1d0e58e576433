/**
 * Turn a published 项目支出绩效自评表 (../shared/cases/*.json, transcribed exactly) into the engine's two inputs:
 * a GoalDocument (the 绩效目标表) and an ActualsDocument (实际完成值 and 预算执行). Every string goes in unchanged:
 * the target through parseTarget, the actual as written, so the engine meets what the publisher printed. A blank
 * cell stays blank (the engine must then report an error, never score a silent zero).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ScoreResult, scoreDocument } from '../../src/core/scoring/index.js';
import type { IndicatorScore, ProjectScore, ScoringRules } from '../../src/core/scoring/types.js';
import { parseTarget } from '../../src/core/target/parse.js';
import type { Problem } from '../../src/errors.js';
import type { ActualsDocument, IndicatorActual, ProjectActuals } from '../../src/model/actuals.js';
import type { GoalDocument, GoalTable, Indicator } from '../../src/model/goals.js';

/** /work/shared/cases, read-only. */
export const CASES_DIR = fileURLToPath(new URL('../../../shared/cases/', import.meta.url));

export interface CaseBudget {
  initial: number | null;
  full_year: number | null;
  executed: number | null;
  unit: string;
  weight: number | null;
  published_rate: string;
  published_score: number | null;
}

export interface CaseIndicator {
  tier1: string;
  tier2: string;
  tier3: string;
  target: string;
  actual: string;
  weight: number | null;
  published_score: number | null;
  deviation_note: string | null;
  weight_inferred?: number;
  /** "parent" rows carry the sum of their children ("child of 一"); the engine has no such rows. */
  group?: string;
  /** "其中…" rows: [name, target, actual], no weight or score of their own. */
  sub_rows?: string[][];
  ocr_uncertain?: boolean;
  mapping_uncertain?: boolean;
}

export interface CaseFile {
  title: string;
  year: number;
  province: string;
  project: string;
  budget: CaseBudget;
  indicators: CaseIndicator[];
  published_total: number | null;
  published_grade: string | null;
  truncated: boolean;
  notes: string;
}

export function caseFiles(): string[] {
  return readdirSync(CASES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort();
}

export function loadCase(file: string): CaseFile {
  return JSON.parse(readFileSync(join(CASES_DIR, file), 'utf8')) as CaseFile;
}

export const isParentRow = (ind: CaseIndicator) => ind.group === 'parent';

/** The stated 分值, or the one the transcriber inferred from a met indicator's score; undefined = share equally. */
export function weightOf(ind: CaseIndicator): number | undefined {
  return ind.weight ?? ind.weight_inferred ?? undefined;
}

/** The rows a parent row sums: the consecutive "child of …" rows right after it. */
export function childrenOf(c: CaseFile, parent: CaseIndicator): CaseIndicator[] {
  const start = c.indicators.indexOf(parent) + 1;
  const children: CaseIndicator[] = [];
  for (const ind of c.indicators.slice(start)) {
    if (!ind.group?.startsWith('child of')) break;
    children.push(ind);
  }
  return children;
}

export interface ConvertOptions {
  /** Extra fields of an actuals entry by 三级指标 name (an evaluator's grade or in-band score). */
  entries?: Record<string, Partial<IndicatorActual>>;
}

export interface Converted {
  goals: GoalDocument;
  actuals: ActualsDocument;
  /** The case rows that became goal-table indicators, in table order (parent rows left out). */
  scored: CaseIndicator[];
}

/**
 * Case → GoalDocument + ActualsDocument. Parent rows are left out (their score is the sum of their children, which
 * are scored); 其中 sub-rows are never scored separately. Budget: 全年预算数 (or 年初预算数 when the table has no
 * 全年 column) is both the goal table's 预算数 and the 调整后 denominator of the 执行率.
 */
export function convertCase(c: CaseFile, opts: ConvertOptions = {}): Converted {
  const scored = c.indicators.filter((ind) => !isParentRow(ind));
  const indicators: Indicator[] = scored.map((ind) => {
    const weight = weightOf(ind);
    return {
      tier1: ind.tier1,
      tier2: ind.tier2,
      name: ind.tier3,
      description: '',
      basis: '',
      target: parseTarget(ind.target, { year: c.year }),
      ...(weight === undefined ? {} : { weight }),
    };
  });
  const b = c.budget;
  const adjusted = b.full_year ?? b.initial;
  if (adjusted === null || b.executed === null) throw new Error(`${c.title}: 预算数或执行数为空，无法构造预算执行`);
  const table: GoalTable = {
    code: 'CASE',
    name: c.project,
    year: c.year,
    heading: c.title,
    unitCode: null,
    unitName: null,
    budget: { total: adjusted, fiscal: null, other: null },
    useOfFunds: '',
    spendingPlan: [],
    goals: [],
    indicators,
  };
  const budget: ProjectActuals['budget'] = {
    executed: b.executed,
    adjusted,
    ...(b.initial === null ? {} : { initial: b.initial }),
  };
  const goals = oneTable(table, c.title);
  const actuals: ActualsDocument = {
    schema: 'jixiao/actuals@1',
    period: 'year-end',
    projects: [
      {
        code: table.code,
        budget,
        indicators: scored.map((ind) => ({ name: ind.tier3, actual: ind.actual, ...opts.entries?.[ind.tier3] })),
      },
    ],
  };
  return { goals, actuals, scored };
}

/** A goal document holding one table, as a unit with no department goals would submit it. */
export function oneTable(table: GoalTable, source: string): GoalDocument {
  return {
    schema: 'jixiao/goals@1',
    source,
    year: table.year,
    department: { unitCode: null, unitName: null, goals: { overall: '', detailed: '', measures: '' } },
    projects: [table],
  };
}

export interface CaseRun extends Converted {
  result: ScoreResult;
  /**
   * The project as scored. When the engine reports errors, this is scoreProject's partial result (what
   * scoreDocument computes before it refuses): read only the indicators no error names.
   */
  project: ProjectScore;
  /** Errors whose place names this 三级指标 (“name”). */
  errorsFor(name: string): Problem[];
  /** The engine's score of this 三级指标 (throws for a name the engine did not score, e.g. a parent row). */
  indicator(name: string): IndicatorScore;
}

/** Convert and score a case the way `jixiao score` would, keeping the partial scores of a table with errors. */
export function scoreCase(c: CaseFile, rules: ScoringRules, opts: ConvertOptions = {}): CaseRun {
  const converted = convertCase(c, opts);
  const result = scoreDocument(converted.goals, converted.actuals, rules);
  // Every row the engine can score is scored even when others have errors (per-indicator results).
  const project = result.evaluation.projects[0];
  if (!project) throw new Error(`${c.title}: 没有评分结果`);
  const errors = result.ok ? [] : result.errors;
  return {
    ...converted,
    result,
    project,
    errorsFor: (name) => errors.filter((e) => (e.where ?? '').includes(`“${name}”`)),
    indicator: (name) => {
      const found = project.indicators.find((i) => i.name === name);
      if (!found) throw new Error(`引擎没有给指标“${name}”评分`);
      return found;
    },
  };
}
