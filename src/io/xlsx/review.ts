import { basename } from 'node:path';
import type { ReviewRow, ReviewTable } from '../../core/review.js';
import { type Problem, UserError } from '../../errors.js';
import { parseAmount, quote } from '../goal-document/text.js';
import { SHEETS } from './columns.js';
import { cellText, type Grid, type GridCell, headerKey, openWorkbook, readCsvGrid, sheetGrid } from './grid.js';

/**
 * A filled 项目支出绩效自评表 in the official layout (.xlsx with merged cells, or .csv) → ReviewTable.
 *
 * Above the indicator header: 项目名称 and the funds, either as a block (a header row 年初预算数 | 全年预算数 |
 * 全年执行数 | 分值 | 执行率 | 得分 with the 年度资金总额 row under it) or as label/value pairs on one row. Then the
 * header row (一级指标 … 得分, any order) and the indicator rows, down to 总分. A blank or merged tier cell means
 * “as above”; a tier label may carry its weight, “产出指标(50分)”.
 */

type Col = 'tier1' | 'tier2' | 'name' | 'target' | 'actual' | 'weight' | 'score' | 'nature' | 'unit' | 'note';

const HEADERS: [Col, RegExp][] = [
  ['tier1', /^一级指标$/],
  ['tier2', /^二级指标$/],
  ['name', /^三级指标$/],
  ['target', /^(年度)?指标值$/],
  ['actual', /^(实际完成值|全年实际值|实际完成情况|完成值)$/],
  ['weight', /^(分值|权重)$/],
  ['score', /^(自评)?得分$/],
  ['nature', /^指标性质$/],
  ['unit', /^(计量|度量)单位$/],
  ['note', /^(偏差(大或目标未完成)?原因|未完成原因)/],
];
const REQUIRED: Col[] = ['tier1', 'name', 'target', 'actual'];
const LABELS: Record<Col, string> = {
  tier1: '一级指标',
  tier2: '二级指标',
  name: '三级指标',
  target: '年度指标值',
  actual: '实际完成值',
  weight: '分值',
  score: '得分',
  nature: '指标性质',
  unit: '度量单位',
  note: '偏差原因分析及改进措施',
};
type Fund = 'initial' | 'adjusted' | 'executed' | 'weight' | 'selfScore';
const FUNDS: [Fund, RegExp][] = [
  ['initial', /^年初预算数$/],
  ['adjusted', /^(全年|调整后)?预算数$/],
  ['executed', /^(全年)?执行数$/],
  ['weight', /^(执行率)?分值$/],
  ['selfScore', /^(执行率)?得分$/],
];

/** The table, and the unit it names (实施单位, else 主管部门; empty when it names none). */
export async function readReviewTable(path: string): Promise<ReviewTable & { unit: string }> {
  const file = basename(path);
  let grids: Grid[];
  if (/\.csv$/i.test(path)) grids = [await readCsvGrid(path, '自评表')];
  else {
    const wb = await openWorkbook(path, '自评表');
    if (wb.getWorksheet(SHEETS.funds) && wb.getWorksheet(SHEETS.indicators)) throw actualsGiven(file, 'workbook');
    grids = wb.worksheets.map(sheetGrid);
  }
  for (const grid of grids) {
    const at = grid.rows.findIndex((row) => REQUIRED.every((c) => findCol(row, c) >= 0));
    // One row per indicator with its 项目编码: the 指标 sheet of an actuals workbook (saved as CSV), not the form.
    if (at >= 0 && (grid.rows[at] ?? []).some((c) => key(c) === '项目编码')) throw actualsGiven(file, 'sheet');
    if (at >= 0) return parseGrid(grid, at, file);
  }
  throw new UserError(
    `无法读取自评表 ${file}：找不到指标表头（应有一行包含 ${Object.values(LABELS).slice(0, 7).join('、')}）`,
  );
}

/** An actuals workbook (or its 指标 sheet) given where a filled 自评表 is expected: say what it is and what to do. */
function actualsGiven(file: string, form: 'workbook' | 'sheet'): UserError {
  const what =
    form === 'workbook'
      ? `实际完成情况填报表（含“${SHEETS.funds}”“${SHEETS.indicators}”工作表，由 jixiao template 生成）`
      : `实际完成情况填报表的“${SHEETS.indicators}”表（每行一个指标并带项目编码）`;
  return new UserError(
    `${file} 是${what}，不是项目支出绩效自评表：复核需要单位填好的自评表（官方格式，指标表头下到“总分”行为止）。给填报表评分请用 jixiao score 目标表 ${file}`,
  );
}

const key = (c: GridCell | undefined) => headerKey(cellText(c));
const findCol = (row: GridCell[], col: Col) => {
  const re = HEADERS.find(([c]) => c === col)?.[1];
  return re ? row.findIndex((c) => re.test(key(c))) : -1;
};

function parseGrid(grid: Grid, at: number, file: string): ReviewTable & { unit: string } {
  const problems: Problem[] = [];
  const header = grid.rows[at] ?? [];
  const cols = Object.fromEntries(HEADERS.map(([c]) => [c, findCol(header, c)])) as Record<Col, number>;
  const where = (r: number, col: Col) => `${grid.name} 第${r + 1}行 ${LABELS[col]}`;
  // A cell exceljs could not give a value for (#N/A, a formula without its result) is named, never read as empty.
  const cell = (r: number, col: Col): GridCell | undefined => {
    const c = cols[col] < 0 ? undefined : grid.rows[r]?.[cols[col]];
    if (c?.problem) problems.push({ code: 'bad-cell', where: where(r, col), message: c.problem });
    return c;
  };
  const number = (r: number, col: Col): number | undefined => {
    const v = cell(r, col)?.value;
    if (v === null || v === undefined) return undefined;
    const n = typeof v === 'number' ? (Number.isFinite(v) ? v : undefined) : parseAmount(v.replace(/分$/, ''));
    if (n === undefined)
      problems.push({ code: 'not-a-number', where: where(r, col), message: `${quote(String(v))} 不是数字` });
    // 分值 and 得分 live in a 100-point table: anything outside is a typing slip, and would overflow the re-score.
    else if (n !== null && (col === 'weight' || col === 'score') && (n < 0 || n > 100)) {
      problems.push({ code: 'out-of-range', where: where(r, col), message: `${quote(String(v))} 不在 0–100 分之间` });
      return undefined;
    }
    return n ?? undefined;
  };
  const text = (r: number, col: Col) => cellText(cell(r, col));

  const table: ReviewTable & { unit: string } = { ...preamble(grid.rows.slice(0, at)), rows: [] };
  // The execution rate's 分值 and 得分 above the header are points of the same 100-point table.
  for (const [key, label] of [
    ['weight', '预算执行率分值'],
    ['selfScore', '预算执行率得分'],
  ] as const) {
    const v = table.budget[key];
    if (v !== undefined && (v < 0 || v > 100)) {
      problems.push({ code: 'out-of-range', where: `${grid.name} ${label}`, message: `${v} 不在 0–100 分之间` });
      delete table.budget[key];
    }
  }
  let tier1 = '';
  let tier1Weight: number | undefined;
  let tier2 = '';
  for (let r = at + 1; r < grid.rows.length; r++) {
    const row = grid.rows[r] ?? [];
    if (row.slice(0, Math.max(3, cols.name + 1)).some((c) => /^(总分|合计|总计)$/.test(key(c)))) {
      const total = cols.score >= 0 ? number(r, 'score') : undefined;
      if (total !== undefined) table.selfTotal = total;
      break;
    }
    const t1 = text(r, 'tier1');
    if (t1) {
      const m = /^(.+?)[(（]\s*(\d+(?:\.\d+)?)\s*分?\s*[)）]$/.exec(t1.replace(/\s+/g, ''));
      tier1 = m?.[1] ?? t1;
      tier1Weight = m ? Number(m[2]) : undefined;
      tier2 = '';
    }
    tier2 = text(r, 'tier2') || tier2;
    const name = text(r, 'name');
    if (!name) continue;
    let target = text(r, 'target');
    if (target && (cols.nature >= 0 || cols.unit >= 0)) target = `${text(r, 'nature')}${target}${text(r, 'unit')}`;
    const out: ReviewRow = {
      tier1: tier1 || '（未填一级指标）',
      tier2: tier2 || tier1,
      name,
      target,
      actual: text(r, 'actual'),
    };
    if (tier1Weight !== undefined) out.tier1Weight = tier1Weight;
    const weight = cols.weight >= 0 ? number(r, 'weight') : undefined;
    if (weight !== undefined) out.weight = weight;
    const score = cols.score >= 0 ? number(r, 'score') : undefined;
    if (score !== undefined) out.selfScore = score;
    const note = text(r, 'note');
    if (note) out.note = note;
    table.rows.push(out);
  }
  if (table.rows.length === 0) {
    problems.push({ code: 'no-rows', where: `${grid.name} 第${at + 2}行起`, message: '指标表头下面没有三级指标' });
  }
  if (problems.length > 0) throw new UserError(`无法读取自评表 ${file}：发现 ${problems.length} 处问题`, problems);
  return table;
}

/** 项目名称, the year and the funds from the rows above the indicator header. */
function preamble(rows: GridCell[][]): Omit<ReviewTable, 'rows'> & { unit: string } {
  const out: Omit<ReviewTable, 'rows'> & { unit: string } = { project: '', year: null, budget: {}, unit: '' };
  const amount = (c: GridCell | undefined) => {
    const v = c?.value;
    if (typeof v === 'number') return Number.isFinite(v) ? v : undefined;
    return v ? (parseAmount(v.replace(/分$/, '')) ?? undefined) : undefined;
  };
  const nextValue = (row: GridCell[], k: number) => row.slice(k + 1).find((c) => c.value !== null);
  for (const row of rows) {
    for (const c of row) {
      const y = /(20\d{2})\s*年/.exec(cellText(c));
      if (y && out.year === null) out.year = Number(y[1]);
    }
  }
  rows.forEach((row, r) => {
    const fundCols = FUNDS.map(([f, re]) => [f, row.findIndex((c) => re.test(key(c)))] as const);
    // A block header names two or more amounts with no value beside them (a label/value row has one).
    const money = fundCols.filter(([f, k]) => k >= 0 && f !== 'weight' && f !== 'selfScore');
    if (money.length >= 2 && money.every(([, k]) => amount(row[k + 1]) === undefined)) {
      // The first row below with an amount under 全年执行数 or a 预算数 column: 年度资金总额.
      const values = rows.slice(r + 1).find((v) => money.some(([, k]) => amount(v[k]) !== undefined));
      for (const [f, k] of fundCols) {
        const v = k >= 0 && values ? amount(values[k]) : undefined;
        if (v !== undefined && out.budget[f] === undefined) out.budget[f] = v;
      }
      return;
    }
    row.forEach((c, k) => {
      const label = key(c);
      if (label === '项目名称' && !out.project) out.project = cellText(nextValue(row, k));
      // 实施单位 wins over 主管部门: a finance bureau reviews the unit that spent the money.
      if (label === '实施单位' || (label === '主管部门' && !out.unit))
        out.unit = cellText(nextValue(row, k)) || out.unit;
      const fund = FUNDS.find(([, re]) => re.test(label))?.[0];
      if (fund && out.budget[fund] === undefined) {
        const v = amount(nextValue(row, k));
        if (v !== undefined) out.budget[fund] = v;
      }
    });
  });
  return out;
}
