import type { Worksheet } from 'exceljs';
import { num } from '../../core/rounding.js';
import type { Evaluation, Explanation, IndicatorScore, ProjectScore } from '../../core/scoring/index.js';
import { UserError } from '../../errors.js';
import type { GoalDocument, GoalTable } from '../../model/goals.js';
import type { Bibliography } from '../citation.js';
import { explanationLines, formatExplanation } from '../explanation.js';
import { explanations } from '../explanation-view.js';
import { SELF_EVALUATION_INDICATORS } from '../form-heads.js';
import { fmtGrade } from '../format.js';
import { deviationLines, totalWeight } from '../self-evaluation-view.js';
import { spans } from '../view-common.js';
import { fitRowHeights, printSetup } from './print.js';
import { workbookBytes } from './save.js';
import { type FormCell, head, MONEY, plain, RATE, SCORE, text, titleRow, writeForm } from './sheet.js';

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
  const ws = wb.addWorksheet('自评表');
  ws.columns = COLUMNS.map((width) => ({ width }));
  const end = layout(ws, p, table, goals, evaluation);
  fitRowHeights(ws, 1, end);
  printSetup(ws, { titleRows: `${HEAD}:${HEAD}` });
  explanationSheet(wb.addWorksheet('计分说明'), p, evaluation.ruleSet.sources);
  return workbookBytes(wb);
}

const COLUMNS = [12, 16, 26, 14, 16, 9, 10, 34];
/** The indicator header's row, repeated at the top of every printed page. */
const HEAD = 12;

function layout(
  ws: Worksheet,
  p: ProjectScore,
  table: GoalTable | undefined,
  goals: GoalDocument,
  ev: Evaluation,
): number {
  const unit = table?.unitName ?? goals.department.unitName ?? '';
  const n = COLUMNS.length;
  titleRow(ws, 1, '项目支出绩效自评表', n);
  titleRow(ws, 2, `（${p.year}年度）`, n, 11);
  const b = p.budget;
  const money = (x: number | null | undefined) => plain(x ?? null, { numFmt: MONEY });
  const dash = plain('—');
  const rows: FormCell[][] = [
    [head('项目名称'), text(p.name, { span: 7 })],
    [head('主管部门'), text(unit, { span: 3 }), head('实施单位'), text(unit, { span: 3 })],
    [
      head('项目资金（万元）', { rowSpan: 5 }),
      head(''),
      ...['年初预算数', '全年预算数(A)', '全年执行数(B)', '分值', '执行率(B/A)', '得分'].map((h) => head(h)),
    ],
    [
      head('年度资金总额'),
      money(b.initial),
      money(b.adjusted),
      money(b.executed),
      plain(b.weight, { numFmt: SCORE }),
      plain(b.rate, { numFmt: RATE }),
      plain(b.score, { numFmt: SCORE }),
    ],
    [head('其中：当年财政拨款'), money(table?.budget.fiscal), money(null), money(null), dash, dash, dash],
    [head('上年结转资金'), money(null), money(null), money(null), dash, dash, dash],
    [head('其他资金'), money(table?.budget.other), money(null), money(null), dash, dash, dash],
    [head('年度总体目标', { rowSpan: 2 }), head('预期目标', { span: 4 }), head('实际完成情况', { span: 3 })],
    [
      text(
        (table?.goals ?? []).map((g, i) => `${i + 1}.${g}`),
        { span: 4 },
      ),
      text(p.achievement ?? '', { span: 3 }),
    ],
    SELF_EVALUATION_INDICATORS.map((h) => head(h)),
  ];
  const cells = spans(p.indicators);
  p.indicators.forEach((i, k) => {
    const t1 = cells[k]?.tier1Cell;
    const t2 = cells[k]?.tier2Cell;
    const weight = p.tiers.find((t) => t.name === i.tier1)?.weight ?? 0;
    rows.push([
      ...(t1 ? [plain(`${t1.label}(${num(weight)}分)`, { rowSpan: t1.rowspan })] : []),
      ...(t2 ? [plain(t2.label, { rowSpan: t2.rowspan })] : []),
      text(i.name),
      plain(i.target.raw),
      plain(actualText(i)),
      plain(i.weight, { numFmt: SCORE }),
      plain(i.score, { numFmt: SCORE }),
      text([...deviationLines(i, num), ...(i.evidence ? [`佐证材料：${i.evidence}`] : [])], { size: 9 }),
    ]);
  });
  const weight = totalWeight(p);
  rows.push([
    plain('总分', { span: 5, bold: true }),
    plain(weight, { numFmt: SCORE, bold: true }),
    plain(p.total, { numFmt: SCORE, bold: true }),
    plain(`等级：${fmtGrade(p.grade)}`, { bold: true }),
  ]);
  const end = writeForm(ws, 3, rows, n);
  ws.mergeCells(end, 1, end, n);
  const note = ws.getCell(end, 1);
  note.value = `评分规则：${ev.ruleSet.label}（${ev.ruleSet.id}）。${p.totalExplanation.map(formatExplanation).join('；')}`;
  note.font = { name: '宋体', size: 9 };
  note.alignment = { wrapText: true, vertical: 'top', horizontal: 'left' };
  return end;
}

function actualText(i: IndicatorScore): string {
  if (i.notApplicable) return `不适用：${i.notApplicable}`;
  if (i.actual) return i.actual.raw;
  return i.grade ?? '';
}

/**
 * 计分说明: each score's arithmetic, its rule by reference ([1]) and the evidence cited, then each rule's source
 * in words and the documents cited (参考文献) — printable on A4 one page wide.
 */
function explanationSheet(ws: Worksheet, p: ProjectScore, cited: Bibliography): void {
  ws.columns = [6, 24, 60, 34, 20].map((width) => ({ width }));
  const steps = (e: Explanation) => text(explanationLines(e));
  const ex = explanations(p, (x) => String(x), cited);
  const ref = (k: number) => text(ex.items[k]?.source ?? '');
  const rows: FormCell[][] = [
    ['序号', '项目', '计分过程', '规则来源', '佐证材料'].map((h) => head(h)),
    [plain(''), text('预算执行率'), steps(p.budget.explanation), ref(0), plain('')],
    ...p.indicators.map((i, k) => [
      plain(i.no),
      text(i.name),
      steps(i.explanation),
      ref(k + 1),
      text(i.evidence ?? ''),
    ]),
    [plain(''), text('总分'), text(p.totalExplanation.map(formatExplanation)), plain(''), plain('')],
    ...ex.sources.map((src) => [plain(''), text(`评分依据 ${src.ref}`), text(`${src.rule}：${src.text}`, { span: 3 })]),
    ...(ex.bibliography.length > 0
      ? [
          [
            plain(''),
            text('参考文献'),
            text(
              ex.bibliography.map((d) => `${d.name}，${d.issuer}。${d.url ?? ''}`),
              { span: 3 },
            ),
          ],
        ]
      : []),
  ];
  const end = writeForm(
    ws,
    1,
    rows.map((r) => r.map((c) => ({ ...c, size: 9 }))),
    5,
  );
  fitRowHeights(ws, 1, end - 1);
  printSetup(ws, { titleRows: '1:1' });
}
