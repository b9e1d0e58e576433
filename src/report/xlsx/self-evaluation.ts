import type { Worksheet } from 'exceljs';
import { num } from '../../core/rounding.js';
import type { Evaluation, Explanation, IndicatorScore, ProjectScore } from '../../core/scoring/index.js';
import { UserError } from '../../errors.js';
import type { GoalDocument, GoalTable } from '../../model/goals.js';
import { explanationLines, formatExplanation } from '../explanation.js';
import { fmtGrade } from '../format.js';

/**
 * 项目支出绩效自评表 as a workbook, in the official layout (domain-rules §1.2): header rows, the 项目资金 block
 * (年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分), 年度总体目标, the indicator block with merged
 * tier cells labelled “产出指标(50分)”, then 总分 and 等级; a second sheet 计分说明 holds each score's arithmetic.
 *
 * One project per workbook: `code` picks it (its 项目编码); without it, the evaluation's first project.
 * `jixiao review` reads this layout back.
 */
export async function selfEvaluationWorkbook(
  evaluation: Evaluation,
  goals: GoalDocument,
  code?: string,
): Promise<Uint8Array> {
  const p = code === undefined ? evaluation.projects[0] : evaluation.projects.find((x) => x.code === code);
  if (!p) throw new UserError(code ? `评分结果中没有项目编码“${code}”` : '评分结果中没有项目');
  const table = goals.projects.find((t) => t.code === p.code);
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  wb.creator = 'jixiao';
  const ws = wb.addWorksheet('自评表', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToWidth: 1 } });
  ws.columns = [12, 16, 26, 14, 16, 9, 10, 34].map((width) => ({ width }));
  layout(ws, p, table, goals, evaluation);
  explanationSheet(wb.addWorksheet('计分说明'), p);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const SCORE_FMT = '0.00';

function layout(ws: Worksheet, p: ProjectScore, table: GoalTable | undefined, goals: GoalDocument, ev: Evaluation) {
  const unit = table?.unitName ?? goals.department.unitName ?? '';
  const merge = (range: string, value: string | number | null) => {
    ws.mergeCells(range);
    ws.getCell(range.split(':')[0] as string).value = value;
  };
  merge('A1:H1', '项目支出绩效自评表');
  ws.getCell('A1').font = { bold: true, size: 16 };
  merge('A2:H2', `（${p.year}年度）`);
  ws.getCell('A3').value = '项目名称';
  merge('B3:H3', p.name);
  ws.getCell('A4').value = '主管部门';
  merge('B4:D4', unit);
  ws.getCell('E4').value = '实施单位';
  merge('F4:H4', unit);

  const b = p.budget;
  ws.getRow(5).values = ['', '', '年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'];
  ws.getRow(6).values = ['', '年度资金总额', b.initial, b.adjusted, b.executed, b.weight, b.rate, b.score];
  ws.getCell('G6').numFmt = '0.00%';
  ws.getCell('H6').numFmt = SCORE_FMT;
  const parts: [string, number | null | undefined][] = [
    ['其中：当年财政拨款', table?.budget.fiscal],
    ['上年结转资金', null],
    ['其他资金', table?.budget.other],
  ];
  parts.forEach(([label, initial], k) => {
    ws.getRow(7 + k).values = ['', label, initial ?? null, null, null, '—', '—', '—'];
  });
  // Merged after the rows are written: writing a row over a merged cell undoes the merge.
  merge('A5:A9', '项目资金（万元）');

  merge('A10:A11', '年度总体目标');
  merge('B10:E10', '预期目标');
  merge('F10:H10', '实际完成情况');
  merge('B11:E11', (table?.goals ?? []).map((g, i) => `${i + 1}.${g}`).join('\n'));
  merge('F11:H11', p.achievement ?? '');
  ws.getRow(11).height = 60;

  const head = 12;
  ws.getRow(head).values = [
    '一级指标',
    '二级指标',
    '三级指标',
    '年度指标值',
    '实际完成值',
    '分值',
    '得分',
    '偏差原因分析及改进措施',
  ];
  let r = head + 1;
  for (const tier of p.tiers) {
    const rows = p.indicators.filter((i) => i.tier1 === tier.name);
    if (rows.length === 0) continue;
    const first = r;
    rows.forEach((i, k) => {
      ws.getRow(r).values = [
        k === 0 ? `${tier.name}(${num(tier.weight)}分)` : null,
        i.tier2,
        i.name,
        i.target.raw,
        actualText(i),
        i.weight,
        i.score,
        [i.reason, i.remedy ? `改进措施：${i.remedy}` : ''].filter(Boolean).join('\n'),
      ];
      ws.getCell(`G${r}`).numFmt = SCORE_FMT;
      r++;
    });
    if (r - 1 > first) ws.mergeCells(`A${first}:A${r - 1}`);
    mergeRuns(ws, rows, first);
  }
  merge(`A${r}:E${r}`, '总分');
  ws.getCell(`F${r}`).value = b.weight + p.tiers.reduce((s, t) => s + t.weight, 0);
  ws.getCell(`G${r}`).value = p.total;
  ws.getCell(`G${r}`).numFmt = SCORE_FMT;
  ws.getCell(`H${r}`).value = `等级：${fmtGrade(p.grade)}`;
  merge(
    `A${r + 1}:H${r + 1}`,
    `评分规则：${ev.ruleSet.label}（${ev.ruleSet.id}）。${p.totalExplanation.map(formatExplanation).join('；')}`,
  );

  for (let row = 1; row <= r + 1; row++) {
    for (let col = 1; col <= 8; col++) {
      const cell = ws.getRow(row).getCell(col);
      cell.alignment = { wrapText: true, vertical: 'middle', horizontal: row <= 2 || col <= 2 ? 'center' : 'left' };
      if (row > 2) cell.border = { top: THIN, left: THIN, bottom: THIN, right: THIN };
    }
  }
  for (const row of [5, 10, head]) ws.getRow(row).font = { bold: true };
}

const THIN = { style: 'thin' as const };

/** Consecutive rows with the same 二级指标 share one merged cell, as in printed tables. */
function mergeRuns(ws: Worksheet, rows: IndicatorScore[], first: number): void {
  let start = 0;
  rows.forEach((row, k) => {
    const next = rows[k + 1];
    if (next && next.tier2 === row.tier2) return;
    if (k > start) ws.mergeCells(`B${first + start}:B${first + k}`);
    start = k + 1;
  });
}

function actualText(i: IndicatorScore): string {
  if (i.notApplicable) return `不适用：${i.notApplicable}`;
  if (i.actual) return i.actual.raw;
  return i.grade ?? '';
}

function explanationSheet(ws: Worksheet, p: ProjectScore): void {
  ws.columns = [6, 30, 80, 40].map((width) => ({ width }));
  ws.addRow(['序号', '项目', '计分过程', '规则来源']).font = { bold: true };
  const lines = (e: Explanation) => explanationLines(e).join('\n');
  const source = (e: Explanation) => (e.source === null ? '' : String(e.source));
  ws.addRow(['', '预算执行率', lines(p.budget.explanation), source(p.budget.explanation)]);
  for (const i of p.indicators) ws.addRow([i.no, i.name, lines(i.explanation), source(i.explanation)]);
  ws.addRow(['', '总分', p.totalExplanation.map(formatExplanation).join('\n'), '']);
  ws.eachRow((row) => {
    row.alignment = { wrapText: true, vertical: 'top' };
  });
}
