import { rowContext } from '../../core/target/context.js';
import { parseTarget } from '../../core/target/parse.js';
import type { Indicator } from '../../model/goals.js';
import { type Column, operatorWord, TITLE } from './columns.js';
import { readHeader } from './header.js';
import { type Cell, runsBy } from './lines.js';
import type { Problems } from './problems.js';
import { parseAmount, quote } from './text.js';
import { standardTier1, tier1Of, tierName, tierWeight } from './tiers.js';

/**
 * The indicator part of a goal table: the header row (一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
 * 指标值确定依据, optionally 分值, in any template's wording: see columns.ts) and one row per indicator. A blank
 * 一级指标 cell is a merged cell: it means the same as the row above (and so does a blank 二级指标 under a merged
 * 一级指标). A two-level table (一级 or 二级 left empty on every row) takes the missing tier from the other one's
 * words (数量指标 → 产出指标). A template row left blank (no 三级指标, no 指标值) is skipped with a warning.
 */

export interface IndicatorContext {
  year: number;
  problems: Problems;
  project: string;
  /** Last non-blank line of the document, to tell a truncated file from a malformed table. */
  lastLine: number;
  /** Filled with the 一级指标分值 the table prints beside a tier ("成本指标(10分)"). */
  tierWeights: Record<string, number>;
}

interface RawRow {
  tier1: string;
  tier2: string;
  get: (c: Column) => string;
  /** The text of the row's k-th cell. */
  cell: (k: number) => string;
  longTerm: { label: string; raw: string }[];
  line: number;
}

/** `cells` starts with the header's first label cell. */
export function parseIndicators(cells: Cell[], ctx: IndicatorContext): Indicator[] {
  const { problems, project } = ctx;
  const { columns, titles, end } = readHeader(cells);
  const headerEnd = cells[end - 1] ?? cells[0];
  const has = (c: Column) => columns.includes(c);
  const places = columns.flatMap((c, k) => (c === 'placeTarget' ? [k] : []));
  if (!has('name') || (!has('target') && places.length === 0) || (!has('tier1') && !has('tier2'))) {
    if (!headerEnd) return [];
    const truncated = end >= cells.length && headerEnd.line >= ctx.lastLine;
    const found = columns.filter((c) => c !== 'skip');
    // Only what a table cannot do without: 三级指标, 指标值, and 一级 or 二级 (描述 and 依据 are optional).
    const missing = [
      ...(!has('tier1') && !has('tier2') ? ['一级指标或二级指标'] : []),
      ...(['name', 'target'] as const).filter((c) => !has(c)).map((c) => TITLE[c]),
    ];
    problems.error(
      'header-incomplete',
      headerEnd.line,
      `指标表头不完整：只有 ${found.map((c) => TITLE[c]).join('、') || '（无）'}，缺少 ${missing.join('、')}` +
        (truncated ? '；文档在此结束，可能被截断' : ''),
      project,
    );
    return [];
  }

  const before = problems.count;
  const rows = rowsOf(cells.slice(end), columns, ctx);
  const raw: RawRow[] = [];
  let tier1 = '';
  let tier2 = '';
  for (const { cells: row, bad } of rows) {
    const get = (c: Column) => {
      const k = columns.indexOf(c);
      return k < 0 ? '' : (row[k]?.text ?? '');
    };
    const merged = get('tier1') === '';
    if (!merged) tier1 = tierWeight(get('tier1'), ctx.tierWeights);
    if (get('tier2') !== '' || !merged) tier2 = tierName(get('tier2'));
    // A bad row is already reported; it only keeps the merged-cell carry going, so the rows below are not blamed.
    if (bad) continue;
    const line = row[0]?.line ?? 0;
    const anyTarget = get('target') !== '' || places.some((k) => (row[k]?.text ?? '') !== '');
    if (get('name') === '' && !anyTarget && get('description') === '') {
      const tiers = [tier1, tier2].filter((t) => t !== '').join(' / ');
      problems.warn(
        'blank-row',
        line,
        `空白的模板行（${tiers || '无指标名称'}：没有三级指标和指标值），已跳过`,
        project,
      );
      continue;
    }
    const longTerm = columns.flatMap((c, k) => {
      const text = c === 'longTarget' ? (row[k]?.text ?? '') : '';
      return text === '' ? [] : [{ label: titles[k] ?? TITLE.longTarget, raw: text }];
    });
    raw.push({ tier1, tier2, get, cell: (k) => row[k]?.text ?? '', longTerm, line });
  }
  const oneLevel = !raw.some((r) => r.tier1 !== '') ? 'tier1' : !raw.some((r) => r.tier2 !== '') ? 'tier2' : null;

  const indicators: Indicator[] = [];
  const renamed = new Set<string>();
  for (const r of raw) {
    let { tier1: t1, tier2: t2 } = r;
    if (oneLevel === 'tier1') t1 = tier1Of(t2) ?? '';
    if (oneLevel === 'tier2') t2 = t1;
    const standard = standardTier1(t1, t2);
    if (standard && standard !== t1) {
      if (!renamed.has(t1)) {
        renamed.add(t1);
        problems.warn('tier1-renamed', r.line, `一级指标 ${quote(t1)} 按“${standard}”计分`, project);
      }
      t1 = standard;
    }
    const name = r.get('name');
    const missingCells = [
      t1 === ''
        ? oneLevel === 'tier1'
          ? `一级指标为空，且无法从二级指标 ${quote(t2)} 判断属于产出、成本、效益还是满意度`
          : '一级指标为空，且上面没有可沿用的一级指标'
        : null,
      t2 === '' ? '二级指标为空' : null,
      name === '' ? '三级指标（指标名称）为空' : null,
    ].filter((m) => m !== null);
    for (const m of missingCells) problems.error('indicator-cell', r.line, m, project);

    const weight = parseAmount(r.get('weight').replace(/分$/, ''));
    if (weight === undefined) {
      problems.error('indicator-weight', r.line, `分值 ${quote(r.get('weight'))} 不是数字`, project);
    }
    if (missingCells.length > 0 || weight === undefined) continue;
    // One indicator per place when the 指标值 is given place by place; else the row's one 指标值.
    const targets =
      places.length > 0
        ? places.map((k) => ({ name: `${name}（${titles[k]}）`, value: r.cell(k) }))
        : [{ name, value: r.get('target') }];
    for (const t of targets) {
      const target = targetText(t.value, r.get('op'), r.get('unit'));
      indicators.push({
        tier1: t1,
        tier2: t2,
        name: t.name,
        description: r.get('description'),
        target: parseTarget(target, rowContext({ tier1: t1, tier2: t2, name }, ctx.year)),
        basis: r.get('basis'),
        ...(r.longTerm.length > 0 ? { longTerm: r.longTerm } : {}),
        ...(weight === null ? {} : { weight }),
        line: r.line,
      });
    }
  }
  if (rows.length === 0 && problems.count === before && headerEnd) {
    problems.error('no-indicators', headerEnd.line, '指标表头下面没有指标行', project);
  }
  return indicators;
}

/** A target split over 指标性质 / 指标值 / 计量单位 columns, put back together as one would write it. */
function targetText(value: string, op: string, unit: string): string {
  let text = value;
  const sign = operatorWord(op);
  if (sign !== '' && text !== '' && !/^[≥≤<>=＞＜＝≧≦]/.test(text)) text = `${sign}${text}`;
  if (unit.trim() !== '' && /\d$/.test(text)) text = `${text}${unit.trim()}`;
  return text;
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
    const padded = runsBy(group, 'line').map((cells) => padRow(cells, width));
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

/** Exactly one row: its real cells, made up to `width` with the empty cells after the last one; else null. */
function padRow(cells: Cell[], width: number): Cell[] | null {
  const real = cells.filter((c) => !c.stray);
  if (real.length === width) return real;
  // Empty cells past the header's width (a table row padded to a wider row of the same grid) are not cells.
  if (real.length > width && real.slice(width).every((c) => c.text === '')) return real.slice(0, width);
  const last = real[real.length - 1];
  if (real.length > width || !last) return null;
  const tail = cells.slice(cells.indexOf(last) + 1);
  return real.length + tail.length >= width ? [...real, ...tail].slice(0, width) : null;
}
