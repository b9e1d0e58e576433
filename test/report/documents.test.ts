import { basename, dirname, resolve } from 'node:path';
import { Writable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { fileBase, reportDocuments } from '../../src/report/documents.js';
import { startProgress } from '../../src/report/progress.js';
import { loadSample, type Sample } from './fixture.js';

let sample: Sample;
beforeAll(async () => {
  sample = await loadSample();
});

describe('report documents', () => {
  it('names files from the project code only, and refuses codes that could leave the folder', () => {
    expect(fileBase('13020225P00001210004M')).toBe('13020225P00001210004M');
    for (const bad of ['../evil', 'a/b', 'a\\b', '.hidden', '', 'x..y', '项目一', 'a b']) {
      expect(() => fileBase(bad), bad).toThrow(/不能用作文件名/);
    }
  });

  it('refuses Windows device names as codes, with any extension and in any case', () => {
    for (const bad of ['CON', 'nul', 'Aux', 'PRN.2025', 'com1', 'LPT9.x', 'nul.txt']) {
      expect(() => fileBase(bad), bad).toThrow(
        `项目编码“${bad}”是 Windows 的保留设备名，不能用作文件名，已停止生成报告`,
      );
    }
    for (const ok of ['CONSOLE', 'NUL1', 'COM10', 'AUX-1', 'PRN_2']) expect(fileBase(ok)).toBe(ok);
  });

  it('one file per project plus the department summary, by kind and period', () => {
    const year = { goals: sample.goals, ruleSet: sample.ruleSet, evaluation: sample.evaluation };
    const mid = { goals: sample.goals, ruleSet: sample.ruleSet, monitoring: sample.monitoring };
    const se = reportDocuments('self-evaluation', year);
    expect(se.map((d) => d.base)).toEqual([
      ...sample.evaluation.projects.map((p) => `${p.code}-self-evaluation`),
      'department',
    ]);
    expect(reportDocuments('department', year).map((d) => d.base)).toEqual(['department']);
    expect(reportDocuments('monitoring', mid).at(-1)?.base).toBe('department-monitoring');
    expect(reportDocuments('department', mid).map((d) => d.template)).toEqual(['department']);
    expect(() => reportDocuments('monitoring', year)).toThrow(/需要年中数据/);
    expect(() => reportDocuments('self-evaluation', mid)).toThrow(/需要年终数据/);
  });

  it('refuses two projects with the same code', () => {
    const [a] = sample.evaluation.projects;
    if (!a) throw new Error('no project');
    const evaluation = { ...sample.evaluation, projects: [a, a] };
    expect(() => reportDocuments('self-evaluation', { ...sample, evaluation })).toThrow(/重复/);
  });

  it('refuses codes that differ only in case, and a code whose file is the summary’s', () => {
    const [a] = sample.evaluation.projects;
    const [m] = sample.monitoring.projects;
    if (!a || !m) throw new Error('no project');
    const evaluation = { ...sample.evaluation, projects: [a, { ...a, code: a.code.toLowerCase() }] };
    expect(() => reportDocuments('self-evaluation', { ...sample, evaluation })).toThrow(
      `项目编码“${a.code.toLowerCase()}”与“${a.code}”只差大小写，会写入同一个文件（${a.code.toLowerCase()}-self-evaluation），已停止生成报告`,
    );
    const monitoring = { ...sample.monitoring, projects: [{ ...m, code: 'Department' }] };
    const mid = { goals: sample.goals, ruleSet: sample.ruleSet, monitoring };
    expect(() => reportDocuments('monitoring', mid)).toThrow(
      '项目编码“Department”的报告文件（department-monitoring）与部门汇总报告同名，已停止生成报告',
    );
  });
});

describe('file names from 项目编码 never leave the output folder', () => {
  // Codes built from the characters that matter for paths: separators, dots, drive and device syntax, NUL.
  const pathChars = fc.constantFrom(
    '/',
    '\\',
    '.',
    '..',
    ':',
    '\0',
    ' ',
    '~',
    '$',
    'C:',
    'CON',
    '项',
    'a',
    'Z',
    '9',
    '-',
    '_',
  );
  const code = fc.oneof(
    fc.array(pathChars, { maxLength: 12 }).map((xs) => xs.join('')),
    fc.string({ unit: 'binary', maxLength: 40 }),
    fc.string({ maxLength: 120 }),
  );

  it('every code is refused with a UserError or names a file directly inside the folder', () => {
    const out = resolve('/srv/reports/out');
    fc.assert(
      fc.property(code, (c) => {
        let base: string;
        try {
          base = fileBase(c);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          return;
        }
        for (const suffix of ['-self-evaluation.html', '-monitoring.pdf', '-self-evaluation.xlsx']) {
          const path = resolve(out, `${base}${suffix}`);
          expect(dirname(path)).toBe(out);
          expect(basename(path)).toBe(`${base}${suffix}`);
          expect(basename(path).startsWith('.')).toBe(false);
        }
      }),
      { numRuns: 5000, seed: 8 },
    );
  });
});

describe('progress', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    const w = new Writable({
      write(c, _e, cb) {
        chunks.push(String(c));
        cb();
      },
    }) as unknown as NodeJS.WriteStream;
    Object.assign(w, { isTTY, columns: 80, cursorTo: () => true, clearLine: () => true, moveCursor: () => true });
    return { w, chunks };
  };

  it('stays silent off a terminal, or for a handful of files', () => {
    for (const [tty, total] of [
      [false, 500],
      [true, 3],
    ] as const) {
      const { w, chunks } = sink(tty);
      const p = startProgress(total, w);
      p.tick('a.html');
      p.stop();
      expect(chunks).toEqual([]);
    }
  });

  it('draws a bar on a terminal for many files', () => {
    const { w, chunks } = sink(true);
    const p = startProgress(40, w);
    p.tick('a.html');
    p.stop();
    expect(chunks.join('')).toContain('生成报告');
  });
});
