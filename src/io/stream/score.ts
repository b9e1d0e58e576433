import { bindProject } from '../../core/scoring/bind.js';
import { scoreProject } from '../../core/scoring/project.js';
import type { ProjectScore, ScoringRules } from '../../core/scoring/types.js';
import type { WeightPlan } from '../../core/scoring/weights.js';
import { LISTED_PROBLEMS, type Problem, UserError } from '../../errors.js';
import { LineReader } from './lines.js';
import { codeOf, goalTableOf, nextRecord, projectActualsOf, type RawRecord } from './records.js';

/**
 * `score` of JSON Lines in constant memory: goal tables one per line (as goals.json's `projects[]`), the
 * actuals one project per line (as the actuals' `projects[]`), in the SAME project order — line k of one
 * file with record k of the other, checked by 项目编码. A difference in order stops the run at the line (all
 * that follows would be paired wrongly); a line that cannot be read or scored is reported in its own output
 * line and the run goes on. Nothing but one pair of lines and the shared weight plans is held at a time.
 */
export interface StreamOptions {
  /** Each line the full project result (with explanation steps) as in `score --format json`. */
  explain: boolean;
  /** Only these 项目编码 (the others are read and checked for order, not scored). */
  projects?: ReadonlySet<string>;
}

export interface StreamSummary {
  /** Output lines: scored projects and lines that could not be read. */
  lines: number;
  complete: number;
  incomplete: number;
  unreadable: number;
  warnings: number;
  /** The problems of incomplete and unreadable projects, the first LISTED_PROBLEMS of them, and how many in all. */
  problems: Problem[];
  problemCount: number;
  /** The 项目编码 of --project met in the files. */
  seen: Set<string>;
}

export type LineOut = (line: string) => void | Promise<void>;

export async function scoreJsonLines(
  goalsPath: string,
  actualsPath: string,
  rules: ScoringRules,
  out: LineOut,
  opts: StreamOptions,
): Promise<StreamSummary> {
  const goals = new LineReader(goalsPath, '目标表');
  const actuals = new LineReader(actualsPath, '实际完成情况');
  const sum: StreamSummary = {
    lines: 0,
    complete: 0,
    incomplete: 0,
    unreadable: 0,
    warnings: 0,
    problems: [],
    problemCount: 0,
    seen: new Set(),
  };
  const note = (ps: readonly Problem[]) => {
    sum.problemCount += ps.length;
    for (const p of ps) if (sum.problems.length < LISTED_PROBLEMS) sum.problems.push(p);
  };
  const plans = new Map<string, WeightPlan>();
  try {
    for (;;) {
      const g = nextRecord(goals, 'goals');
      const a = nextRecord(actuals, 'actuals');
      if (!g && !a) break;
      paired(g, a, goalsPath, actualsPath);
      const gr = g as RawRecord;
      const ar = a as RawRecord;
      const code = codeOf(gr) ?? codeOf(ar);
      if (opts.projects) {
        if (!(code && opts.projects.has(code))) continue;
        sum.seen.add(code);
      }
      const { table, problems: gp } = goalTableOf(gr, goalsPath);
      const { entry, problems: ap } = projectActualsOf(ar, actualsPath);
      let line: string;
      if (!table || !entry) {
        const problems = [...gp, ...ap];
        note(problems);
        sum.unreadable++;
        line = JSON.stringify({ line: gr.line, code, error: '无法读取，未评分', problems });
      } else {
        const s = scoreProject(bindProject(table, entry), rules, plans, { explain: opts.explain });
        if (s.incomplete) {
          sum.incomplete++;
          note(s.problems);
        } else sum.complete++;
        sum.warnings += s.warnings.length;
        line = JSON.stringify(opts.explain ? { line: gr.line, ...s } : compact(s, gr.line));
      }
      sum.lines++;
      const wait = out(`${line}\n`);
      if (wait) await wait;
    }
  } finally {
    goals.close();
    actuals.close();
  }
  return sum;
}

/** Both files hold the same projects in the same order: else stop at the first line where they part. */
function paired(g: RawRecord | null, a: RawRecord | null, goalsPath: string, actualsPath: string): void {
  const order = '两个文件须按同一顺序列出同样的项目（每个项目一行），可先都按项目编码排序';
  if (!a) {
    const gc = codeOf(g);
    throw new UserError(
      `${goalsPath} 第 ${g?.line} 行的项目${gc ? `“${gc}”` : ''}在 ${actualsPath} 中没有对应的行（实际完成情况已到文件末尾）：${order}`,
    );
  }
  if (!g) {
    const ac = codeOf(a);
    throw new UserError(
      `${actualsPath} 第 ${a.line} 行的项目${ac ? `“${ac}”` : ''}在 ${goalsPath} 中没有对应的行（目标表已到文件末尾）：${order}`,
    );
  }
  const gc = codeOf(g);
  const ac = codeOf(a);
  if (gc !== null && ac !== null && gc !== ac) {
    throw new UserError(
      `${actualsPath} 第 ${a.line} 行的项目编码“${ac}”与 ${goalsPath} 第 ${g.line} 行的“${gc}”不同：${order}`,
    );
  }
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
