import { parseTarget } from '../../core/target/parse.js';
import type { Indicator } from '../../model/goals.js';
import type { Cell } from './lines.js';
import type { Problems } from './problems.js';
import { normLabel, parseAmount, quote } from './text.js';

/**
 * The indicator part of a goal table: the header row (一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
 * 指标值确定依据, optionally 分值) and one row per indicator. A blank 一级指标 cell is a merged cell: it means the
 * same as the row above (and so does a blank 二级指标 under a merged 一级指标).
 */

type Column = 'tier1' | 'tier2' | 'name' | 'description' | 'target' | 'basis' | 'weight';

const HEADER: [Column, RegExp][] = [
  ['tier1', /^一级指标$/],
  ['tier2', /^二级指标$/],
  ['name', /^三级指标(名称)?$/],
  ['description', /^(绩效)?指标(描述|内容|解释)$/],
  ['target', /^(年度)?(指标值|目标值)$/],
  ['basis', /^(指标值)?(确定)?依据$/],
  ['weight', /^(指标)?(分值|权重)(\(.*\))?$/],
];

const TITLE: Record<Column, string> = {
  tier1: '一级指标',
  tier2: '二级指标',
  name: '三级指标',
  description: '绩效指标描述',
  target: '指标值',
  basis: '指标值确定依据',
  weight: '分值',
};

const REQUIRED: Column[] = ['tier1', 'tier2', 'name', 'target'];
const STANDARD: Column[] = ['tier1', 'tier2', 'name', 'description', 'target', 'basis'];

export interface IndicatorContext {
  year: number;
  problems: Problems;
  project: string;
  /** Last non-blank line of the document, to tell a truncated file from a malformed table. */
  lastLine: number;
}

/** `cells` starts with the 一级指标 label cell. */
export function parseIndicators(cells: Cell[], ctx: IndicatorContext): Indicator[] {
  const { problems, project } = ctx;
  const columns: Column[] = [];
  let i = 0;
  for (; i < cells.length; i++) {
    const cell = cells[i] as Cell;
    if (cell.stray) continue;
    const column = HEADER.find(([col, re]) => !columns.includes(col) && re.test(normLabel(cell.text)))?.[0];
    if (!column) break;
    columns.push(column);
  }
  const headerEnd = cells[i - 1] ?? cells[0];
  if (REQUIRED.some((c) => !columns.includes(c)) && headerEnd) {
    const truncated = i >= cells.length && headerEnd.line >= ctx.lastLine;
    const missing = STANDARD.filter((c) => !columns.includes(c));
    problems.error(
      'header-incomplete',
      headerEnd.line,
      `指标表头不完整：只有 ${columns.map((c) => TITLE[c]).join('、')}，缺少 ${missing.map((c) => TITLE[c]).join('、')}` +
        (truncated ? '；文档在此结束，可能被截断' : ''),
      project,
    );
    return [];
  }

  const before = problems.count;
  const rows = rowsOf(cells.slice(i), columns, ctx);
  const indicators: Indicator[] = [];
  let tier1 = '';
  let tier2 = '';
  for (const { cells: row, bad } of rows) {
    if (bad) {
      // Already reported; only keep the merged-cell carry going, so the rows below are not blamed for it.
      tier1 = row[0]?.text || tier1;
      tier2 = row[1]?.text || tier2;
      continue;
    }
    const get = (c: Column) => {
      const k = columns.indexOf(c);
      return k < 0 ? '' : (row[k]?.text ?? '');
    };
    const line = row[0]?.line ?? 0;
    const merged = get('tier1') === '';
    if (!merged) tier1 = get('tier1');
    if (get('tier2') !== '' || !merged) tier2 = get('tier2');
    const name = get('name');
    const missingCells = [
      tier1 === '' ? '一级指标为空，且上面没有可沿用的一级指标' : null,
      tier2 === '' ? '二级指标为空' : null,
      name === '' ? '三级指标（指标名称）为空' : null,
    ].filter((m) => m !== null);
    for (const m of missingCells) problems.error('indicator-cell', line, m, project);

    const weight = parseAmount(get('weight').replace(/分$/, ''));
    if (weight === undefined) {
      problems.error('indicator-weight', line, `分值 ${quote(get('weight'))} 不是数字`, project);
    }
    if (missingCells.length > 0 || weight === undefined) continue;
    indicators.push({
      tier1,
      tier2,
      name,
      description: get('description'),
      target: parseTarget(get('target'), { year: ctx.year }),
      basis: get('basis'),
      ...(weight === null ? {} : { weight }),
      line,
    });
  }
  if (rows.length === 0 && problems.count === before && headerEnd) {
    problems.error('no-indicators', headerEnd.line, '指标表头下面没有指标行', project);
  }
  return indicators;
}

/** Cells grouped into rows of `columns.length` cells: one blank-line-separated group per row, or several. */
function rowsOf(cells: Cell[], columns: Column[], ctx: IndicatorContext): { cells: Cell[]; bad?: true }[] {
  const width = columns.length;
  const groups: Cell[][] = [];
  for (const cell of cells) {
    const group = groups[groups.length - 1];
    if (group && group[0]?.row === cell.row) group.push(cell);
    else groups.push([cell]);
  }
  const rows: { cells: Cell[]; bad?: true }[] = [];
  for (const group of groups) {
    const real = group.filter((c) => !c.stray);
    if (real.every((c) => c.text === '')) continue;
    if (real.length % width === 0) {
      for (let k = 0; k < real.length; k += width) rows.push({ cells: real.slice(k, k + width) });
      continue;
    }
    // A row whose last cells are empty ends in tabs, which look like a stray tab run: count them back in.
    const padded = byLine(group).map((cells) => padRow(cells, width));
    if (padded.every((row) => row !== null)) {
      rows.push(...padded.map((row) => ({ cells: row })));
      continue;
    }
    const whole = padRow(group, width);
    if (whole) {
      rows.push({ cells: whole });
      continue;
    }
    const first = real[0] as Cell;
    const last = real[real.length - 1] as Cell;
    const expected = `应为 ${width} 个：${columns.map((c) => TITLE[c]).join('、')}`;
    const message =
      real.length < width
        ? `指标行只有 ${real.length} 个单元格（${expected}）` +
          (last.line >= ctx.lastLine ? '；文档在此结束，可能被截断' : '')
        : `指标行有 ${real.length} 个单元格（${expected}；多行相连时应为 ${width} 的整数倍）`;
    ctx.problems.error('indicator-row', first.line, message, ctx.project);
    rows.push({ cells: real, bad: true });
  }
  return rows;
}

/** Cells split by the line they sit on. */
function byLine(cells: Cell[]): Cell[][] {
  const lines: Cell[][] = [];
  for (const cell of cells) {
    const last = lines[lines.length - 1];
    if (last && last[0]?.line === cell.line) last.push(cell);
    else lines.push([cell]);
  }
  return lines;
}

/** Exactly one row: its real cells, made up to `width` with the empty cells after the last one; else null. */
function padRow(cells: Cell[], width: number): Cell[] | null {
  const real = cells.filter((c) => !c.stray);
  if (real.length === width) return real;
  const last = real[real.length - 1];
  if (real.length > width || !last) return null;
  const tail = cells.slice(cells.indexOf(last) + 1);
  return real.length + tail.length >= width ? [...real, ...tail].slice(0, width) : null;
}
