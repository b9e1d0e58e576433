import { type Problem, UserError } from '../../errors.js';
import { GoalDocument } from '../../model/goals.js';
import { departmentUnit, parseDepartmentGoals } from './department.js';
import { tokenise } from './lines.js';
import { Problems } from './problems.js';
import { parseTable } from './table.js';
import { type Segments, segment } from './tables.js';
import { cellYear, documentYear, statedYear, yearConflict } from './year.js';

/**
 * The bureau's goal document (Word exported to plain text) → GoalDocument.
 *
 * Pure: text in, data out; reading the file and decoding it is the caller's job. Every problem found in one pass
 * is reported together in a UserError, each naming the line (and project where known).
 */

export interface ParseOptions {
  /** The file name, for messages and the `source` field; null when the text has no file. */
  source: string | null;
  /** The year to use when the document names none (`--year`); the document's own year wins. */
  year?: number;
}

/** An imported document and what was read with a doubt or skipped (blank template rows). */
export interface ImportedGoals {
  doc: GoalDocument;
  warnings: Problem[];
}

export function parseGoalDocument(text: string, opts: ParseOptions): GoalDocument {
  return importGoalText(text, opts).doc;
}

export function importGoalText(text: string, opts: ParseOptions): ImportedGoals {
  const file = opts.source ?? '文档';
  const problems = new Problems(opts.source);
  if (text.trim() === '') {
    problems.error('empty', 1, '文件是空的（或只有空白），没有可导入的内容');
    throw failure(file, problems);
  }
  const seg = segment(tokenise(text), problems);
  if (seg.tables.length === 0) {
    problems.errorWhere(
      'no-tables',
      `${file} 第 1–${seg.lastLine} 行`,
      '没有找到项目绩效目标表：文档中没有“××绩效目标表”标题，也没有以制表符分隔的“项目编码”等单元格（是否从 Word 导出为纯文本时丢失了表格？）',
    );
    throw failure(file, problems);
  }

  const names = projectNames(seg);
  const stated = statedYear(seg, names);
  if (stated !== null && opts.year !== undefined && stated !== opts.year) {
    problems.errorWhere('year-conflict', file, yearConflict(stated, opts.year));
    throw failure(file, problems);
  }
  const year = documentYear(seg, names, opts.year);
  const inCells = cellYear(seg);
  if (stated === null && opts.year !== undefined && inCells !== null && inCells !== opts.year) {
    problems.warnWhere(
      'year-given',
      file,
      `文档没有写明年度，按 --year 定为 ${opts.year} 年；但表格中的日期和说明多写 ${inCells} 年，请核对`,
    );
  }
  if (year === null) {
    problems.errorWhere(
      'no-year',
      file,
      '无法确定文档的年度：表格标题、年度行、部门整体绩效目标、项目名称和指标中都没有“20xx年”；请用 --year 指定年度（如 --year 2025）',
    );
    throw failure(file, problems);
  }

  const projects = seg.tables.map((t, index) =>
    parseTable(t, { index, docYear: year, problems, lastLine: seg.lastLine }),
  );
  const seen = new Map<string, number>();
  for (const p of projects) {
    if (!p) continue;
    const first = seen.get(p.code);
    if (first !== undefined) {
      problems.error(
        'duplicate-code',
        p.line ?? 0,
        `项目编码 ${p.code} 与第 ${first} 行的表格重复`,
        `项目「${p.name}」`,
      );
    } else seen.set(p.code, p.line ?? 0);
  }
  if (problems.count === 0 && projects.every((p) => p === null)) {
    problems.errorWhere(
      'no-tables',
      `${file} 第 1–${seg.lastLine} 行`,
      `没有找到项目绩效目标表：文档中的表格都没有预算、绩效目标和指标表头${attachmentHint(text)}`,
    );
  }
  if (problems.count > 0) throw failure(file, problems);

  const doc = {
    schema: 'jixiao/goals@1' as const,
    source: opts.source,
    year,
    department: { ...departmentUnit(seg.tables), goals: parseDepartmentGoals(seg.department) },
    projects: projects.filter((p) => p !== null),
  };
  const checked = GoalDocument.safeParse(doc);
  if (!checked.success) {
    // The parser built something the schema refuses: a bug here, not a problem in the user's file.
    throw new Error(`导入结果不符合 jixiao/goals@1：${checked.error.message}`);
  }
  return { doc: checked.data, warnings: problems.warnings };
}

/** A notice that lists its goal table as an 附件 the file does not hold: say so (the table was left out). */
function attachmentHint(text: string): string {
  const at = text.search(/附件\s*[:：]/);
  const listed =
    at < 0 ? undefined : /(?:^|[\s.、:：])([^\s、:：.]*绩效目标[申报审批复]*表)/.exec(text.slice(at, at + 400))?.[1];
  return listed ? `（通知列出的附件“${listed}”不在这个文件里，请导入含有该表的文件）` : '';
}

/** The JSON written for a GoalDocument: 2-space indent, keys in schema order, trailing newline. */
export function serializeGoalDocument(doc: GoalDocument): string {
  return `${JSON.stringify(doc, null, 2)}\n`;
}

function failure(file: string, problems: Problems): UserError {
  return new UserError(`无法导入 ${file}：发现 ${problems.count} 处问题`, problems.list);
}

function projectNames(seg: Segments): string[] {
  return seg.tables.flatMap((t) =>
    t.blocks.filter((b) => b.kind === 'name').flatMap((b) => b.cells.map((c) => c.text)),
  );
}
