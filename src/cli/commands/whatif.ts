import { whatIf } from '../../core/whatif/index.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeFileAtomic } from '../../io/write.js';
import { whatIfTable } from '../../report/terminal/whatif.js';
import { goalsOptions } from '../goals-year.js';

export interface WhatIfOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  project?: string;
  grade?: string;
  total?: string;
  rules: string;
  format: string;
  output?: string;
}

/** `jixiao whatif GOALS ACTUALS`: what each indicator needs for full marks, and the fewest changes to a grade. */
export async function runWhatIf(goalsPath: string, actualsPath: string, opts: WhatIfOptions): Promise<void> {
  if (!['table', 'json'].includes(opts.format))
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  if (opts.grade !== undefined && opts.total !== undefined) throw new UserError('--grade 与 --total 只能选一个');
  const total = opts.total === undefined ? undefined : Number(opts.total);
  if (total !== undefined && !(Number.isFinite(total) && total >= 0 && total <= 100))
    throw new UserError(`--total 应为 0–100 的分数，收到“${opts.total}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const actuals = await readActuals(actualsPath, goals);
  const rules = await loadRuleSet(opts.rules);
  const grades = rules.ruleSet.grades.bands.map((b) => b.grade);
  if (opts.grade !== undefined && !grades.includes(opts.grade))
    throw new UserError(`--grade 应为 ${grades.join(' / ')} 之一，收到“${opts.grade}”`);
  if (opts.project && !goals.projects.some((p) => p.code === opts.project))
    throw new UserError(`目标表中没有项目编码“${opts.project}”`);
  const results = whatIf(goals, actuals, rules, {
    ...(opts.project ? { project: opts.project } : {}),
    ...(opts.grade ? { grade: opts.grade } : {}),
    ...(total !== undefined ? { total } : {}),
  });
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ schema: 'jixiao/whatif@1', projects: results }, null, 2)}\n`
      : results.map((r) => whatIfTable(r, rules)).join('\n');
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
}
