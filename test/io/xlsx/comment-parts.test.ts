import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { withReadableComments } from '../../../src/io/xlsx/comment-parts.js';
import { ROOT } from '../../helpers/cli.js';

const fixture = (name: string) => new Uint8Array(readFileSync(join(ROOT, 'test/fixtures/xlsx', name)));
const rels = (bytes: Uint8Array) =>
  Object.entries(unzipSync(bytes, { filter: (f) => f.name.includes('_rels/') }))
    .map(([n, d]) => `${n}: ${strFromU8(d)}`)
    .join('\n');

describe('withReadableComments', () => {
  it('drops the comments link openpyxl writes (absolute, xl/comments/comment1.xml) and keeps every value part', () => {
    const bytes = fixture('openpyxl-filled.xlsx');
    expect(rels(bytes)).toContain('Target="/xl/comments/comment1.xml"');
    const out = withReadableComments(bytes);
    expect(rels(out)).not.toContain('comments/comment1.xml');
    const before = unzipSync(bytes);
    const after = unzipSync(out);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before).filter((n) => !n.endsWith('.rels')))
      expect(after[name], name).toEqual(before[name]);
  });

  it('leaves a workbook whose comments exceljs can read as it is (the same bytes)', () => {
    const bytes = fixture('libreoffice-resaved.xlsx');
    expect(rels(bytes)).toContain('comments3.xml');
    expect(withReadableComments(bytes)).toBe(bytes);
  });
});
