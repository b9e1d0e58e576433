import { existsSync } from 'node:fs';
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
  if (opts.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.asOf))
    throw new UserError(`--as-of 应为 yyyy-MM-dd，收到“${opts.asOf}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath]);
  // A filled-in actuals file is the evaluator's work: replacing it with a blank template needs --force.
  if (opts.output && !opts.force && existsSync(opts.output)) {
    throw new UserError(
      `${opts.output} 已存在，未覆盖（它可能是已填写的实际完成情况）；确要用空白模板替换它，请加 --force`,
    );
  }
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
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
