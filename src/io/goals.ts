import { basename } from 'node:path';
import { rowContext } from '../core/target/context.js';
import { parseTarget } from '../core/target/parse.js';
import { type Problem, UserError } from '../errors.js';
import { GoalDocument } from '../model/goals.js';
import { decode, type TextEncodingName } from './decode.js';
import { importGoalText } from './goal-document/index.js';
import { yearConflict } from './goal-document/year.js';
import { notGoals, textKind } from './input-kind.js';
import { readInput } from './read-input.js';
import { formatPath } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/**
 * The goal tables a command works on, in any form a user has them: the goals JSON `jixiao import` writes, the
 * goal document exported from Word as text (.txt), or the Word (.docx) or Excel (.xlsx) file itself, imported on
 * the fly. Every command reads GOALS through readGoals, so `check x.docx` works as `import x.docx` does.
 */

export interface GoalsOptions {
  /** The year when the document names none (`--year`). */
  year?: number;
  /** What the file is called in messages (default 目标表; `import` says 绩效目标文档). */
  what?: string;
}

export interface LoadedGoals {
  doc: GoalDocument;
  /** What the importer read with a doubt or skipped (blank template rows), with their places. */
  warnings: Problem[];
  /** The text encoding found, for a .txt document; null otherwise. */
  encoding: TextEncodingName | null;
}

export async function readGoals(path: string, opts: GoalsOptions = {}): Promise<LoadedGoals> {
  if (/\.docx$/i.test(path)) {
    const { importDocxGoals } = await import('./goal-tables/docx.js');
    return { ...(await importDocxGoals(path, opts)), encoding: null };
  }
  if (/\.xlsx$/i.test(path)) {
    const { importXlsxGoals } = await import('./goal-tables/xlsx.js');
    return { ...(await importXlsxGoals(path, opts)), encoding: null };
  }
  return readTextGoals(path, opts);
}

/** readGoals for the forms that need no Office reader (.json, .txt): synchronous, for the library and tests. */
export function loadGoals(path: string, opts: GoalsOptions = {}): GoalDocument {
  if (/\.(docx|xlsx)$/i.test(path)) {
    throw new UserError(`目标表 ${path} 是 Word/Excel 文件：请用 readGoals 读取（命令行的各个命令都可以直接读取）`);
  }
  return readTextGoals(path, opts).doc;
}

function readTextGoals(path: string, opts: GoalsOptions): LoadedGoals {
  const bytes = readInput(path, opts.what ?? '目标表');
  const { text, encoding } = decode(bytes, basename(path));
  // A schema line names the file's kind for sure; a 自评表 title only once the goal-table reading has failed.
  const kind = textKind(text);
  if (kind === 'actuals' || kind === 'evaluation' || kind === 'monitoring') throw notGoals(path, kind);
  if (!/\.json$/i.test(path)) {
    const parse = { source: basename(path), ...(opts.year === undefined ? {} : { year: opts.year }) };
    try {
      return { ...importGoalText(text, parse), encoding };
    } catch (err) {
      throw err instanceof UserError && kind === 'self-evaluation' ? notGoals(path, kind) : err;
    }
  }
  const doc = fromJson(text, path);
  if (opts.year !== undefined && doc.year !== opts.year) {
    throw new UserError(`无法读取 ${path}：${yearConflict(doc.year, opts.year)}`);
  }
  return { doc, warnings: [], encoding: null };
}

/**
 * An imported goals JSON. Each target is parsed again from `raw`, what the table printed: a hand-edited parsed
 * value cannot score against a different printed string.
 */
function fromJson(text: string, path: string): GoalDocument {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new UserError(`目标表 ${path} 不是有效的 JSON：${(err as Error).message}`);
  }
  const parsed = GoalDocument.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, (p) => ({
      where: `${path}: ${formatPath(p) || '(根)'}`,
      line: undefined,
    }));
    throw new UserError(`目标表 ${path} 格式不对（应为 jixiao import 生成的 JSON）`, problems);
  }
  const doc = parsed.data;
  for (const project of doc.projects) {
    for (const ind of project.indicators) ind.target = parseTarget(ind.target.raw, rowContext(ind, project.year));
  }
  return doc;
}
