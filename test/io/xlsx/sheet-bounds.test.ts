import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { sheetBoundsProblem } from '../../../src/io/xlsx/sheet-bounds.js';

const book = (sheet: string) =>
  zipSync({ 'xl/worksheets/sheet1.xml': strToU8(`<worksheet><sheetData>${sheet}</sheetData></worksheet>`) });

describe('sheetBoundsProblem: references checked before exceljs loads the workbook', () => {
  it.each([
    ['<row r="3"><c r="B3"><v>1</v></c></row><mergeCells><mergeCell ref="A1:H2"/></mergeCells>', null],
    ['<row r="1048576"><c r="XFD1048576"/></row>', null],
    ['<row r="1048577"/>', /单元格引用 1048577 无效或超出 Excel 的范围/],
    ['<c r="XFE1"/>', /单元格引用 XFE1 无效或超出/],
    [`<mergeCell ref="A14:A${'9'.repeat(400)}"/>`, /合并单元格 A14:A9+ 超出 Excel 的范围/],
    ['<mergeCell ref="A1:Z5000"/>', /合并单元格 A1:Z5000 过大/],
    ['<mergeCell ref="A-9007199254740993:E13"/>', /合并单元格 A-9007199254740993:E13 无效/],
    ['<row r="0"/>', /单元格引用 0 无效或超出/],
    ['<cols><col min="1" max="8" width="12"/></cols>', null],
    [`<cols><col min="2" max="${'9'.repeat(40)}" width="12"/></cols>`, /列宽设置 2–9+ 无效或超出/],
    ['<cols><col min="5" max="3"/></cols>', /列宽设置 5–3 无效/],
    ['<c r="A1B"/>', /单元格引用 A1B 无效或超出/],
  ])('%s', (xml, expected) => {
    const { unzipped, problem } = sheetBoundsProblem(book(xml));
    expect(unzipped).toBe(true);
    if (expected === null) expect(problem).toBeNull();
    else expect(problem).toMatch(expected);
  });

  it('leaves a file that is no zip to exceljs', () => {
    expect(sheetBoundsProblem(new Uint8Array([1, 2, 3]))).toEqual({ unzipped: false, problem: null });
  });
});
