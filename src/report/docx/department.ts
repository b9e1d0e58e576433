import type { Paragraph, Table } from 'docx';
import type { DepartmentView } from '../department-view.js';
import { departmentHeads } from '../form-heads.js';
import { cell, centered, head, heading, item, para, row, SIZE, table, text, title, unitLine } from './build.js';
import { chartParagraph } from './chart-image.js';

/** 部门整体绩效自评（运行监控）汇总表 as Word content, from the department view-model. */
export async function departmentDocx(v: DepartmentView): Promise<(Paragraph | Table)[]> {
  const small = { size: SIZE.small } as const;
  const status = v.isMonitoring;
  const header = table(
    [16, 44, 14, 26],
    [
      row([head('部门（单位）名称'), text(v.unit.name), head('单位编码'), cell(v.unit.code)]),
      row([head('评分规则'), text(v.ruleSet, { span: 3 })]),
    ],
  );
  const heads = departmentHeads(v.scoreLabel, status);
  const projects = table(status ? [5, 27, 10, 10, 10, 10, 9, 7, 8, 6] : [5, 27, 10, 10, 10, 10, 9, 8, 6], [
    row(
      heads.map((h) => head(h.split('\n'), small)),
      { header: true },
    ),
    ...v.projects.map((p) =>
      row([
        cell(p.no),
        text([p.name, p.code]),
        ...[p.budget, p.executed, p.planned, p.rate, p.gap].map((x) => cell(x, { align: 'right' })),
        ...(status ? [cell(p.status)] : []),
        cell(p.score, { align: 'right' }),
        cell(p.grade),
      ]),
    ),
    row([
      cell('合计', { span: 2, bold: true }),
      cell(v.totals.budget, { align: 'right', bold: true }),
      cell(v.totals.executed, { align: 'right', bold: true }),
      cell(''),
      cell(v.totals.rate, { align: 'right', bold: true }),
      ...(status ? [cell('')] : []),
      cell(''),
      cell(''),
      cell(''),
    ]),
  ]);
  return [
    title(v.title),
    centered(`（${v.year}，${v.period}）`),
    header,
    heading('一、部门整体绩效目标', 1),
    ...v.goals.flatMap((g) => [heading(g.heading, 2), para(g.text)]),
    heading('二、项目绩效汇总', 1),
    unitLine(`金额单位：${v.moneyUnit}`),
    projects,
    para(`等级分布：${v.grades}`),
    ...(await chartParagraph(v.chart.svg)),
    heading(`三、${v.attention.title}`, 1),
    ...(v.attention.empty ? [para(v.attention.empty)] : []),
    ...v.attention.items.map((i) => item(i)),
  ];
}
