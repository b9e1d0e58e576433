import {
  AlignmentType,
  BorderStyle,
  Footer,
  HeightRule,
  type ISectionOptions,
  PageNumber,
  Paragraph,
  ShadingType,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type { SectionView } from '../view-common.js';
import { FONT } from './fonts.js';

/** A4 portrait in twips, with the 25 mm / 20 mm margins of a printed form: the text block is 170 mm wide. */
export const PAGE = { width: 11906, height: 16838, top: 1417, bottom: 1417, left: 1134, right: 1134 } as const;
export const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;

/** Font sizes in half-points, by the names Chinese offices use: 小二 18 pt, 四号 14 pt, 小四 12 pt, 小五 9 pt. */
export const SIZE = { title: 36, heading: 28, subheading: 24, body: 24, table: 18, small: 16 } as const;

type Align = 'left' | 'center' | 'right';
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

/** Text as paragraphs: a newline in the view-model's text starts a new paragraph, as the HTML prints it. */
function lines(text: string | readonly string[]): string[] {
  const all = typeof text === 'string' ? [text] : [...text];
  return all.flatMap((t) => t.split('\n'));
}

export interface CellOptions {
  span?: number;
  rowSpan?: number;
  /** A header cell: bold on grey, as the official forms print their labels. */
  head?: boolean;
  align?: Align;
  bold?: boolean;
  size?: number;
  /** Keep this row on the page of the next one (Word keeps rows whose paragraphs all say keepNext together). */
  keepNext?: boolean;
}

/** One table cell holding `text` (lines become paragraphs), in 宋体 at table size. */
export function cell(text: string | readonly string[], o: CellOptions = {}): TableCell {
  const size = o.size ?? SIZE.table;
  const align = o.align ?? 'center';
  const paragraphs = lines(text).map(
    (t) =>
      new Paragraph({
        alignment: ALIGN[align],
        keepNext: o.keepNext,
        spacing: { before: 0, after: 0, line: 260 },
        children: [new TextRun({ text: t, bold: o.head || o.bold, size, font: FONT.table })],
      }),
  );
  return new TableCell({
    children: paragraphs.length > 0 ? paragraphs : [new Paragraph({ keepNext: o.keepNext })],
    columnSpan: o.span,
    rowSpan: o.rowSpan,
    verticalAlign: VerticalAlignTable.CENTER,
    // Thin top and bottom margins: the seed's longest 自评表 (9 indicators with reasons) then fits one A4 page.
    margins: { top: 20, bottom: 20, left: 60, right: 60 },
    shading: o.head ? { type: ShadingType.CLEAR, fill: 'F3F3F3', color: 'auto' } : undefined,
  });
}

export const head = (text: string | readonly string[], o: CellOptions = {}) => cell(text, { ...o, head: true });
export const text = (t: string | readonly string[], o: CellOptions = {}) => cell(t, { align: 'left', ...o });

export interface RowOptions {
  /** Repeated at the top of every page the table runs onto. */
  header?: boolean;
}

/** A row that never splits across pages (a cell's text stays on one page, as the HTML's break-inside: avoid). */
export const row = (cells: TableCell[], o: RowOptions = {}) =>
  new TableRow({
    children: cells,
    cantSplit: true,
    tableHeader: o.header,
    height: { value: 360, rule: HeightRule.ATLEAST },
  });

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' } as const;

/** A full-width table with fixed columns; `shares` are the column widths as parts of the text width. */
export function table(shares: readonly number[], rows: TableRow[]): Table {
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((s / total) * TEXT_WIDTH));
  return new Table({
    rows,
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    layout: TableLayoutType.FIXED,
    borders: { top: LINE, bottom: LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
  });
}

/** A document title; `newPage` starts it on a fresh page (a break paragraph could itself spill onto a blank page). */
export function title(t: string, o: { newPage?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    pageBreakBefore: o.newPage,
    spacing: { before: 0, after: 120 },
    keepNext: true,
    children: [new TextRun({ text: t, bold: true, size: SIZE.title, font: FONT.title })],
  });
}

export function centered(t: string, size: number = SIZE.body): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { after: 120 },
    keepNext: true,
    children: [new TextRun({ text: t, size, font: FONT.body })],
  });
}

/** 金额单位 line, right-aligned above a form. */
export function unitLine(t: string): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.RIGHT,
    keepNext: true,
    children: [new TextRun({ text: t, size: SIZE.small, font: FONT.body })],
  });
}

/** Chapter (一、…) in 黑体 and section (（一）…) headings; kept with what follows, never alone at a page foot. */
export function heading(t: string, level: 1 | 2 = 1): Paragraph {
  return new Paragraph({
    keepNext: true,
    keepLines: true,
    spacing: { before: level === 1 ? 240 : 120, after: 80 },
    children: [
      new TextRun({
        text: t,
        bold: level === 2,
        size: level === 1 ? SIZE.heading : SIZE.subheading,
        font: level === 1 ? FONT.heading : FONT.body,
      }),
    ],
  });
}

/** A body paragraph in 仿宋, first line indented two characters; `lead` is a bold line kept with the next. */
export function para(t: string, o: { size?: number; indent?: boolean; lead?: boolean } = {}): Paragraph {
  const size = o.size ?? SIZE.body;
  return new Paragraph({
    spacing: { before: o.lead ? 80 : 0, after: 40, line: size > SIZE.table ? 360 : 280 },
    keepNext: o.lead,
    indent: o.indent === false ? undefined : { firstLine: size * 20 },
    children: [new TextRun({ text: t, size, bold: o.lead, font: FONT.body })],
  });
}

/** A list item: hanging "· " so the text lines up under itself. */
export function item(t: string, o: { size?: number; mark?: string } = {}): Paragraph {
  const size = o.size ?? SIZE.body;
  return new Paragraph({
    spacing: { after: 20, line: 320 },
    indent: { left: size * 20, hanging: size * 10 },
    children: [new TextRun({ text: `${o.mark ?? '·'} ${t}`, size, font: FONT.body })],
  });
}

/** Space between two tables, so Word keeps them apart (two tables touching merge into one when edited). */
export const gap = () => new Paragraph({ spacing: { before: 0, after: 0, line: 120 }, children: [] });

/** The 自评报告 / 监控报告 chapters, printed as the templates' narrative partial prints them. */
export function narrative(sections: readonly SectionView[]): Paragraph[] {
  return sections.flatMap((s) => [
    heading(s.title, 1),
    ...s.blocks.flatMap((b) => [
      ...(b.subtitle ? [heading(b.subtitle, 2)] : []),
      ...b.paragraphs.map((p) => para(p)),
      ...b.items.map((i) => item(i)),
    ]),
  ]);
}

/** 第 N 页 共 M 页, centred at the foot of every page. */
function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [
          new TextRun({
            children: ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'],
            size: SIZE.small,
            font: FONT.body,
          }),
        ],
      }),
    ],
  });
}

/** One A4 section with the page-number footer. */
export function section(children: ISectionOptions['children']): ISectionOptions {
  return {
    properties: {
      page: {
        size: { width: PAGE.width, height: PAGE.height },
        margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, footer: 567 },
      },
    },
    footers: { default: pageFooter() },
    children,
  };
}
