import { fieldOf } from './budget.js';
import {
  isSectionTitle,
  isSubtitle,
  isTableHeading,
  isTitleOrNote,
  isUnitCode,
  isUnitLine,
  isUnitNote,
  isYearNote,
} from './line-kinds.js';
import type { Cell, Item } from './lines.js';
import type { Problems } from './problems.js';
import { normLabel, quote } from './text.js';

export { isSubtitle, isTableHeading, isUnitCode, isUnitLine, isUnitNote, isYearNote } from './line-kinds.js';

/**
 * Finding the project tables (绩效目标表) and the labelled parts of each one.
 *
 * A table starts at a heading line ("1.2025年…绩效目标表"), at the unit row ("450001唐山市…", "单位：万元"), or at
 * a row label that the current table has already had (a second 项目编码 means a second table). Within a table, a
 * labelled cell starts a block (项目编码, 项目名称, 预算规模及资金用途, 资金支出计划, 绩效目标, 一级指标) and the
 * cells after it belong to that block until the next label. Rows are thus found by their labels, not only by the
 * blank lines between them.
 */

export type BlockKind = 'code' | 'name' | 'unit' | 'budget' | 'plan' | 'goals' | 'longGoals' | 'header' | 'info';

const RANK: Record<BlockKind, number> = {
  code: 1,
  name: 1,
  unit: 1,
  budget: 2,
  plan: 3,
  goals: 4,
  longGoals: 4,
  header: 5,
  // Never starts a table, whatever came before it (see segment).
  info: 0,
};

export interface Block {
  kind: BlockKind;
  /** The label cell itself. */
  label: Cell;
  /** The cells after the label, up to the next label. */
  cells: Cell[];
}

export interface TableSegment {
  /** First line of the table (heading, unit row or first label). */
  line: number;
  /** Last line holding any of its content. */
  endLine: number;
  heading: { text: string; line: number } | null;
  /** Cells before the first label (the unit row), and lines such as "(2022年度)" or "填报单位：…" near the title. */
  preamble: Cell[];
  blocks: Block[];
}

export interface Segments {
  /** Paragraph lines before the first table: 第一部分 部门整体绩效目标. */
  department: { text: string; line: number }[];
  tables: TableSegment[];
  /** Last non-blank line of the document. */
  lastLine: number;
}

/** Column labels of the indicator header; a header may start at any of them (二级 first in two-level tables). */
export const HEADER_LABEL =
  /^(一级指标|二级指标|三级指标(名称)?|绩效指标|指标名称|(绩效)?指标(描述|解释|说明|内容)|(年度|中长期|长期|中期|全周期)?(绩效)?(目标)?(计划)?(指标值|目标值)(内容|\(或计划水平\)|及单位)?|绩效标准|(指标值)?(确定)?依据|(指标)?(分值|权重)(\(.*\))?|指标性质|指标方向|计算符号|(计量|度量)单位)(\((长期|中长期|中期|年度)\))?$/;

/**
 * The label a cell holds, if any. Inside the indicator rows, labels that could be ordinary indicator text are not
 * labels. `next` is the next filled cell: "绩效指标" or "二级指标" begin the indicator header only when another
 * header label follows.
 */
export function blockKind(cellText: string, current: BlockKind | null, next?: string): BlockKind | null {
  const s = normLabel(cellText);
  if (/^项目(编码|代码|编号)$/.test(s)) return 'code';
  if (/^(项目(支出)?|专项\(项目\)|项目\(专项\))名称$/.test(s)) return 'name';
  if (/^预算规模(及资金用途)?$|^(项目资金|资金情况)(\((万元|元|亿元)\))?(预算执行\d+分)?$/.test(s)) return 'budget';
  // "财政部门审核意见" below the indicators: the end of the table, not an indicator row.
  if (/^(财政部门|主管部门|部门)?(审核|审批)意见$/.test(s)) return 'info';
  if (/^资金支出计划/.test(s)) return 'plan';
  if (/^一级指标$/.test(s)) return 'header';
  if (current === 'header') return null;
  if (
    /^(绩效指标|二级指标|三级指标|指标名称|(本?年度)?绩效(目标|指标)\(\d+(\.\d+)?分\)|本?年度绩效指标)$/.test(s) &&
    next !== undefined &&
    HEADER_LABEL.test(normLabel(next)) &&
    !/^绩效指标$/.test(normLabel(next))
  ) {
    return 'header';
  }
  if (
    /^([市县区省]级|项目)?(主管部门|实施单位|执行单位|单位名称|预算单位|预算部门|申报单位|填报单位)(\(单位\))?(名称)?(及(其)?(代码|编码)|\(盖章\))?:?$/.test(
      s,
    )
  )
    return 'unit';
  // Inside the budget block, its own non-amount fields (财政资金预算分类 …) stay with it (budget.ts reads past them).
  if (INFO.test(s) && !(current === 'budget' && fieldOf(cellText) === 'ignore')) return 'info';
  const field = fieldOf(cellText);
  if (current !== 'budget' && field !== null && field !== 'label' && field !== 'ignore') return 'budget';
  if (/^(中长期|长期|中期)(滚动)?(绩效)?目标(\(.*\))?$|^项目总目标$|^实施期(绩效)?目标$/.test(s)) return 'longGoals';
  if (/^(本|年度|项目|总体|整体)*(绩效)?目标$/.test(s) && s !== '目标') return 'goals';
  if (/^年度(主要)?(绩效)?目标(和|及)(预期)?成果$/.test(s)) return 'goals';
  return null;
}

/**
 * Labels of template fields jixiao does not score (项目属性, 项目期, 项目负责人, 项目审批, 专项名称, a 中期 budget …):
 * a label and its value are read past, never taken for a unit name or a new table.
 */
const INFO =
  /^(项目属性|项目期限?|项目(分类|类别|类型|性质)|(建设|实施|项目)(周期|期限)|项目(起止|实施)(时间|期限|日期)|业务主管部门|项目负责人|联系(电话|人)|项目审批|项目(总体)?概况|专项名称|下达地方或单位|资金性质|中期.*预算.*|[市县区省]级财政部门|项目(支出)?实施期|绩效(项目)?指标表)$/;

export function segment(items: Item[], problems: Problems): Segments {
  const department: Segments['department'] = [];
  const tables: TableSegment[] = [];
  // Where we are: the current table and block (mutated by `start`, hence an object rather than narrowed lets).
  const at: { table: TableSegment | null; block: Block | null } = { table: null, block: null };
  let lastRow = -1;
  let lastLine = 0;

  const start = (line: number, heading: TableSegment['heading']): TableSegment => {
    const previous = at.table;
    // A heading with nothing under it before the next heading is a title, not a table.
    if (previous && previous.preamble.length === 0 && previous.blocks.length === 0) tables.pop();
    const table: TableSegment = { line, endLine: line, heading, preamble: [], blocks: [] };
    tables.push(table);
    at.table = table;
    at.block = null;
    return table;
  };
  const maxRank = (t: TableSegment) => Math.max(0, ...t.blocks.map((b) => RANK[b.kind]));
  // A label ranked below one the table already has begins the next table; the budget may follow the goals
  // (审批表: 年度主要目标和成果, then 项目资金) as long as no plan or indicator header came first.
  const outOfOrder = (t: TableSegment, kind: BlockKind) =>
    kind === 'budget' && !t.blocks.some((b) => b.kind === 'plan' || b.kind === 'header')
      ? false
      : maxRank(t) > RANK[kind];
  const next = nextFilledCells(items);
  // The cell line that paragraph lines right under it continue (no blank line between).
  let open: Extract<Item, { kind: 'cells' }> | null = null;

  for (const item of items) {
    if (item.kind === 'blank') {
      open = null;
      continue;
    }
    lastLine = item.line;
    if (item.kind === 'text') {
      if (isTableHeading(item.text)) {
        start(item.line, { text: item.text, line: item.line });
        open = null;
      } else if (
        at.table &&
        at.table.blocks.length === 0 &&
        (isYearNote(item.text) || isUnitLine(item.text) || isSubtitle(item.text))
      ) {
        at.table.preamble.push({ text: item.text, line: item.line, row: -1, stray: false });
        open = null;
      } else if (!at.table) department.push({ text: item.text, line: item.line });
      else if (isTitleOrNote(item.text)) open = null;
      else if (at.table.blocks.length === 0 && at.table.preamble.length === 0) {
        // Under a title with nothing of a table yet: a covering notice's lines (附件 list, unit, date), read past.
        open = null;
      } else if (open) continueCell(open, item.text);
      else if (!isSectionTitle(item.text)) {
        problems.error(
          'stray-text',
          item.line,
          `表格中出现无法识别的文字 ${quote(item.text)}：表格单元格应以制表符开头；若是单元格内的换行，请删去它前面的空行`,
        );
      }
      continue;
    }
    open = item;
    for (const cell of item.cells) {
      const firstInRow = cell.text !== '' && cell.row !== lastRow;
      if (cell.text !== '') lastRow = cell.row;
      let table = at.table;
      if ((!table || table.blocks.length > 0) && startsUnitRow(cell, firstInRow, next.get(cell))) {
        table = start(cell.line, null);
      }
      let kind = blockKind(cell.text, at.block?.kind ?? null, next.get(cell)?.text);
      // A second unit label (主管部门 then 实施单位) is information about the same table.
      if (kind === 'unit' && table?.blocks.some((b) => b.kind === 'unit')) kind = 'info';
      if (kind === 'header' && at.block?.kind === 'header' && at.block.cells.length === 0) {
        // "绩 效 指 标 | 一级指标 | …": a merged label column before the header continues it.
        at.block.cells.push(cell);
      } else if (kind === 'info') {
        at.block = { kind, label: cell, cells: [] };
        (table ?? start(cell.line, null)).blocks.push(at.block);
      } else if (kind) {
        if (!table || (repeats(table, kind) && !groupLabel(at.block, kind)) || outOfOrder(table, kind)) {
          table = start(cell.line, null);
        }
        at.block = { kind, label: cell, cells: [] };
        table.blocks.push(at.block);
      } else if (at.block) at.block.cells.push(cell);
      else (table ?? start(cell.line, null)).preamble.push(cell);
      if (at.table) at.table.endLine = cell.line;
    }
  }
  return { department, tables, lastLine };
}

/** A second 项目编码 (or any label the table already has) begins the next table. */
function repeats(table: TableSegment, kind: BlockKind): boolean {
  return table.blocks.some((b) => b.kind === kind);
}

/** "总体目标 | 中长期目标 | 年度目标": a group label whose parts follow it, still empty; not a new table. */
function groupLabel(current: Block | null, kind: BlockKind): boolean {
  const goals = (k: BlockKind) => k === 'goals' || k === 'longGoals';
  return current !== null && goals(current.kind) && goals(kind) && current.cells.every((c) => c.text === '');
}

/** A paragraph line right under a cell line continues that cell (a line break inside the cell). */
function continueCell(item: Extract<Item, { kind: 'cells' }>, text: string): void {
  const cells = item.cells;
  const target = [...cells].reverse().find((c) => c.text !== '') ?? cells[cells.length - 1];
  if (target) target.text = target.text === '' ? text : `${target.text}\n${text}`;
}

/**
 * Whether a cell begins a table's unit row. "单位：万元" always does. A "450001单位名称" cell does when it begins
 * a row or comes right before "单位：万元" / "项目编码" (the export may put no blank line between the last indicator
 * row and the next table); elsewhere it could be indicator text such as "100000元以内".
 */
function startsUnitRow(cell: Cell, firstInRow: boolean, next: Cell | undefined): boolean {
  if (isUnitNote(cell.text)) return true;
  // A unit written as a bare name ("湘潭市环境卫生管理处") begins a table only right before "单位：万元".
  if (firstInRow && next !== undefined && isUnitNote(next.text) && isUnitName(cell.text)) return true;
  if (!isUnitCode(cell.text)) return false;
  return firstInRow || (next !== undefined && (isUnitNote(next.text) || blockKind(next.text, null) === 'code'));
}

/** A cell that can be an organisation's name: short words, no sentence punctuation, no digits. */
export function isUnitName(text: string): boolean {
  const s = normLabel(text);
  return s.length >= 2 && s.length <= 60 && /^[\u4e00-\u9fff()（）]+$/.test(s) && blockKind(s, null) === null;
}

/** For each cell, the next non-empty cell in the document. */
function nextFilledCells(items: Item[]): Map<Cell, Cell> {
  const next = new Map<Cell, Cell>();
  const pending: Cell[] = [];
  for (const item of items) {
    if (item.kind !== 'cells') continue;
    for (const cell of item.cells) {
      if (cell.text === '') continue;
      for (const p of pending.splice(0)) next.set(p, cell);
      pending.push(cell);
    }
  }
  return next;
}
