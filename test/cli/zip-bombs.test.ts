/**
 * Zip bombs through the real binary: a workbook of 1.5 MB holding a million rows, and 2 MB holding a 2 GB sheet
 * (or document.xml), are refused in under 2 s and 500 MB, before exceljs or mammoth inflate anything.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { loadGoals } from '../../src/io/goals.js';
import { actualsWorkbook } from '../../src/io/xlsx/template.js';
import { ROOT, SAMPLE, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const TIME = ['/usr/bin/time', '/bin/time'].find((p) => existsSync(p));

interface Part {
  name: string;
  /** Deflated bytes. */
  data: Uint8Array;
  size: number;
  crc: number;
}

const part = (name: string, raw: Uint8Array): Part => ({
  name,
  data: deflateRawSync(raw, { level: 9 }),
  size: raw.length,
  crc: crc32(raw),
});

/** A zip of deflated parts, each declaring `size` (which a bomb may state falsely). */
function zipOf(parts: Part[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name);
    // The local header and the central directory entry share one run of fields (version needed … name length).
    const fields = (buf: Buffer, at: number) => {
      buf.writeUInt16LE(20, at);
      buf.writeUInt16LE(8, at + 4);
      buf.writeUInt32LE(p.crc >>> 0, at + 10);
      buf.writeUInt32LE(p.data.length, at + 14);
      buf.writeUInt32LE(p.size, at + 18);
      buf.writeUInt16LE(name.length, at + 22);
      return buf;
    };
    const head = fields(Buffer.alloc(30), 4);
    head.writeUInt32LE(0x04034b50, 0);
    const dir = fields(Buffer.alloc(46), 6);
    dir.writeUInt32LE(0x02014b50, 0);
    dir.writeUInt32LE(offset, 42);
    locals.push(head, name, Buffer.from(p.data));
    central.push(dir, name);
    offset += 30 + name.length + p.data.length;
  }
  const size = central.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...central, end]);
}

/** 2 GiB of spaces as one deflate stream of ~2 MB: 128 flushed copies of 16 MiB, then an empty final block. */
function twoGigabytes(name: string): Part {
  const block = deflateRawSync(Buffer.alloc(16 * 1024 * 1024, 0x20), { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const data = Buffer.concat([...Array.from({ length: 128 }, () => block), Buffer.from([0x03, 0x00])]);
  return { name, data, size: 2 ** 31, crc: 0 };
}

/** The parts of the real template workbook, with `sheet` put in place of its first worksheet. */
async function workbookWith(sheet: (name: string) => Part): Promise<Buffer> {
  const files = unzipSync(await actualsWorkbook(loadGoals(GOALS), 'year-end'));
  const first = Object.keys(files).find((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n)) as string;
  return zipOf(Object.entries(files).map(([n, raw]) => (n === first ? sheet(n) : part(n, raw))));
}

function millionRows(name: string): Part {
  // Row and cell references are optional in the format.
  const rows: string[] = [];
  for (let r = 1; r <= 1_000_000; r++) rows.push(`<row><c><v>${r % 100}</v></c></row>`);
  const xml = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows.join('')}</sheetData></worksheet>`;
  return part(name, Buffer.from(xml));
}

/**
 * Run the binary under /usr/bin/time: exit status, stderr, CPU seconds (user + system: the shared 2-core machine
 * runs at a load of 10+, so wall time says more about the neighbours than about the check) and peak memory.
 */
function measured(args: string[], cwd: string): { status: number | null; stderr: string; seconds: number; mb: number } {
  const t0 = performance.now();
  const cmd = TIME ? [TIME, '-f', '%M %U %S', process.execPath] : [process.execPath];
  const r = spawnSync(cmd[0] as string, [...cmd.slice(1), join(ROOT, 'dist/cli/bin.js'), ...args], {
    cwd,
    encoding: 'utf8',
  });
  const wall = (performance.now() - t0) / 1000;
  const lines = r.stderr.trimEnd().split('\n');
  const [kb, user, sys] = TIME ? (lines.pop() as string).split(' ').map(Number) : [0, wall, 0];
  return {
    status: r.status,
    stderr: lines.join('\n'),
    seconds: (user as number) + (sys as number),
    mb: (kb as number) / 1024,
  };
}

describe('zip bombs are refused before parsing', () => {
  it('a workbook of ~1.5 MB holding a million rows, as actuals, goal table and self-evaluation table', async () => {
    const bytes = await workbookWith(millionRows);
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'bomb.xlsx'), bytes);
      expect(statSync(join(dir, 'bomb.xlsx')).size).toBeLessThan(1.6 * 1024 * 1024);
      for (const args of [
        ['score', GOALS, 'bomb.xlsx'],
        ['import', 'bomb.xlsx'],
        ['review', 'bomb.xlsx'],
      ]) {
        const r = measured(args, dir);
        expect(r.stderr).toMatch(/^错误：无法读取.+ bomb\.xlsx：工作表合计超过 20,000 行（上限；/);
        expect(r.status).toBe(2);
        expect(r.seconds).toBeLessThan(2);
        expect(r.mb).toBeLessThan(500);
      }
    });
  });

  it('a workbook and a Word document of ~2 MB holding a 2 GB part', async () => {
    const xlsx = await workbookWith(twoGigabytes);
    const docx = zipOf([
      part('[Content_Types].xml', Buffer.from('<?xml version="1.0"?><Types/>')),
      twoGigabytes('word/document.xml'),
    ]);
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'bomb.xlsx'), xlsx);
      writeFileSync(join(dir, 'bomb.docx'), docx);
      for (const file of ['bomb.xlsx', 'bomb.docx']) {
        expect(statSync(join(dir, file)).size).toBeLessThan(2.5 * 1024 * 1024);
        const r = measured(['import', file], dir);
        expect(r.stderr).toMatch(
          new RegExp(`^错误：无法读取.+ ${file}：压缩包声明的解压后大小超过上限 64 MB（不像是正常的 Office 文件`),
        );
        expect(r.status).toBe(2);
        expect(r.seconds).toBeLessThan(2);
        expect(r.mb).toBeLessThan(500);
      }
    });
  });

  it('a part that inflates past the size it declares (2 GB declared as 1 KB) is stopped there', async () => {
    const xlsx = await workbookWith((name) => ({ ...twoGigabytes(name), size: 1024 }));
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'bomb.xlsx'), xlsx);
      const r = measured(['score', GOALS, 'bomb.xlsx'], dir);
      expect(r.stderr).toMatch(/解压后比声明的大小更大（文件已损坏，或是“压缩炸弹”）/);
      expect(r.status).toBe(2);
      expect(r.seconds).toBeLessThan(2);
      expect(r.mb).toBeLessThan(500);
    });
  });
});
