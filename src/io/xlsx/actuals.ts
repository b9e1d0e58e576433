import { basename } from 'node:path';
import { type Problem, UserError } from '../../errors.js';
import { ActualsDocument, type IndicatorActual, type ProjectActuals } from '../../model/actuals.js';
import type { GoalDocument } from '../../model/goals.js';
import { quote } from '../goal-document/text.js';
import { notActuals } from '../input-kind.js';
import { type FundField, type Key, readIndicator, readNotes } from './actuals-rows.js';
import { type Column, CSV_FUNDS_KEYS, FUNDS_COLUMNS, type FundsKey, INDICATOR_COLUMNS, SHEETS } from './columns.js';
import { type Grid, openWorkbook, readCsvGrid, sheetGrid } from './grid.js';
import { workbookKind } from './kind.js';
import { SheetReader, type SheetRecord } from './records.js';

/**
 * The filled actuals workbook (from `jixiao template -o x.xlsx`) or a CSV of its 指标 sheet → ActualsDocument.
 *
 * CSV: period is year-end, and the funds go in optional budget columns (全年执行数, 年初预算数, 全年预算数,
 * 执行偏差原因, 年度总体目标完成情况) filled on any one row of each project, usually its first; a CSV without a
 * 全年执行数 column is refused with a message saying the funds are missing. The file is only read.
 */

const WHAT = '实际完成情况';

export async function readActualsTable(path: string, goals: GoalDocument): Promise<ActualsDocument> {
  const file = basename(path);
  const problems: Problem[] = [];
  let indicatorGrid: Grid;
  let fundsGrid: Grid | null = null;
  let period: ActualsDocument['period'] = 'year-end';
  let asOf: string | undefined;
  if (/\.csv$/i.test(path)) {
    indicatorGrid = await readCsvGrid(path, WHAT);
  } else {
    const wb = await openWorkbook(path, WHAT);
    const [fundsSheet, indicatorSheet] = [wb.getWorksheet(SHEETS.funds), wb.getWorksheet(SHEETS.indicators)];
    if (!fundsSheet || !indicatorSheet) {
      const missing = [SHEETS.funds, SHEETS.indicators].filter((n) => !wb.getWorksheet(n));
      const other = workbookKind(wb.worksheets.map(sheetGrid));
      if (other) throw notActuals(path, other);
      throw new UserError(
        `无法读取${WHAT} ${file}：缺少工作表${missing.map((n) => `“${n}”`).join('、')}（现有：${wb.worksheets.map((w) => w.name).join('、') || '无'}）。请使用 jixiao template -o 填报表.xlsx 生成的工作簿，不要改动工作表名称`,
      );
    }
    indicatorGrid = sheetGrid(indicatorSheet);
    fundsGrid = sheetGrid(fundsSheet);
    const notes = wb.getWorksheet(SHEETS.notes);
    if (notes) ({ period, asOf } = readNotes(sheetGrid(notes), goals.year, problems));
  }

  const fundCols: Column<FundField>[] = FUNDS_COLUMNS.filter((c) => CSV_FUNDS_KEYS.includes(c.key)).map((c) => ({
    ...c,
    key: `fund_${c.key}` as const,
    required: false,
  }));
  const ind = SheetReader.open<Key>(indicatorGrid, [...INDICATOR_COLUMNS, ...(fundsGrid ? [] : fundCols)], problems);
  const funds = fundsGrid ? SheetReader.open<FundsKey>(fundsGrid, FUNDS_COLUMNS, problems) : null;
  if (!ind || (fundsGrid && !funds)) throw failure(file, problems);
  if (!fundsGrid && !ind.has('fund_executed')) {
    throw new UserError(
      `无法读取${WHAT} ${file}：CSV 中没有资金数据（缺少“全年执行数”列）。CSV 只含指标表时，请增加“全年执行数”列（可选：年初预算数、全年预算数、执行偏差原因、年度总体目标完成情况），填在每个项目的第一行；或改用 jixiao template -o 填报表.xlsx 生成的工作簿`,
    );
  }

  const byCode = new Map(goals.projects.map((t) => [t.code, t]));
  const entries = new Map<string, Entry>();
  for (const rec of ind.records) {
    const code = ind.text(rec, 'code');
    const table = code === undefined ? undefined : byCode.get(code);
    if (!code || !table) {
      ind.problem(rec, 'code', 'unknown-project', code ? `目标表中没有项目编码 ${quote(code)}` : '项目编码为空');
      continue;
    }
    const entry: Entry = entries.get(code) ?? { first: rec, indicators: [], rows: {} };
    entries.set(code, entry);
    if (!fundsGrid) mergeCsvBudget(ind, rec, entry);
    const indicator = readIndicator(ind, rec, table);
    if (indicator) entry.indicators.push(indicator);
  }
  if (funds) {
    for (const rec of funds.records) {
      const code = funds.text(rec, 'code');
      if (!code || !byCode.has(code)) {
        funds.problem(rec, 'code', 'unknown-project', code ? `目标表中没有项目编码 ${quote(code)}` : '项目编码为空');
        continue;
      }
      const entry: Entry = entries.get(code) ?? { first: rec, indicators: [], rows: {} };
      entries.set(code, entry);
      if (entry.fundsRow) funds.problem(rec, 'code', 'duplicate-project', `项目 ${code} 的资金填写了两行`);
      entry.fundsRow ??= rec;
      entry.executedGiven ||= !funds.isBlank(rec, 'executed');
      if (entry.fundsRow === rec)
        entry.budget = readBudget<FundsKey>(
          (rec2, k) => funds.number(rec2, k),
          (rec2, k) => funds.text(rec2, k),
          rec,
        );
    }
  }
  const projects: ProjectActuals[] = [];
  for (const table of goals.projects) {
    const entry = entries.get(table.code);
    if (!entry) continue;
    const budget = entry.budget;
    // A 资金 row left blank is a project not filled in yet: the engine marks it incomplete (a CSV must still say
    // where its funds are). A value that is there but unreadable was reported where it is.
    if (!funds && (!budget || budget.executed === undefined)) {
      if (!entry.executedGiven) problems.push(missingFunds(table.code, entry, funds, ind));
      continue;
    }
    const { achievement, ...rest } = budget ?? {};
    const project: ProjectActuals = { code: table.code, budget: rest, indicators: [] };
    if (achievement) project.achievement = achievement;
    project.indicators = entry.indicators;
    projects.push(project);
  }
  if (problems.length > 0) throw failure(file, problems);
  const doc = { schema: 'jixiao/actuals@1' as const, period, ...(asOf ? { asOf } : {}), projects };
  const checked = ActualsDocument.safeParse(doc);
  if (!checked.success) {
    // Cells are checked one by one above; what still fails here is named by its path, the detail left as zod says it.
    const issues = checked.error.issues.map((i) => ({
      code: 'schema',
      where: `${file}: ${i.path.map(String).join('.')}`,
      message: `读入的实际完成情况不符合格式：${i.message}`,
    }));
    throw failure(file, issues);
  }
  return checked.data;
}

interface Entry {
  first: SheetRecord;
  indicators: IndicatorActual[];
  budget?: Budget;
  /** The project's row in the 资金 sheet. */
  fundsRow?: SheetRecord;
  /** 全年执行数 has something in it (readable or not). */
  executedGiven?: boolean;
  /** CSV: the row each budget field was read from. */
  rows: Partial<Record<keyof Budget, number>>;
}

interface Budget {
  initial?: number;
  adjusted?: number;
  executed?: number;
  forecast?: number;
  reason?: string;
  achievement?: string;
}

function readBudget<K extends string>(
  num: (rec: SheetRecord, key: K) => number | undefined,
  text: (rec: SheetRecord, key: K) => string | undefined,
  rec: SheetRecord,
  prefix = '',
): Budget {
  const k = (key: FundsKey) => `${prefix}${key}` as K;
  const out: Budget = {};
  for (const key of ['initial', 'adjusted', 'executed', 'forecast'] as const) {
    const v = num(rec, k(key));
    if (v !== undefined) out[key] = v;
  }
  for (const key of ['reason', 'achievement'] as const) {
    const v = text(rec, k(key));
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/** CSV: a row's budget columns merged into the project's; two different values for one field are a problem. */
function mergeCsvBudget(ind: SheetReader<Key>, rec: SheetRecord, entry: Entry): void {
  entry.executedGiven ||= !ind.isBlank(rec, 'fund_executed');
  entry.budget ??= {};
  const into = entry.budget;
  const b = readBudget<Key>(
    (r, k) => ind.number(r, k),
    (r, k) => ind.text(r, k),
    rec,
    'fund_',
  );
  for (const [key, v] of Object.entries(b) as [keyof Budget, never][]) {
    if (into[key] === undefined) {
      into[key] = v;
      entry.rows[key] = rec.row;
    } else if (into[key] !== v) {
      ind.problem(
        rec,
        `fund_${key}`,
        'budget-conflict',
        `与第${entry.rows[key]}行填写的 ${quote(String(into[key]))} 不一致`,
      );
    }
  }
}

function missingFunds(code: string, entry: Entry, funds: SheetReader<FundsKey> | null, ind: SheetReader<Key>): Problem {
  if (funds && entry.fundsRow)
    return { code: 'missing-funds', where: funds.where(entry.fundsRow, 'executed'), message: '未填写全年执行数' };
  if (funds) return { code: 'missing-funds', where: funds.grid.name, message: `缺少项目 ${code} 的资金行` };
  const message = `项目 ${code} 缺少全年执行数（填在该项目的任一行，通常是第一行）`;
  return { code: 'missing-funds', where: ind.where(entry.first, 'fund_executed'), message };
}

function failure(file: string, problems: Problem[]): UserError {
  return new UserError(`无法读取${WHAT} ${file}：发现 ${problems.length} 处问题`, problems);
}
