import { z } from 'zod';
import type { GoalDocument, Indicator } from '../../model/goals.js';
import { internRows, type RowTexts } from './rows.js';
import { memoNormalise } from './text.js';

/** error: the table should not be approved as written; warning: a reviewer would ask; info: worth a look. */
export const Severity = z.enum(['error', 'warning', 'info']);

export const FindingProject = z.object({ code: z.string(), name: z.string() });

export const FindingIndicator = z.object({
  /** 1-based row in the project's indicator table. */
  no: z.number().int().positive(),
  name: z.string(),
  tier2: z.string(),
});

/** One defect found by the target review (绩效目标审核). */
export const Finding = z.object({
  /** Stable, kebab-case: scripts and tests match on it, the wording may change. */
  code: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/),
  severity: Severity,
  project: FindingProject,
  indicator: FindingIndicator.optional(),
  /** What is wrong, in Chinese. */
  message: z.string().min(1),
  /** A suggested fix, in Chinese. */
  fix: z.string().min(1),
});

export type Severity = z.infer<typeof Severity>;
export type FindingProject = z.infer<typeof FindingProject>;
export type FindingIndicator = z.infer<typeof FindingIndicator>;
export type Finding = z.infer<typeof Finding>;

export interface CheckContext {
  /** 一级指标 names the rule set weights (产出指标, 效益指标, 满意度指标 …). */
  tierNames: readonly string[];
  /**
   * One {code, name} object per project, by position. Findings share it, so checkGoals can put each finding
   * back in project order by identity, even when two projects carry the same code.
   */
  projects: readonly FindingProject[];
  /** Text in one normal form (NFKC, no spaces), memoised for this run. */
  norm: (s: string) => string;
  /** Every row's texts as ids, by global row number (see eachRow). */
  rows: RowTexts;
}

/** A check looks at the whole document (some compare projects) and returns its findings in any order. */
export type Check = (doc: GoalDocument, ctx: CheckContext) => Finding[];

export function makeContext(doc: GoalDocument, tierNames: readonly string[]): CheckContext {
  const projects = doc.projects.map((p) => ({ code: p.code, name: p.name }));
  const norm = memoNormalise();
  return { tierNames, projects, norm, rows: internRows(doc, norm) };
}

/**
 * A finding about the project as a whole (budget, plan, name). Message and fix are plain arguments, not an
 * object: an extra object per finding is measurable on a million findings.
 */
export function projectFinding(
  ctx: CheckContext,
  p: number,
  code: string,
  severity: Severity,
  message: string,
  fix: string,
): Finding {
  return { code, severity, project: ref(ctx, p), message, fix };
}

/** A finding about one indicator row; `i` is the 0-based index in the table. */
export function rowFinding(
  ctx: CheckContext,
  p: number,
  i: number,
  ind: Indicator,
  code: string,
  severity: Severity,
  message: string,
  fix: string,
): Finding {
  const indicator = { no: i + 1, name: ind.name, tier2: ind.tier2 };
  return { code, severity, project: ref(ctx, p), indicator, message, fix };
}

function ref(ctx: CheckContext, p: number): FindingProject {
  const project = ctx.projects[p];
  if (!project) throw new Error(`internal: no project at position ${p}`);
  return project;
}

/**
 * Run a per-row check (at most one finding per row) over every indicator of every project, in table order.
 * `r` is the row's global number, the index into ctx.rows.
 */
export function eachRow(
  doc: GoalDocument,
  fn: (p: number, i: number, ind: Indicator, r: number) => Finding | null,
): Finding[] {
  const out: Finding[] = [];
  const projects = doc.projects;
  let r = 0;
  for (let p = 0; p < projects.length; p++) {
    const rows = projects[p]?.indicators ?? [];
    for (let i = 0; i < rows.length; i++, r++) {
      const ind = rows[i];
      const found = ind && fn(p, i, ind, r);
      if (found) out.push(found);
    }
  }
  return out;
}

export const SEVERITY_LABEL: Record<Severity, string> = { error: '错误', warning: '警告', info: '提示' };

export interface FindingSummary {
  error: number;
  warning: number;
  info: number;
}

export function summarise(findings: readonly Finding[]): FindingSummary {
  const s: FindingSummary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) s[f.severity]++;
  return s;
}
