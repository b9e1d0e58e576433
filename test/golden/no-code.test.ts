import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { jixiao, ROOT, withTempDir } from '../helpers/cli.js';
import { NO_YEAR, noYearActuals } from '../helpers/no-year.js';

/**
 * A goal table with no 项目编码: every report prints “未填写项目编码” where the code goes, never the id the importer
 * made (that id is in the file names, the actuals and the JSON, with `codeGenerated`). The html and md reports are
 * golden files in test/golden/no-code (UPDATE_GOLDEN=1 npx vitest run test/golden, then review the diff).
 */

const GOLDEN = join(ROOT, 'test/golden/no-code');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const NO_CODE = '未填写项目编码';

/** What a reader sees of a report: the text of html (tags and attributes dropped), md, docx and xlsx. */
function visible(file: string, bytes: Buffer): string {
  if (file.endsWith('.html')) return bytes.toString('utf8').replace(/<[^>]*>/g, ' ');
  if (file.endsWith('.md')) return bytes.toString('utf8');
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((k) => /^(word\/document|xl\/sharedStrings|xl\/worksheets\/sheet\d+)\.xml$/.test(k))
    .map((k) => strFromU8(parts[k] as Uint8Array))
    .join('\n');
}

describe('a table with no 项目编码 in every report', () => {
  const produced = new Map<string, Buffer>();
  const terminal: Record<string, string> = {};
  const json: Record<string, string> = {};
  withTempDir((dir) => {
    const { yearEnd, midYear } = noYearActuals(dir);
    for (const [kind, actuals] of [
      ['self-evaluation', yearEnd],
      ['monitoring', midYear],
    ] as const) {
      for (const format of ['html', 'md', 'docx', 'xlsx']) {
        const out = join(dir, `${kind}-${format}`);
        const r = jixiao(['report', NO_YEAR, actuals, '--year', '2026', '-k', kind, '-f', format, '-o', out]);
        expect(r.status, r.stderr).toBe(0);
        for (const f of readdirSync(out)) produced.set(f, readFileSync(join(out, f)));
      }
    }
    terminal.score = jixiao(['score', NO_YEAR, yearEnd, '--year', '2026']).stdout;
    terminal.monitor = jixiao(['monitor', NO_YEAR, midYear, '--year', '2026']).stdout;
    terminal.check = jixiao(['check', NO_YEAR, '--year', '2026']).stdout;
    terminal.whatif = jixiao(['whatif', NO_YEAR, yearEnd, '--year', '2026']).stdout;
    json.score = jixiao(['score', NO_YEAR, yearEnd, '--year', '2026', '-f', 'json']).stdout;
    json.monitor = jixiao(['monitor', NO_YEAR, midYear, '--year', '2026', '-f', 'json']).stdout;
  });
  const id = /"code": "(auto-[0-9a-f]{16})"/.exec(json.score ?? '')?.[1] ?? 'auto-';

  if (UPDATE) {
    rmSync(GOLDEN, { recursive: true, force: true });
    mkdirSync(GOLDEN, { recursive: true });
    for (const [f, bytes] of produced) if (/\.(html|md)$/.test(f)) writeFileSync(join(GOLDEN, f), bytes);
  }

  it('writes a self-evaluation, a monitoring report and two summaries per format', () => {
    expect([...produced.keys()].sort()).toEqual(
      ['html', 'md', 'docx', 'xlsx']
        .flatMap((x) => [
          `${id}-self-evaluation.${x}`,
          `${id}-monitoring.${x}`,
          `department.${x}`,
          `department-monitoring.${x}`,
        ])
        .sort(),
    );
  });

  it.each([...produced.keys()].sort())('%s prints 未填写项目编码, not the generated id', (file) => {
    const text = visible(file, produced.get(file) as Buffer);
    expect(text).toContain('城区道路保洁');
    expect(text).not.toContain('auto-');
    // The official 自评表 workbook has no 项目编码 row (项目名称 only); every other report has one.
    if (file !== `${id}-self-evaluation.xlsx`) expect(text).toContain(NO_CODE);
  });

  it.each(['score', 'monitor', 'check', 'whatif'])('the %s terminal table too', (cmd) => {
    expect(terminal[cmd]).toContain(NO_CODE);
    expect(terminal[cmd]).not.toContain('auto-');
  });

  it('the JSON keeps the id, marked as generated', () => {
    for (const text of [json.score, json.monitor]) {
      const projects = (JSON.parse(text ?? '') as { projects: { code: string; codeGenerated?: true }[] }).projects;
      expect(projects.map((p) => [p.code, p.codeGenerated])).toEqual([[id, true]]);
    }
  });

  it.each(readdirSync(GOLDEN).sort())('%s is unchanged', (file) => {
    expect(produced.get(file)?.toString('utf8')).toBe(readFileSync(join(GOLDEN, file), 'utf8'));
  });
});
