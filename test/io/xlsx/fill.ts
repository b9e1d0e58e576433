import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { ActualsDocument } from '../../../src/model/actuals.js';

/** Fill a template workbook from an actuals document, the way an evaluator would type it in Excel. */
export async function fillWorkbook(template: Uint8Array, actuals: ActualsDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(template) as unknown as ArrayBuffer);
  const funds = wb.getWorksheet('资金');
  const ind = wb.getWorksheet('指标');
  if (!funds || !ind) throw new Error('template without 资金/指标');
  const fc = headers(funds);
  const ic = headers(ind);
  let next = 2;
  for (const p of actuals.projects) {
    const fr = funds.getRow(rowIndex(funds, fc('项目编码'), p.code));
    const setF = (h: string, v: string | number | undefined) => {
      if (v !== undefined) fr.getCell(fc(h)).value = v;
    };
    setF('年初预算数', p.budget.initial);
    setF('全年预算数', p.budget.adjusted);
    setF('全年执行数', p.budget.executed);
    setF('执行偏差原因', p.budget.reason);
    setF('年度总体目标完成情况', p.achievement);
    if (p.budget.forecast !== undefined) setF('全年预计执行数', p.budget.forecast);
    for (const i of p.indicators) {
      // The template lists indicators in goal-table order, as the sample's entries are.
      const row = ind.getRow(next++);
      const set = (h: string, v: string | number | undefined) => {
        if (v !== undefined) row.getCell(ic(h)).value = v;
      };
      set('实际完成值', i.actual ?? undefined);
      set('完成等级', i.grade);
      set('档内得分', i.score);
      set('不适用原因', i.notApplicable);
      set('偏差原因', i.reason);
      set('改进措施', i.remedy);
      set('佐证材料', i.evidence);
      set('调整得分', i.override?.score);
      set('调整理由', i.override?.reason);
      if (i.likelihood) set('完成目标可能性', i.likelihood);
      if (i.cause) set('偏差原因类别', i.cause);
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function headers(ws: ExcelJS.Worksheet): (h: string) => number {
  const map = new Map<string, number>();
  // The mid-year workbook dates its amounts (截至6月30日执行数): found under the year-end names too.
  const undated = (h: string) =>
    h.replace(/^截至\d+月\d+日(执行数|完成值)$/, (_, w: string) => (w === '执行数' ? '全年执行数' : '实际完成值'));
  ws.getRow(1).eachCell((c, i) => {
    map.set(c.text, i);
    map.set(undated(c.text), i);
  });
  return (h) => {
    const i = map.get(h);
    if (i === undefined) throw new Error(`no column ${h} in ${ws.name}`);
    return i;
  };
}

function rowIndex(ws: ExcelJS.Worksheet, col: number, value: string): number {
  for (let r = 2; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(col).text === value) return r;
  throw new Error(`no row ${value} in ${ws.name}`);
}

/** An async temp folder, removed once `fn` has settled (test/helpers/cli.ts's withTempDir is for sync code). */
export async function inTempDir<T>(fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-xlsx-'));
  try {
    return await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
