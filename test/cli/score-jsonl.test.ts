import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jixiao, ROOT, SAMPLE, withTempDir } from '../helpers/cli.js';

const goals = JSON.parse(readFileSync(join(SAMPLE, 'goals.json'), 'utf8')) as { projects: { code: string }[] };
const actuals = parse(readFileSync(join(SAMPLE, 'actuals-year-end.yaml'), 'utf8')) as {
  projects: { code: string; budget: Record<string, unknown>; indicators: Record<string, unknown>[] }[];
};
const full = JSON.parse(readFileSync(join(SAMPLE, 'score-year-end.json'), 'utf8')) as {
  projects: { code: string; total: number; grade: string; indicators: { score: number }[] }[];
};
const lines = (xs: unknown[]) => `${xs.map((x) => JSON.stringify(x)).join('\n')}\n`;
const HEADER = { schema: 'jixiao/actuals@1', period: 'year-end' };

interface Line {
  line: number;
  code: string;
  total: number;
  grade: string | null;
  incomplete: unknown;
  indicators: { score: number; status: string }[];
  problems: { where: string; message: string }[];
  error?: string;
}
const read = (file: string) =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Line);

describe('jixiao score goals.jsonl actuals.jsonl (one project a line)', () => {
  it('gives each project the figures of the whole-file score, in order, one line each', () => {
    withTempDir((dir) => {
      writeFileSync(join(dir, 'g.jsonl'), lines(goals.projects));
      writeFileSync(join(dir, 'a.jsonl'), lines([HEADER, ...actuals.projects]));
      const r = jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), '-o', join(dir, 'out.jsonl')]);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toContain('已评分 8 个项目');
      const out = read(join(dir, 'out.jsonl'));
      expect(out.map((l) => [l.line, l.code, l.total, l.grade])).toEqual(
        full.projects.map((p, i) => [i + 1, p.code, p.total, p.grade]),
      );
      expect(out.map((l) => l.indicators.map((i) => i.score))).toEqual(
        full.projects.map((p) => p.indicators.map((i) => i.score)),
      );
      // --explain: each line the project's full result, as in --format json.
      const x = jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), '--explain']);
      const first = JSON.parse(x.stdout.split('\n')[0] as string) as { indicators: { explanation: unknown }[] };
      expect(first.indicators[0]?.explanation).toEqual(
        (full.projects[0] as unknown as { indicators: { explanation: unknown }[] }).indicators[0]?.explanation,
      );
    });
  });

  it('reports a bad line and an incomplete project in their own lines, goes on, and exits 1', () => {
    withTempDir((dir) => {
      const a = actuals.projects.map((p) => structuredClone(p));
      (a[1] as { budget: Record<string, unknown> }).budget = {};
      (a[2]?.indicators[0] as Record<string, unknown>).actual = '很多';
      const text = lines(a).split('\n');
      text[4] = `{"code": "${actuals.projects[4]?.code}", "budget": {`;
      writeFileSync(join(dir, 'g.jsonl'), lines(goals.projects));
      writeFileSync(join(dir, 'a.jsonl'), text.join('\n'));
      const out = join(dir, 'out.jsonl');
      const r = jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), '-o', out]);
      expect(r.status, r.stderr).toBe(1);
      expect(r.stderr).toContain('2 个未完成评分');
      expect(r.stderr).toContain('1 行无法读取');
      const got = read(out);
      expect(got).toHaveLength(8);
      expect(got[1]?.incomplete).toMatchObject({ budget: 'unfilled' });
      expect(got[1]?.grade).toBeNull();
      expect(got[2]?.indicators[0]?.status).toBe('invalid');
      expect(got[4]).toMatchObject({ line: 5, code: goals.projects[4]?.code, error: '无法读取，未评分' });
      expect(got[4]?.problems[0]?.where).toBe(`${join(dir, 'a.jsonl')} 第 5 行`);
      expect(got[4]?.problems[0]?.message).toContain('不是有效的 JSON');
      expect(got[5]?.total).toBe(full.projects[5]?.total);
      // --allow-incomplete: incomplete projects are no failure, an unreadable line still is.
      expect(jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), '--allow-incomplete']).status).toBe(1);
    });
  });

  it('stops at the line where the two files part, names both lines, and writes nothing', () => {
    withTempDir((dir) => {
      const a = [...actuals.projects];
      [a[2], a[3]] = [a[3] as (typeof a)[number], a[2] as (typeof a)[number]];
      writeFileSync(join(dir, 'g.jsonl'), lines(goals.projects));
      writeFileSync(join(dir, 'a.jsonl'), lines([HEADER, ...a]));
      const out = join(dir, 'out.jsonl');
      const r = jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        `a.jsonl 第 4 行的项目编码“${goals.projects[3]?.code}”与 ${join(dir, 'g.jsonl')} 第 3 行的“${goals.projects[2]?.code}”不同：两个文件须按同一顺序列出同样的项目`,
      );
      expect(existsSync(out)).toBe(false);
      writeFileSync(join(dir, 'a.jsonl'), lines([{ ...HEADER, period: 'mid-year' }, ...actuals.projects]));
      expect(jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl')]).stderr).toContain('这是运行监控数据');
      writeFileSync(join(dir, 'a.jsonl'), lines(actuals.projects.slice(0, 7)));
      expect(jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl')]).stderr).toContain(
        `g.jsonl 第 8 行的项目“${goals.projects[7]?.code}”在 ${join(dir, 'a.jsonl')} 中没有对应的行`,
      );
      expect(jixiao(['score', join(SAMPLE, 'goals.json'), join(dir, 'a.jsonl')]).stderr).toContain(
        '需要目标表和实际完成情况都是 .jsonl 文件',
      );
    });
  });

  it('on worker threads (JIXIAO_THREADS=2) writes the same lines, summary and errors as on one', () => {
    withTempDir((dir) => {
      // 480 projects: several batches for each worker; a bad line, an unfilled budget and a bad actual among them.
      const g: string[] = [];
      const a: string[] = [JSON.stringify(HEADER)];
      for (let i = 0; i < 60; i++) {
        goals.projects.forEach((p, k) => {
          const code = `${p.code}-${i}`;
          g.push(JSON.stringify({ ...p, code }));
          const x = structuredClone(actuals.projects[k]) as (typeof actuals.projects)[number];
          if (i === 7 && k === 1) x.budget = {};
          if (i === 31 && k === 2) (x.indicators[0] as Record<string, unknown>).actual = '很多';
          a.push(i === 45 && k === 4 ? `{"code": "${code}", "budget": {` : JSON.stringify({ ...x, code }));
        });
      }
      writeFileSync(join(dir, 'g.jsonl'), `${g.join('\n')}\n`);
      writeFileSync(join(dir, 'a.jsonl'), `${a.join('\n')}\n`);
      let runs = 0;
      const both = (args: string[]) =>
        ['1', '2'].map((t) => {
          const out = join(dir, `out-${++runs}.jsonl`);
          const r = jixiao(['score', join(dir, 'g.jsonl'), join(dir, 'a.jsonl'), ...args, '-o', out], {
            env: { JIXIAO_THREADS: t },
          });
          // Compared line by line: a difference names its line, not the whole file.
          const text = existsSync(out) ? readFileSync(out, 'utf8').split('\n') : null;
          return { status: r.status, stderr: r.stderr.replace(out, 'OUT'), out: text };
        });
      const [one, two] = both([]);
      expect(one?.status).toBe(1);
      expect(one?.out).toHaveLength(481);
      expect(one?.stderr).toContain('1 行无法读取');
      expect(two).toEqual(one);
      const [p1, p2] = both(['--project', `${goals.projects[3]?.code}-59,${goals.projects[0]?.code}-0`, '--explain']);
      expect(p1?.out).toHaveLength(3);
      expect(p2).toEqual(p1);
      // The order broken after the first batches, and a file ending early: the same message, nothing written.
      const swapped = [...a];
      [swapped[301], swapped[302]] = [swapped[302] as string, swapped[301] as string];
      writeFileSync(join(dir, 'a.jsonl'), `${swapped.join('\n')}\n`);
      const [m1, m2] = both([]);
      expect(m1).toMatchObject({ status: 2, out: null });
      expect(m1?.stderr).toContain('第 302 行的项目编码');
      expect(m2).toEqual(m1);
      writeFileSync(join(dir, 'a.jsonl'), `${a.slice(0, 450).join('\n')}\n`);
      const [e1, e2] = both([]);
      expect(e1?.stderr).toContain('g.jsonl 第 450 行的项目');
      expect(e2).toEqual(e1);
    });
  });

  it('runs in constant memory: 20,000 projects take about what 2,000 take (peak RSS of the process)', () => {
    withTempDir((dir) => {
      const rss = (n: number) => {
        const g = openSync(join(dir, `g${n}.jsonl`), 'w');
        const a = openSync(join(dir, `a${n}.jsonl`), 'w');
        for (let i = 0; i < n; i += 8) {
          const code = (k: number) => `${goals.projects[k]?.code}-${i}`;
          writeSync(g, goals.projects.map((p, k) => `${JSON.stringify({ ...p, code: code(k) })}\n`).join(''));
          writeSync(a, actuals.projects.map((p, k) => `${JSON.stringify({ ...p, code: code(k) })}\n`).join(''));
        }
        closeSync(g);
        closeSync(a);
        // The peak RSS of the CLI process itself, written by a preload when it exits.
        const probe = join(dir, 'rss.txt');
        const preload = join(dir, 'probe.mjs');
        writeFileSync(
          preload,
          `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(probe)}, String(process.resourceUsage().maxRSS)));\n`,
        );
        const bin = join(ROOT, 'dist/cli/bin.js');
        const args = ['--import', preload, bin, 'score', join(dir, `g${n}.jsonl`), join(dir, `a${n}.jsonl`)];
        const r = spawnSync(process.execPath, [...args, '-o', join(dir, 'out.jsonl')], { encoding: 'utf8' });
        expect(r.status, r.stderr).toBe(0);
        expect(r.stderr).toContain(`已评分 ${n} 个项目`);
        return Number(readFileSync(probe, 'utf8')) / 1024;
      };
      const small = rss(2000);
      const large = rss(20_000);
      // Holding the set would take ~1.3 GB at 20,000 projects; streaming stays where 2,000 are.
      expect(large).toBeLessThan(small + 120);
      expect(large).toBeLessThan(300);
    });
  }, 120_000);
});
