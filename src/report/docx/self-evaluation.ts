import type { Paragraph, Table, TableRow } from 'docx';
import { SELF_EVALUATION_FUNDS, SELF_EVALUATION_INDICATORS } from '../form-heads.js';
import type { SelfEvaluationView } from '../self-evaluation-view.js';
import {
  cell,
  centered,
  gap,
  head,
  heading,
  item,
  narrative,
  para,
  row,
  SIZE,
  table,
  text,
  title,
  unitLine,
} from './build.js';
import { chartParagraph } from './chart-image.js';

/** Column shares of the official 自评表 (the HTML template's colgroup). */
const COLUMNS = [10, 13, 17, 12, 11, 8, 8, 21];

/**
 * 项目支出绩效自评表 and 绩效自评报告 as Word content, from the same view-model the HTML and Markdown print:
 * the form as one Word table with the merged cells the official form has (项目资金 down five rows, tier cells
 * down their indicators), the 计分说明 and 评分依据 after it, then the report on a new page.
 */
export async function selfEvaluationDocx(v: SelfEvaluationView): Promise<(Paragraph | Table)[]> {
  return [
    title(v.title),
    centered(`（${v.project.year}）`),
    unitLine(`金额单位：${v.moneyUnit}`),
    form(v),
    gap(),
    ...[...v.total.steps, ...v.notes.map((n) => `提示：${n}`), `评分规则：${v.ruleSet}`].map((s) =>
      item(s, { size: SIZE.table }),
    ),
    ...explanationParagraphs(v),
    title(v.reportTitle, { newPage: true }),
    centered(`（${v.project.year}）`),
    ...(await chartParagraph(v.chart.svg)),
    ...narrative(v.report),
  ];
}

function form(v: SelfEvaluationView): Table {
  const rows: TableRow[] = [
    row([head('项目名称'), text(`${v.project.name}（${v.project.code}）`, { span: 7 })]),
    row([
      head('主管部门'),
      text(v.project.department, { span: 3 }),
      head('实施单位'),
      text(v.project.unit, { span: 3 }),
    ]),
    row([
      head(['项目资金', `（${v.moneyUnit}）`], { rowSpan: 5 }),
      head(''),
      ...SELF_EVALUATION_FUNDS.map((h) => head(h)),
    ]),
    ...v.funds.map((f) =>
      row([
        head(f.label),
        ...[f.initial, f.adjusted, f.executed, f.weight, f.rate, f.score].map((x) => cell(x, { align: 'right' })),
      ]),
    ),
    row([head('年度总体目标', { rowSpan: 2 }), head('预期目标', { span: 4 }), head('实际完成情况', { span: 3 })]),
    row([text(v.goals.expected, { span: 4 }), text(v.goals.actual, { span: 3 })]),
    row(SELF_EVALUATION_INDICATORS.map((h) => head(h))),
    ...v.indicators.map((i, k) => {
      // The last indicator row keeps the 总分 row company: a form too long for one page never ends on a lone total.
      const keep = k === v.indicators.length - 1 ? { keepNext: true } : {};
      return row([
        ...(i.tier1Cell
          ? [cell([i.tier1Cell.label, i.tier1Cell.note].filter(Boolean), { rowSpan: i.tier1Cell.rowspan, ...keep })]
          : []),
        ...(i.tier2Cell ? [cell(i.tier2Cell.label, { rowSpan: i.tier2Cell.rowspan, ...keep })] : []),
        text(i.name, keep),
        cell(i.target, keep),
        cell(i.actual, keep),
        cell(i.weight, { align: 'right', ...keep }),
        cell(i.score, { align: 'right', ...keep }),
        text(i.deviation, { size: SIZE.small, ...keep }),
      ]);
    }),
    row([
      cell('总分', { span: 5, bold: true }),
      cell(v.total.weight, { align: 'right', bold: true }),
      cell(v.total.score, { align: 'right', bold: true }),
      cell(`等级：${v.total.grade}`, { bold: true }),
    ]),
  ];
  return table(COLUMNS, rows);
}

/** 评分说明: each score's formula, inputs, steps and rule, numbered; then the cited rules once each. */
function explanationParagraphs(v: SelfEvaluationView): Paragraph[] {
  const small = { size: SIZE.table, indent: false } as const;
  return [
    heading('评分说明', 1),
    ...v.explanations.flatMap((e) => [
      para(`${e.no}. ${e.label}：得分 ${e.score}`, { ...small, lead: true }),
      para(`公式：${e.formula}；输入：${e.inputs}`, small),
      para(`计算：${e.steps.join('；')}`, small),
      para(
        `封顶：${e.capped}；取整：${e.rounding}；依据：${e.source}${e.evidence ? `；佐证材料：${e.evidence}` : ''}`,
        small,
      ),
    ]),
    heading('评分依据', 2),
    ...v.sources.map((s) => para(`${s.ref} ${s.rule}：${s.text}`, small)),
  ];
}
