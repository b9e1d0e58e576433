import { bindProject } from '../../core/scoring/bind.js';
import { scoreProject } from '../../core/scoring/project.js';
import type { ProjectScore, ScoringRules } from '../../core/scoring/types.js';
import type { WeightPlan } from '../../core/scoring/weights.js';
import type { Problem } from '../../errors.js';
import { codeOf, goalTableOf, projectActualsOf, type RawRecord } from './records.js';

/** What one pair of lines (goal table k, actuals k) gave: an output line, a skip, or the order broken. */
export type PairResult =
  | {
      kind: 'scored';
      /** The output line, with its newline. */
      out: string;
      code: string | null;
      state: 'complete' | 'incomplete' | 'unreadable';
      warnings: number;
      /** The problems of an incomplete or unreadable project (none for a complete one). */
      problems: Problem[];
    }
  /** Not among --project: read and checked for order only. */
  | { kind: 'skipped' }
  /** The two lines name different 项目编码: the run stops here (all that follows would be paired wrongly). */
  | { kind: 'mismatch'; message: string };

export interface PairContext {
  rules: ScoringRules;
  explain: boolean;
  projects?: ReadonlySet<string> | undefined;
  goalsPath: string;
  actualsPath: string;
  /** Weight plans shared by the pairs one thread scores. */
  plans: Map<string, WeightPlan>;
}

export const ORDER_HINT = '两个文件须按同一顺序列出同样的项目（每个项目一行），可先都按项目编码排序';

/** Score line k of the goal tables with line k of the actuals: the same work on the main thread or a worker. */
export function scorePair(g: RawRecord, a: RawRecord, ctx: PairContext): PairResult {
  const gc = codeOf(g);
  const ac = codeOf(a);
  if (gc !== null && ac !== null && gc !== ac) {
    return {
      kind: 'mismatch',
      message: `${ctx.actualsPath} 第 ${a.line} 行的项目编码“${ac}”与 ${ctx.goalsPath} 第 ${g.line} 行的“${gc}”不同：${ORDER_HINT}`,
    };
  }
  const code = gc ?? ac;
  if (ctx.projects && !(code && ctx.projects.has(code))) return { kind: 'skipped' };
  const { table, problems: gp } = goalTableOf(g, ctx.goalsPath);
  const { entry, problems: ap } = projectActualsOf(a, ctx.actualsPath);
  if (!table || !entry) {
    const problems = [...gp, ...ap];
    const out = `${JSON.stringify({ line: g.line, code, error: '无法读取，未评分', problems })}\n`;
    return { kind: 'scored', out, code, state: 'unreadable', warnings: 0, problems };
  }
  const s = scoreProject(bindProject(table, entry), ctx.rules, ctx.plans, { explain: ctx.explain });
  const out = `${JSON.stringify(ctx.explain ? { line: g.line, ...s } : compact(s, g.line))}\n`;
  return {
    kind: 'scored',
    out,
    code,
    state: s.incomplete ? 'incomplete' : 'complete',
    warnings: s.warnings.length,
    problems: s.incomplete ? s.problems : [],
  };
}

/**
 * One output line without explanation steps: what a bulk run is read for (totals, grades, each indicator's
 * state and score, every problem located). `--explain` gives the full result instead.
 */
function compact(s: ProjectScore, line: number) {
  return {
    line,
    code: s.code,
    name: s.name,
    year: s.year,
    total: s.total,
    grade: s.grade,
    incomplete: s.incomplete,
    budget: { rate: s.budget.rate, weight: s.budget.weight, score: s.budget.score, state: s.budget.state },
    tiers: s.tiers,
    indicators: s.indicators.map((i) => {
      const x: Record<string, unknown> = {
        no: i.no,
        name: i.name,
        status: i.status,
        weight: i.weight,
        score: i.score,
      };
      if (i.grade) x.grade = i.grade;
      return x;
    }),
    problems: s.problems,
    warnings: s.warnings,
  };
}
