import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { readPrevious } from '../../io/previous.js';
import { readInput } from '../../io/read-input.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeReportBatch } from '../../io/write.js';
import { REPORT_FORMATS, REPORT_KINDS, type RenderedFile, renderReportFiles, reportData } from '../../report/batch.js';
import type { ReportKind } from '../../report/documents.js';
import { startProgress } from '../../report/progress.js';
import { goalsOptions } from '../goals-year.js';
import { printWarnings, selectedProjects } from './score.js';

export interface ReportOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  kind: string;
  format: string;
  output: string;
  templates?: string;
  rules: string;
  asOf?: string;
  project?: string[];
  /** Last year's score JSON: the 自评报告 compares with it. */
  previous?: string;
}

/**
 * `jixiao report GOALS ACTUALS --kind … --format … -o DIR`: score (year-end) or monitor (mid-year), build the
 * view-models, render them through the templates and write one file per project plus the department summary.
 * Output is deterministic: no clock is read, so the same inputs give the same bytes.
 */
export async function runReport(goalsPath: string, actualsPath: string, opts: ReportOptions): Promise<void> {
  if (!REPORT_KINDS.includes(opts.kind))
    throw new UserError(`--kind 只能是 ${REPORT_KINDS.join(' | ')}，收到“${opts.kind}”`);
  if (!REPORT_FORMATS.includes(opts.format))
    throw new UserError(`--format 只能是 ${REPORT_FORMATS.join(' | ')}，收到“${opts.format}”`);
  const outDir = resolve(opts.output);
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new UserError(`-o ${opts.output} 应为文件夹，但它是一个文件`);
  const kind = opts.kind as ReportKind;
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  const rules = await loadRuleSet(opts.rules);
  // Refused unread on a mid-year run.
  if (opts.previous && actuals.period !== 'year-end') throw new UserError('--previous（与上年比较）只用于年终自评报告');
  const previous = opts.previous && actuals.period === 'year-end' ? readPrevious(opts.previous) : undefined;
  const { data, warnings } = reportData(goals, actuals, rules, {
    actualsName: actualsPath,
    ...(opts.asOf ? { asOf: opts.asOf } : {}),
    ...(projects ? { projects } : {}),
    ...(previous ? { previous } : {}),
  });
  const inputs = [goalsPath, actualsPath, ...(opts.previous ? [opts.previous] : [])];
  let progress = startProgress(0);
  let rendered: RenderedFile[];
  try {
    rendered = await renderReportFiles(kind, data, {
      format: opts.format,
      outDir,
      templates: opts.templates,
      // Templates are inputs too: read through the one bounded reader (and so never overwritten by -o).
      readTemplate: (file) => readInput(file, '模板').toString('utf8'),
      planned: (paths) => {
        for (const p of paths) assertNotInput(p, inputs);
        progress = startProgress(paths.length);
      },
      onRendered: (path) => progress.tick(path),
    });
  } finally {
    progress.stop();
  }
  // Templates (--templates) were read while rendering: no output may replace one.
  writeReportBatch(outDir, rendered, inputs);
  process.stderr.write(`已生成 ${rendered.length} 个文件 → ${opts.output}\n`);
  printWarnings(warnings);
}
