import Table from 'cli-table3';
import type { ScoringRules } from '../../core/scoring/types.js';
import { type ProjectWhatIf, whatIf } from '../../core/whatif/index.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeFileAtomic } from '../../io/write.js';
import { whatIfView } from '../../report/whatif-view.js';
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
      : results.map((r) => renderProject(r, rules)).join('\n');
  if (opts.output) writeFileAtomic(opts.output, text);
  else process.stdout.write(text);
}

function renderProject(p: ProjectWhatIf, rules: ScoringRules): string {
  const v = whatIfView(p, rules);
  const t = new Table({
    head: ['序号', '三级指标', '指标值', '分值', '当前得分', '满分所需实际完成值'],
    style: { head: [], border: [] },
    colWidths: [6, 28, 14, 8, 10, 30],
    wordWrap: true,
  });
  for (const i of v.indicators) t.push([i.no, i.name, i.target, i.weight, i.score, i.needs]);
  const lines = [`${v.code}  ${v.name}  当前总分 ${v.current}`, t.toString(), v.verdict];
  for (const c of v.changes) lines.push(`  ${c.what}：${c.from} → ${c.to}（${c.gain} 分）`);
  return `${lines.join('\n')}\n`;
}
