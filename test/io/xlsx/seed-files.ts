import { readFileSync } from 'node:fs';
import { Document, Packer, Paragraph, Table, TableCell, TableRow } from 'docx';
import ExcelJS from 'exceljs';
import { SEED } from '../../helpers/cli.js';
import { type SeedBlock, seedBlocks } from './seed-blocks.js';

/** The seed document's tables as a Word document: vertical merges as rowSpan, as Word itself writes them. */
export async function docxOf(blocks: SeedBlock[] = seedBlocks(readFileSync(SEED, 'utf8'))): Promise<Buffer> {
  const children = blocks.map((b) =>
    b.kind === 'paragraph'
      ? new Paragraph(b.text)
      : new Table({
          rows: b.rows.map(
            (r) =>
              new TableRow({
                children: r
                  .filter((c) => c.rowSpan > 0)
                  .map(
                    (c) =>
                      new TableCell({ rowSpan: c.rowSpan, children: c.text.split('\n').map((t) => new Paragraph(t)) }),
                  ),
              }),
          ),
        }),
  );
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}

/** The seed document's tables as one worksheet: a row per table row, merged tier cells, a row per paragraph. */
export async function xlsxOf(blocks: SeedBlock[] = seedBlocks(readFileSync(SEED, 'utf8'))): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('绩效目标表');
  const merges: [number, number][] = [];
  for (const b of blocks) {
    if (b.kind === 'paragraph') {
      ws.addRow(b.text === '' ? [] : [b.text]);
      continue;
    }
    for (const r of b.rows) {
      const row = ws.addRow(r.map((c) => (c.text === '' ? null : c.text)));
      if ((r[0]?.rowSpan ?? 1) > 1) merges.push([row.number, row.number + (r[0]?.rowSpan ?? 1) - 1]);
    }
  }
  for (const [from, to] of merges) ws.mergeCells(from, 1, to, 1);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
