import { existsSync } from 'node:fs';
import { isValid, parseISO } from 'date-fns';
import { UserError } from '../../errors.js';
import { readGoals } from '../../io/goals.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import { actualsTemplate, type Period } from '../../report/actuals-template.js';
import { goalsOptions } from '../goals-year.js';

/** `jixiao template GOALS --period year-end|mid-year [-o FILE]`: the entry file to fill in. */
export async function runTemplate(
  goalsPath: string,
  opts: { period: string; asOf?: string; output?: string; force?: boolean; year?: string },
): Promise<void> {
  if (opts.period !== 'year-end' && opts.period !== 'mid-year') {
    throw new UserError(`--period 只能是 year-end（年终自评）或 mid-year（运行监控），收到“${opts.period}”`);
  }
  if (opts.output) assertNotInput(opts.output, [goalsPath]);
  // A filled-in actuals file is the evaluator's work: replacing it with a blank template needs --force.
  if (opts.output && !opts.force && existsSync(opts.output)) {
    throw new UserError(
      `${opts.output} 已存在，未覆盖（它可能是已填写的实际完成情况）；确要用空白模板替换它，请加 --force`,
    );
  }
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  if (opts.asOf !== undefined) checkAsOf(opts.asOf, opts.period, goals.year);
  const n = goals.projects.reduce((s, p) => s + p.indicators.length, 0);
  if (opts.output && /\.xlsx$/i.test(opts.output)) {
    // exceljs is loaded only for a workbook (it costs ~0.5 s).
    const { actualsWorkbook } = await import('../../io/xlsx/template.js');
    writeOutputFile(opts.output, await actualsWorkbook(goals, opts.period as Period, opts.asOf), [goalsPath]);
    process.stderr.write(`已生成填报表（Excel）：${goals.projects.length} 个项目、${n} 个指标 → ${opts.output}\n`);
    return;
  }
  const text = actualsTemplate(goals, opts.period as Period, opts.asOf);
  if (!opts.output) {
    process.stdout.write(text);
    return;
  }
  writeOutputFile(opts.output, text, [goalsPath]);
  process.stderr.write(`已生成填报模板：${goals.projects.length} 个项目、${n} 个指标 → ${opts.output}\n`);
}

/**
 * A monitoring date the goals' year does not hold would make every project's plan and time progress wrong
 * (monitor refuses it later, once per file): refuse it here, before a template is written with it.
 */
function checkAsOf(asOf: string, period: string, year: number): void {
  if (period !== 'mid-year') {
    throw new UserError(`--as-of 只用于运行监控（--period mid-year）；年终自评的填报模板不需要截止日期`);
  }
  const date = parseISO(asOf);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf) || !isValid(date)) {
    throw new UserError(`--as-of 应为 yyyy-MM-dd 格式的日期（如 ${year}-06-30），收到“${asOf}”`);
  }
  if (date.getFullYear() !== year) {
    throw new UserError(
      `--as-of ${asOf} 不在目标表的年度（${year} 年）内：运行监控的截止日期应在 ${year}-01-01 至 ${year}-12-31 之间`,
    );
  }
}
