import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/errors.js';
import { parseGoalDocument } from '../../../src/io/goal-document/index.js';
import { readDocxGoals } from '../../../src/io/goal-tables/docx.js';
import { readXlsxGoals } from '../../../src/io/goal-tables/xlsx.js';
import type { GoalDocument } from '../../../src/model/goals.js';
import { SEED } from '../../helpers/cli.js';
import { inTempDir } from './fill.js';
import { seedBlocks } from './seed-blocks.js';
import { docxOf, xlsxOf } from './seed-files.js';

const seed = readFileSync(SEED, 'utf8');
const fromText = parseGoalDocument(seed, { source: 'seed.txt' });
const content = (d: GoalDocument) => ({ ...d, source: null });
/** Without line numbers: a worksheet cannot hold the text export's blank trailing cells, so its lines differ. */
const withoutLines = (d: GoalDocument) =>
  JSON.parse(JSON.stringify(content(d), (k, v) => (k === 'line' ? undefined : v))) as unknown;

async function importFile(name: string, bytes: Uint8Array, read: (p: string) => Promise<GoalDocument>) {
  return inTempDir(async (dir) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return read(path);
  });
}

describe('goal tables from Word (.docx)', () => {
  it('imports the seed, built as a .docx with merged tier cells, to the same GoalDocument as the text', async () => {
    const bytes = await docxOf();
    const doc = await importFile('seed.docx', bytes, readDocxGoals);
    expect(doc.source).toBe('seed.docx');
    expect(doc.projects).toHaveLength(8);
    expect(content(doc)).toEqual(content(fromText));
  });

  it('names the table, row and cell of a problem, not a line of the layout', async () => {
    const blocks = seedBlocks(
      [
        '1.2025年测试项目绩效目标表',
        '\t项目编码\n\tP001\n\t项目名称\n\t测试项目',
        '',
        '\t预算规模及资金用途\n\t预算数\n\t五十',
      ].join('\n'),
    );
    const err = await importFile('bad.docx', await docxOf(blocks), readDocxGoals).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UserError);
    const text = (err as UserError).describe();
    expect(text).toContain('bad.docx 表格 1 第 2 行第 3 格（项目 P001「测试项目」）: 预算数 “五十” 不是金额（万元）');
    expect(text).not.toMatch(/第 \d+ 行（/);
  });

  it('refuses a legacy .doc and a file that is no Word document', async () => {
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]);
    await expect(importFile('old.docx', ole, readDocxGoals)).rejects.toThrow('旧版 Word 97-2003 文件（.doc）');
    await expect(importFile('x.docx', Buffer.from('plain text'), readDocxGoals)).rejects.toThrow(
      '不是有效的 .docx 文件',
    );
  });
});

describe('goal tables from Excel (.xlsx)', () => {
  it('imports the seed laid out in a worksheet to the same tables as the text (line numbers aside)', async () => {
    const doc = await importFile('seed.xlsx', await xlsxOf(), readXlsxGoals);
    expect(doc.source).toBe('seed.xlsx');
    expect(withoutLines(doc)).toEqual(withoutLines(fromText));
  });

  it('names the sheet and cell of a problem', async () => {
    const blocks = seedBlocks(
      [
        '1.2025年测试项目绩效目标表',
        '\t项目编码\n\tP001\n\t项目名称\n\t测试项目',
        '',
        '\t预算规模及资金用途\n\t预算数\n\t五十',
      ].join('\n'),
    );
    const err = await importFile('bad.xlsx', await xlsxOf(blocks), readXlsxGoals).catch((e: unknown) => e);
    expect((err as UserError).describe()).toContain(
      'bad.xlsx 绩效目标表!C3（项目 P001「测试项目」）: 预算数 “五十” 不是金额（万元）',
    );
  });
});
