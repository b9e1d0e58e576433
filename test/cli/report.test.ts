import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jixiao, ROOT, SAMPLE, SEED_CODES, withTempDir } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID_YEAR = join(SAMPLE, 'actuals-mid-year.yaml');
const hasPdfTools = existsSync('/usr/bin/chromium') && spawnSync('pdftotext', ['-v']).status === 0;

describe('jixiao report', () => {
  it('writes one HTML file per project and the department summary, and says where', () => {
    withTempDir((dir) => {
      const r = jixiao(['report', GOALS, YEAR_END, '-o', dir]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(`已生成 9 个文件 → ${dir}\n`);
      expect(readdirSync(dir).sort()).toEqual(
        [...SEED_CODES.map((c) => `${c}-self-evaluation.html`), 'department.html'].sort(),
      );
      expect(readFileSync(join(dir, 'department.html'), 'utf8')).toContain('部门整体绩效自评汇总表');
    });
  });

  it('monitoring takes its date from the actuals, or from a matching --as-of', () => {
    withTempDir((dir) => {
      expect(jixiao(['report', GOALS, MID_YEAR, '--kind', 'monitoring', '--format', 'md', '-o', dir]).status).toBe(0);
      expect(readdirSync(dir)).toHaveLength(9);
      expect(readFileSync(join(dir, 'department-monitoring.md'), 'utf8')).toContain('运行监控，截至 2025-06-30');
      const r = jixiao(['report', GOALS, MID_YEAR, '--kind', 'monitoring', '--as-of', '2025-07-31', '-o', dir]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('--as-of 2025-07-31 与');
    });
  });

  it('refuses wrong kinds, formats, periods and an output that is a file', () => {
    withTempDir((dir) => {
      const file = join(dir, 'a-file');
      writeFileSync(file, '');
      const cases: [string[], RegExp][] = [
        [['--kind', 'annual'], /--kind 只能是 self-evaluation \| monitoring \| department/],
        [['--format', 'odt'], /--format 只能是 html \| md \| pdf \| docx \| xlsx/],
        [['--kind', 'monitoring'], /运行监控报告需要年中数据/],
        [['--as-of', '2025-06-30'], /--as-of 只用于运行监控/],
        [['--templates', join(dir, 'none')], /模板文件夹 .* 不存在/],
      ];
      for (const [args, message] of cases) {
        const r = jixiao(['report', GOALS, YEAR_END, '-o', join(dir, 'out'), ...args]);
        expect(r.status, args.join(' ')).toBe(2);
        expect(r.stderr).toMatch(message);
      }
      const self = jixiao(['report', GOALS, MID_YEAR, '-o', join(dir, 'out')]);
      expect(self.stderr).toMatch(/自评表和自评报告需要年终数据/);
      expect(jixiao(['report', GOALS, YEAR_END, '-o', file]).stderr).toMatch(/应为文件夹，但它是一个文件/);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  });

  it('never builds a file name from a code that would leave the output folder', () => {
    withTempDir((dir) => {
      const goals = JSON.parse(readFileSync(GOALS, 'utf8'));
      const actuals = parse(readFileSync(YEAR_END, 'utf8'));
      goals.projects[0].code = '../escaped';
      actuals.projects[0].code = '../escaped';
      writeFileSync(join(dir, 'goals.json'), JSON.stringify(goals));
      writeFileSync(join(dir, 'actuals.yaml'), stringify(actuals));
      const r = jixiao(['report', join(dir, 'goals.json'), join(dir, 'actuals.yaml'), '-o', join(dir, 'out')]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('项目编码“../escaped”不能用作文件名');
      expect(existsSync(join(dir, 'escaped-self-evaluation.html'))).toBe(false);
      expect(existsSync(join(dir, 'out'))).toBe(false);
    });
  });

  it('--templates overlays one partial from a folder', () => {
    withTempDir((dir) => {
      const t = join(dir, 'tpl');
      spawnSync('mkdir', ['-p', join(t, 'partials')]);
      writeFileSync(join(t, 'partials', 'funds.md.hbs'), '资金：{{#each funds}}{{label}}={{executed}}；{{/each}}\n');
      expect(
        jixiao(['report', GOALS, YEAR_END, '--format', 'md', '--templates', t, '-o', join(dir, 'out')]).status,
      ).toBe(0);
      const md = readFileSync(join(dir, 'out', `${SEED_CODES[0]}-self-evaluation.md`), 'utf8');
      expect(md).toContain('资金：年度资金总额=48.60；其中：当年财政拨款=；');
      expect(md).toContain('| 一级指标 | 二级指标 |');
    });
  });

  it('HTML and Markdown load neither a browser driver nor exceljs', () => {
    withTempDir((dir) => {
      const r = runGuarded(
        [join(ROOT, 'dist/cli/bin.js'), 'report', GOALS, YEAR_END, '-o', dir],
        ['playwright-core', 'exceljs', 'mathjs', 'docx', '@resvg/resvg-js'],
      );
      expect(r.out).not.toContain('LOADED:');
      expect(r.status).toBe(0);
    });
  });

  it('--format xlsx writes one 自评表 workbook per project and the department summary; department alone too', () => {
    withTempDir((dir) => {
      const r = jixiao(['report', GOALS, YEAR_END, '--format', 'xlsx', '-o', dir]);
      expect(r.status).toBe(0);
      expect(readdirSync(dir).sort()).toEqual(
        [...SEED_CODES.map((c) => `${c}-self-evaluation.xlsx`), 'department.xlsx'].sort(),
      );
      const only = join(dir, 'department-only');
      expect(jixiao(['report', GOALS, YEAR_END, '-k', 'department', '-f', 'xlsx', '-o', only]).status).toBe(0);
      expect(readdirSync(only)).toEqual(['department.xlsx']);
      expect(
        readFileSync(join(dir, `${SEED_CODES[0]}-self-evaluation.xlsx`))
          .subarray(0, 2)
          .toString(),
      ).toBe('PK');
    });
  });

  it('refuses 项目编码 that differ only in case before writing anything, in every format', () => {
    withTempDir((dir) => {
      const goals = JSON.parse(readFileSync(GOALS, 'utf8'));
      const actuals = parse(readFileSync(YEAR_END, 'utf8'));
      const [a, b] = SEED_CODES as [string, string];
      goals.projects[1].code = a.toLowerCase();
      actuals.projects.find((p: { code: string }) => p.code === b).code = a.toLowerCase();
      writeFileSync(join(dir, 'goals.json'), JSON.stringify(goals));
      writeFileSync(join(dir, 'actuals.yaml'), stringify(actuals));
      for (const format of ['html', 'xlsx']) {
        const out = join(dir, `out-${format}`);
        const r = jixiao(['report', join(dir, 'goals.json'), join(dir, 'actuals.yaml'), '--format', format, '-o', out]);
        expect(r.stderr, format).toContain(`项目编码“${a.toLowerCase()}”与“${a}”只差大小写，会写入同一个文件`);
        expect(r.status).toBe(2);
        expect(existsSync(out) ? readdirSync(out) : []).toEqual([]);
      }
    });
  });

  it('--format pdf without Chromium is a clear error', () => {
    withTempDir((dir) => {
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'dist/cli/bin.js'), 'report', GOALS, YEAR_END, '--format', 'pdf', '-o', dir],
        {
          encoding: 'utf8',
          env: { ...process.env, JIXIAO_CHROMIUM: '/nonexistent/chromium' },
        },
      );
      expect(r.status).toBe(2);
      expect(r.stderr).toContain('生成 PDF 需要 Chromium，但没有找到 /nonexistent/chromium');
      expect(readdirSync(dir)).toEqual([]);
    });
  });

  it.skipIf(!hasPdfTools)(
    '--format pdf: each project’s PDF holds its name and total',
    () => {
      withTempDir((dir) => {
        const r = jixiao(['report', GOALS, YEAR_END, '--format', 'pdf', '-o', dir]);
        expect(r.status).toBe(0);
        const scores = JSON.parse(jixiao(['score', GOALS, YEAR_END, '--format', 'json']).stdout) as {
          projects: { code: string; name: string; total: number }[];
        };
        for (const p of scores.projects) {
          const pdf = join(dir, `${p.code}-self-evaluation.pdf`);
          expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
          const text = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).stdout;
          expect(text).toContain(p.name);
          expect(text).toContain(p.total.toFixed(2));
          expect(text).toContain('项目支出绩效自评表');
          // Page numbers on every page; fonts carry only the glyphs used (subsets or Type 3), so the file stays small.
          const pages = Number(/^Pages:\s+(\d+)/m.exec(spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout)?.[1]);
          const flat = text.replace(/\s+/g, '');
          for (let n = 1; n <= pages; n++) expect(flat, pdf).toContain(`第${n}页共${pages}页`);
          const fonts = spawnSync('pdffonts', [pdf], { encoding: 'utf8' }).stdout.split('\n').slice(2).filter(Boolean);
          for (const f of fonts) expect(f, pdf).toMatch(/^[A-Z]{6}\+|Type 3/);
          expect(statSync(pdf).size).toBeLessThan(1_500_000);
        }
        const dept = spawnSync('pdftotext', [join(dir, 'department.pdf'), '-'], { encoding: 'utf8' }).stdout;
        expect(dept).toContain('部门整体绩效自评汇总表');
      });
    },
    120_000,
  );
});
