import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { compareYears } from '../../core/compare/index.js';
import { monitorDocument } from '../../core/monitoring/index.js';
import { scoreDocument } from '../../core/scoring/index.js';
import type { Problem } from '../../errors.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { readGoals } from '../../io/goals.js';
import { readPrevious } from '../../io/previous.js';
import { readInput } from '../../io/read-input.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, sweepStaleTemps, writeFilesAtomic } from '../../io/write.js';
import { type ReportData, type ReportKind, reportDocuments } from '../../report/documents.js';
import { startProgress } from '../../report/progress.js';
import { getRenderer } from '../../report/render.js';
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

const KINDS: readonly string[] = ['self-evaluation', 'monitoring', 'department'];
const FORMATS: readonly string[] = ['html', 'md', 'pdf', 'docx', 'xlsx'];

interface OutFile {
  path: string;
  content: () => Promise<string | Uint8Array>;
}

/**
 * `jixiao report GOALS ACTUALS --kind … --format … -o DIR`: score (year-end) or monitor (mid-year), build the
 * view-models, render them through the templates and write one file per project plus the department summary.
 * Output is deterministic: no clock is read, so the same inputs give the same bytes.
 */
export async function runReport(goalsPath: string, actualsPath: string, opts: ReportOptions): Promise<void> {
  if (!KINDS.includes(opts.kind)) throw new UserError(`--kind 只能是 ${KINDS.join(' | ')}，收到“${opts.kind}”`);
  if (!FORMATS.includes(opts.format))
    throw new UserError(`--format 只能是 ${FORMATS.join(' | ')}，收到“${opts.format}”`);
  const outDir = resolve(opts.output);
  if (existsSync(outDir) && !statSync(outDir).isDirectory())
    throw new UserError(`-o ${opts.output} 应为文件夹，但它是一个文件`);
  const kind = opts.kind as ReportKind;
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  const rules = await loadRuleSet(opts.rules);
  const warnings: Problem[] = [];
  let data: ReportData;
  if (actuals.period === 'year-end') {
    if (opts.asOf) throw new UserError(`--as-of 只用于运行监控；${actualsPath} 是年终自评数据（period: year-end）`);
    const result = scoreDocument(goals, actuals, rules, projects ? { projects } : {});
    if (!result.ok) throw new UserError(`无法评分：${actualsPath} 有 ${result.errors.length} 处问题`, result.errors);
    warnings.push(...result.warnings);
    const comparison = opts.previous ? compareYears(result.evaluation, readPrevious(opts.previous)) : undefined;
    data = { goals, ruleSet: rules.ruleSet, evaluation: result.evaluation, ...(comparison ? { comparison } : {}) };
  } else {
    if (opts.previous) throw new UserError('--previous（与上年比较）只用于年终自评报告');
    const asOf = opts.asOf ?? actuals.asOf ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UserError(`--as-of 应为 yyyy-MM-dd 格式的日期，收到“${asOf}”`);
    if (actuals.asOf && actuals.asOf !== asOf) {
      throw new UserError(`--as-of ${asOf} 与 ${actualsPath} 中的截止日期 asOf: ${actuals.asOf} 不一致`);
    }
    const result = monitorDocument(goals, actuals, rules, asOf, projects ? { projects } : {});
    if (!result.ok) throw new UserError(`无法完成运行监控：有 ${result.errors.length} 处问题`, result.errors);
    warnings.push(...result.warnings);
    data = { goals, ruleSet: rules.ruleSet, monitoring: result.monitoring };
  }

  const files = await documents(kind, data, opts, outDir);
  for (const f of files) assertNotInput(f.path, [goalsPath, actualsPath, ...(opts.previous ? [opts.previous] : [])]);
  // Everything is rendered before anything is written: a template error in the last project, or a disk that
  // fills up, leaves the previous set of reports whole.
  const progress = startProgress(files.length);
  let rendered: { path: string; data: string | Uint8Array }[];
  try {
    // Chromium spends most of a PDF embedding fonts: a few pages at once use the idle cores.
    rendered = await mapLimit(files, opts.format === 'pdf' ? 3 : 1, async (f) => {
      const data = await f.content();
      progress.tick(f.path);
      return { path: f.path, data };
    });
  } finally {
    progress.stop();
    await closePrinter?.();
    closePrinter = undefined;
  }
  // Templates (--templates) were read while rendering: no output may replace one.
  for (const f of rendered) assertNotInput(f.path, [goalsPath, actualsPath]);
  writeFilesAtomic(rendered);
  // A batch killed earlier left its temp files here; this run has replaced what they were for.
  sweepStaleTemps(outDir);
  process.stderr.write(`已生成 ${files.length} 个文件 → ${opts.output}\n`);
  printWarnings(warnings);
}

let closePrinter: (() => Promise<void>) | undefined;

/** `fn` over `items`, at most `limit` at a time, results in order; after a failure no new item starts. */
async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (x: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      const k = next++;
      try {
        out[k] = await fn(items[k] as T);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  // allSettled: every worker has stopped before the caller closes the browser.
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return out;
}

async function documents(kind: ReportKind, data: ReportData, opts: ReportOptions, outDir: string): Promise<OutFile[]> {
  const docs = reportDocuments(kind, data);
  if (opts.format === 'xlsx') {
    const { reportWorkbook } = await import('../../report/xlsx/index.js');
    return docs.map((d) => ({ path: join(outDir, `${d.base}.xlsx`), content: () => reportWorkbook(d, data) }));
  }
  if (opts.format === 'docx') {
    const { docxReport } = await import('../../report/docx/index.js');
    return docs.map((d) => ({ path: join(outDir, `${d.base}.docx`), content: () => docxReport(d) }));
  }
  // Templates are inputs too: read through the one bounded reader (and so never overwritten by -o).
  const renderer = getRenderer(opts.templates, (file) => readInput(file, '模板').toString('utf8'));
  if (opts.format !== 'pdf') {
    const format = opts.format as 'html' | 'md';
    return docs.map((d) => ({
      path: join(outDir, `${d.base}.${format}`),
      content: async () => renderer.render(d.template, format, d.view),
    }));
  }
  // Render every page first, so a template error stops the run before Chromium starts.
  const pages = docs.map((d) => ({ base: d.base, html: renderer.render(d.template, 'html', d.view) }));
  const { openPdfPrinter } = await import('../../report/pdf.js');
  const printer = await openPdfPrinter();
  closePrinter = () => printer.close();
  return pages.map((p) => ({ path: join(outDir, `${p.base}.pdf`), content: () => printer.print(p.html) }));
}
