import { monitorDocument } from '../../core/monitoring/index.js';
import { calendarDate } from '../../core/monitoring/plan.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import { departmentView } from '../../report/department-view.js';
import { monitoringView } from '../../report/monitoring-view.js';
import { monitoringText } from '../../report/terminal/monitoring.js';
import { goalsOptions } from '../goals-year.js';
import { terminalText } from '../terminal.js';
import { printWarnings, selectedProjects } from './score.js';

export interface MonitorOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  asOf?: string;
  rules: string;
  format: string;
  output?: string;
  project?: string[];
  summary?: boolean;
}

/** `jixiao monitor GOALS ACTUALS --as-of DATE`: spending against plan and time, indicator pace, forecast score. */
export async function runMonitor(goalsPath: string, actualsPath: string, opts: MonitorOptions): Promise<void> {
  if (!['table', 'json'].includes(opts.format))
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  if (opts.asOf !== undefined && !calendarDate(opts.asOf))
    throw new UserError(`--as-of 应为 yyyy-MM-dd 格式的有效日期（如 2025-06-30），收到“${opts.asOf}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  if (actuals.period !== 'mid-year')
    throw new UserError(`${actualsPath} 是年终自评数据（“period: ${actuals.period}”），运行监控需要“period: mid-year”`);
  // The file's figures are as at its asOf: measuring them against another date would be wrong, so no side wins.
  if (opts.asOf && actuals.asOf && actuals.asOf !== opts.asOf) {
    throw new UserError(
      `--as-of ${opts.asOf} 与 ${actualsPath} 中的截止日期 asOf: ${actuals.asOf} 不一致（请改正其中之一）`,
    );
  }
  const asOf = opts.asOf ?? actuals.asOf;
  if (!asOf) {
    throw new UserError(`${actualsPath} 没有写截止日期（asOf），请加 --as-of，如 --as-of 2025-06-30`);
  }
  const rules = await loadRuleSet(opts.rules);
  const result = monitorDocument(goals, actuals, rules, asOf, projects ? { projects } : {});
  if (!result.ok) throw new UserError(`无法完成运行监控：有 ${result.errors.length} 处问题`, result.errors);
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ ...result.monitoring, warnings: result.warnings }, null, 2)}\n`
      : monitoringText(
          departmentView({ goals, ruleSet: rules.ruleSet, monitoring: result.monitoring }, result.warnings),
          opts.summary
            ? []
            : result.monitoring.projects.map((p) => monitoringView(p, result.monitoring, goals, rules.ruleSet)),
          { summaryOnly: opts.summary === true },
        );
  if (opts.output) {
    writeOutputFile(opts.output, text, [goalsPath, actualsPath]);
    process.stderr.write(`已完成 ${result.monitoring.projects.length} 个项目的运行监控 → ${opts.output}\n`);
  } else process.stdout.write(opts.format === 'json' ? text : terminalText(text));
  printWarnings(result.warnings);
}
