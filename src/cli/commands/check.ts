import { checkByProject, summarise } from '../../core/check/index.js';
import { UserError } from '../../errors.js';
import { readGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { checkTable } from '../../report/terminal/check.js';
import { goalsOptions } from '../goals-year.js';

export interface CheckCommandOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  format: string;
  rules: string;
}

/**
 * `jixiao check GOALS`: the target review (绩效目标审核). Prints the findings as a table per project or as JSON
 * and returns the exit code: 1 when any finding is an error (the table should not be submitted), else 0.
 */
export async function runCheck(goalsPath: string, opts: CheckCommandOptions): Promise<number> {
  if (opts.format !== 'table' && opts.format !== 'json') {
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  }
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const { ruleSet } = await loadRuleSet(opts.rules);
  const byProject = checkByProject(goals, { tierNames: Object.keys(ruleSet.tiers.weights) });
  const findings = byProject.flat();
  const summary = summarise(findings);
  process.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify({ findings, summary }, null, 2)}\n`
      : checkTable(goals, byProject, summary),
  );
  return summary.error > 0 ? 1 : 0;
}
