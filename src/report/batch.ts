import { join } from 'node:path';
import { compareYears } from '../core/compare/index.js';
import { monitorDocument } from '../core/monitoring/index.js';
import { scoreDocument } from '../core/scoring/index.js';
import type { ScoringRules } from '../core/scoring/types.js';
import type { Problem } from '../errors.js';
import { UserError } from '../errors.js';
import type { ActualsDocument } from '../model/actuals.js';
import type { GoalDocument } from '../model/goals.js';
import type { PreviousEvaluation } from '../model/previous.js';
import { type ReportData, type ReportKind, reportDocuments } from './documents.js';
import { getRenderer, type ReadTemplate } from './render.js';

/**
 * A report batch from inputs already read, shared by `jixiao report` and the workbench: score (year-end) or
 * monitor (mid-year) into the report data, then render every file in memory. Writing is the caller's (io/write),
 * so nothing here touches the disk except templates, read through the caller's reader.
 */

export const REPORT_KINDS: readonly string[] = ['self-evaluation', 'monitoring', 'department'];
export const REPORT_FORMATS: readonly string[] = ['html', 'md', 'pdf', 'docx', 'xlsx'];

export interface DataOptions {
  /** The actuals file as the user named it, for messages. */
  actualsName: string;
  asOf?: string;
  projects?: readonly string[];
  previous?: PreviousEvaluation;
}

/** Score or monitor for a report; a document with problems is refused with all of them. */
export function reportData(
  goals: GoalDocument,
  actuals: ActualsDocument,
  rules: ScoringRules,
  opts: DataOptions,
): { data: ReportData; warnings: Problem[] } {
  const only = opts.projects ? { projects: opts.projects } : {};
  if (actuals.period === 'year-end') {
    if (opts.asOf)
      throw new UserError(`--as-of 只用于运行监控；${opts.actualsName} 是年终自评数据（“period: year-end”）`);
    const result = scoreDocument(goals, actuals, rules, only);
    if (!result.ok)
      throw new UserError(`无法评分：${opts.actualsName} 有 ${result.errors.length} 处问题`, result.errors);
    const comparison = opts.previous ? compareYears(result.evaluation, opts.previous) : undefined;
    const data = {
      goals,
      ruleSet: rules.ruleSet,
      evaluation: result.evaluation,
      ...(comparison ? { comparison } : {}),
    };
    return { data, warnings: result.warnings };
  }
  if (opts.previous) throw new UserError('--previous（与上年比较）只用于年终自评报告');
  const asOf = opts.asOf ?? actuals.asOf ?? '';
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UserError(`--as-of 应为 yyyy-MM-dd 格式的日期，收到“${asOf}”`);
  if (actuals.asOf && actuals.asOf !== asOf) {
    throw new UserError(`--as-of ${asOf} 与 ${opts.actualsName} 中的截止日期 asOf: ${actuals.asOf} 不一致`);
  }
  const result = monitorDocument(goals, actuals, rules, asOf, only);
  if (!result.ok) throw new UserError(`无法完成运行监控：有 ${result.errors.length} 处问题`, result.errors);
  return { data: { goals, ruleSet: rules.ruleSet, monitoring: result.monitoring }, warnings: result.warnings };
}

export interface RenderOptions {
  format: string;
  outDir: string;
  /** A folder of templates overriding the built-in ones. */
  templates?: string | undefined;
  readTemplate: ReadTemplate;
  /** Called with every output path before anything is rendered (refuse one that is an input, early). */
  planned?: (paths: readonly string[]) => void;
  /** Called as each file is rendered (a progress bar). */
  onRendered?: (path: string) => void;
}

export interface RenderedFile {
  path: string;
  data: string | Uint8Array;
}

interface OutFile {
  path: string;
  content: () => Promise<string | Uint8Array>;
}

/** Every file of the batch rendered before any is written: a template error in the last one writes nothing. */
export async function renderReportFiles(
  kind: ReportKind,
  data: ReportData,
  opts: RenderOptions,
): Promise<RenderedFile[]> {
  let close: (() => Promise<void>) | undefined;
  try {
    const files = await outFiles(kind, data, opts, (c) => {
      close = c;
    });
    opts.planned?.(files.map((f) => f.path));
    // Chromium spends most of a PDF embedding fonts: a few pages at once use the idle cores.
    return await mapLimit(files, opts.format === 'pdf' ? 3 : 1, async (f) => {
      const content = await f.content();
      opts.onRendered?.(f.path);
      return { path: f.path, data: content };
    });
  } finally {
    await close?.();
  }
}

async function outFiles(
  kind: ReportKind,
  data: ReportData,
  opts: RenderOptions,
  onPrinter: (close: () => Promise<void>) => void,
): Promise<OutFile[]> {
  const docs = reportDocuments(kind, data);
  const at = (base: string, ext: string) => join(opts.outDir, `${base}.${ext}`);
  if (opts.format === 'xlsx') {
    const { reportWorkbook } = await import('./xlsx/index.js');
    return docs.map((d) => ({ path: at(d.base, 'xlsx'), content: () => reportWorkbook(d, data) }));
  }
  if (opts.format === 'docx') {
    const { docxReport } = await import('./docx/index.js');
    return docs.map((d) => ({ path: at(d.base, 'docx'), content: () => docxReport(d) }));
  }
  const renderer = getRenderer(opts.templates, opts.readTemplate);
  if (opts.format !== 'pdf') {
    const format = opts.format as 'html' | 'md';
    return docs.map((d) => ({
      path: at(d.base, format),
      content: async () => renderer.render(d.template, format, d.view),
    }));
  }
  // Render every page first, so a template error stops the run before Chromium starts.
  const pages = docs.map((d) => ({ base: d.base, html: renderer.render(d.template, 'html', d.view) }));
  const { openPdfPrinter } = await import('./pdf.js');
  const printer = await openPdfPrinter();
  onPrinter(() => printer.close());
  return pages.map((p) => ({ path: at(p.base, 'pdf'), content: () => printer.print(p.html) }));
}

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
