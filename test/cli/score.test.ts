import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { displayWidth } from '../../src/report/terminal/table.js';
import { jixiao, ROOT, SAMPLE, SEED_CODES, withTempDir } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';

const DOC = join(SAMPLE, 'goals-document.txt');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');

interface Out {
  ruleSet: { id: string; sources: Record<string, { url: string | null }> };
  projects: {
    code: string;
    total: number;
    grade: string;
    budget: { rate: number; score: number };
    indicators: {
      name: string;
      weight: number;
      score: number;
      target: { raw: string };
      actual: { raw: string } | null;
      explanation: {
        source: { cite: { id: string }[]; note: string };
        steps: { kind: string; score?: number; ruleScore?: number }[];
      };
    }[];
  }[];
  warnings: unknown[];
}

describe('jixiao score on the seed sample', () => {
  const r = jixiao(['score', DOC, YEAR_END, '--format', 'json']);
  const out = JSON.parse(r.stdout || '{}') as Out;

  it('exits 0 and scores all eight projects', () => {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(out.projects.map((p) => p.code)).toEqual(SEED_CODES);
  });

  it('reproduces the hand-computed totals', () => {
    // P1 9.72 + 90; P2 10 + (12.5+12.44+12.5+12.5) + 30 + 9.79; P3 see below; P4 8.5 + 90; P5 9.75 + 50 + 29.21 + 10;
    // P6 10 + (9.5 override + 37.5) + 30 + 10; P7 7 + (8.33 + 37.5) + (14.21 + 15) + 10; P8 all met.
    expect(out.projects.map((p) => p.total)).toEqual([99.72, 99.73, 93.41, 98.5, 98.96, 97, 92.04, 100]);
    expect(out.projects.map((p) => p.grade)).toEqual(['优', '优', '优', '优', '优', '优', '优', '优']);
    expect(out.projects.map((p) => p.budget.score)).toEqual([9.72, 10, 9.2, 8.5, 9.75, 10, 7, 10]);
  });

  it('scores the relief fund (not-applicable satisfaction row, repeated indicators) by hand', () => {
    const p3 = out.projects[2];
    // 满意度 (10) is wholly 不适用 → 50 + 10×50/80 = 56.25 for 产出, 30 + 3.75 = 33.75 for 效益.
    // 56.25 ÷ 4 = 14.0625: the 0.01 left over goes by name, to 控制预算成本 (控 sorts before 汛, 演, 联).
    expect(p3?.indicators.map((i) => i.weight)).toEqual([14.06, 14.06, 14.06, 14.07, 11.25, 11.25, 11.25, 0]);
    // 10/12 × 14.06 = 11.7167 → 11.72; 部分达成 8.5 in band [6.75, 9); 75/80 × 11.25 = 10.546875 → 10.55.
    expect(p3?.indicators.map((i) => i.score)).toEqual([11.72, 14.06, 14.06, 14.07, 8.5, 11.25, 10.55, 0]);
    // 11.2 / 12.17 = 0.92030 → 9.20; 9.2 + 53.91 + 30.3 = 93.41
    expect(p3?.budget).toMatchObject({ rate: 0.9203, score: 9.2 });
  });

  it('gives every indicator in table order with target, actual, weight, score and an explanation with its source', () => {
    const p1 = out.projects[0];
    expect(p1?.indicators[0]).toMatchObject({
      name: '每年检查企业个数',
      target: { raw: '≥1000家' },
      actual: { raw: '1086家' },
      weight: 12.5,
      score: 12.5,
    });
    // Every explanation carries its rule's source; every document it cites is in the evaluation's bibliography.
    for (const p of out.projects)
      for (const i of p.indicators) {
        const s = i.explanation.source;
        expect(s.cite.length > 0 || s.note.length > 10).toBe(true);
        for (const c of s.cite) expect(out.ruleSet.sources[c.id]?.url).toMatch(/^https?:/);
      }
    expect(out.projects[5]?.indicators[0]?.explanation.steps.at(-1)).toMatchObject({
      kind: 'override',
      score: 9.5,
      ruleScore: 10,
    });
  });

  it('prints a Chinese table by default', () => {
    const t = jixiao(['score', DOC, YEAR_END]);
    expect(t.status).toBe(0);
    for (const h of ['项目汇总', '产出指标(50分) › 数量指标', '三级指标', '指标值', '实际完成值', '得分', '93.41'])
      expect(t.stdout).toContain(h);
    // The summary of all projects comes first, and fits a 100-column terminal like every line.
    expect(t.stdout.indexOf('项目汇总')).toBeLessThan(t.stdout.indexOf(`${SEED_CODES[0]}  `));
    for (const line of t.stdout.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(100);
  });

  it('--summary prints only the table of all projects', () => {
    const t = jixiao(['score', DOC, YEAR_END, '--summary']);
    expect(t.status).toBe(0);
    expect(t.stdout).toContain('项目汇总（8 个项目；等级：优 8 个');
    expect(t.stdout).not.toContain('三级指标');
    for (const code of SEED_CODES) expect(t.stdout).toContain(code);
  });
});

describe('jixiao score on bad input', () => {
  it('names the project and indicator of a missing actual and of a wrong unit, all at once, and writes nothing', () => {
    withTempDir((dir) => {
      const text = readFileSync(YEAR_END, 'utf8')
        .replace('{ name: 保障全区企业的安全生产体系, actual: 96% }', '{ name: 保障全区企业的安全生产体系 }')
        .replace('{ name: 安全生产天数, actual: 365天 }', '{ name: 安全生产天数, actual: 365万元 }');
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, text);
      const out = join(dir, 'out.json');
      const r = jixiao(['score', DOC, file, '-o', out]);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        '项目 13020225P00001210004M（2025年安全生产专项经费） 指标“保障全区企业的安全生产体系”: 缺少实际完成值',
      );
      expect(r.stderr).toMatch(/安全生产天数.*365万元.*≥365天.*万元.*金额.*天.*时间/);
      expect(existsSync(out)).toBe(false);
    });
  });

  it('names the file, key path and line of a schema problem', () => {
    withTempDir((dir) => {
      const file = join(dir, 'bad.yaml');
      writeFileSync(file, readFileSync(YEAR_END, 'utf8').replace('grade: 部分达成', 'grade: 基本达成'));
      const r = jixiao(['score', DOC, file]);
      expect(r.status).toBe(2);
      expect(r.stderr).toMatch(
        /projects\[2\]\.indicators\[4\]\.grade: 应为以下之一：达成、部分达成、未达成.*第 \d+ 行/,
      );
    });
  });

  it('refuses -o onto an input file', () => {
    const r = jixiao(['score', DOC, YEAR_END, '-o', YEAR_END]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('输出文件不能是输入文件');
  });

  it('says which rule set it cannot find', () => {
    const r = jixiao(['score', DOC, YEAR_END, '--rules', 'nowhere']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('nowhere');
  });
});

describe('jixiao template', () => {
  it('lists every project and indicator, and an unfilled template is refused cell by cell', () => {
    withTempDir((dir) => {
      const file = join(dir, 'actuals.yaml');
      const r = jixiao(['template', DOC, '--period', 'year-end', '-o', file]);
      expect(r.status).toBe(0);
      expect(r.stderr).toContain('8 个项目、57 个指标');
      const text = readFileSync(file, 'utf8');
      expect(text.match(/^ {6}- name: /gm)).toHaveLength(57);
      // A repeated name carries its tier-2 heading so it can be told apart.
      expect(text).toContain('- name: 演练结束后资金支付时间\n        tier2: 时效指标');
      // Nothing filled in: each project is named once, and the way to score a part is shown.
      const s = jixiao(['score', DOC, file]);
      expect(s.status).toBe(2);
      expect(s.stderr).toContain('加 --allow-incomplete');
      expect(s.stderr.match(/该项目尚未填写/g)).toHaveLength(8);
    });
  });

  it('round trip: template → filled in by code → scores the same as the hand-written sample', () => {
    withTempDir((dir) => {
      const file = join(dir, 'actuals.yaml');
      expect(jixiao(['template', DOC, '-o', file]).status).toBe(0);
      type Doc = { projects: { code: string; budget: object; achievement?: string; indicators: object[] }[] };
      const template = parse(readFileSync(file, 'utf8')) as Doc;
      const sample = parse(readFileSync(YEAR_END, 'utf8')) as Doc;
      for (const p of template.projects) {
        const s = sample.projects.find((x) => x.code === p.code);
        if (!s) throw new Error(p.code);
        p.budget = { ...p.budget, ...s.budget };
        p.achievement = s.achievement;
        p.indicators = p.indicators.map((ind, k) => ({ ...ind, ...s.indicators[k] }));
      }
      writeFileSync(file, stringify(template));
      const filled = jixiao(['score', DOC, file, '--format', 'json']);
      expect(filled.stderr).toBe('');
      const byHand = jixiao(['score', DOC, YEAR_END, '--format', 'json']);
      expect(JSON.parse(filled.stdout)).toEqual(JSON.parse(byHand.stdout));
    });
  });

  it('writes the mid-year fields', () => {
    const r = jixiao(['template', DOC, '--period', 'mid-year', '--as-of', '2025-06-30']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('period: mid-year\nasOf: 2025-06-30');
    expect(r.stdout).toContain('likelihood:');
  });
});

describe('jixiao schema', () => {
  it.each(['goals', 'actuals', 'rules'])('prints the JSON Schema of %s', (name) => {
    const r = jixiao(['schema', name]);
    expect(r.status).toBe(0);
    const s = JSON.parse(r.stdout) as { $schema: string; type: string };
    expect(s.$schema).toContain('json-schema.org');
    expect(s.type).toBe('object');
  });
});

describe('start-up cost', () => {
  it('score on the sample loads neither mathjs, exceljs, handlebars nor a browser driver', () => {
    const r = runGuarded(
      [join(ROOT, 'dist/cli/bin.js'), 'score', DOC, YEAR_END],
      ['mathjs', 'exceljs', 'handlebars', 'playwright-core', 'mammoth'],
    );
    expect(r.out).not.toContain('LOADED:');
    expect(r.status).toBe(0);
  });

  it('the guard does fire when a forbidden module is loaded', () => {
    const r = runGuarded([join(ROOT, 'dist/cli/bin.js'), 'score', DOC, YEAR_END], ['cli-table3']);
    expect(r.out).toContain('LOADED:cli-table3');
  });
});
