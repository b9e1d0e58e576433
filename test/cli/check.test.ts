import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { GoalTable } from '../../src/model/goals.js';
import { makeGoals, makeTable, standardIndicators } from '../helpers/build.js';
import { jixiao, ROOT, SAMPLE, SEED, SEED_CODES, withTempDir } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';

interface Out {
  findings: {
    code: string;
    severity: string;
    project: { code: string; name: string };
    indicator?: { no: number; name: string; tier2: string };
    message: string;
    fix: string;
  }[];
  summary: { error: number; warning: number; info: number };
}

/** A table a reviewer would pass, written as an imported goals JSON. */
function soundGoals(dir: string, over: Partial<GoalTable> = {}): string {
  const rows = standardIndicators(['≥1000家', '≥95%', '2025年11月底前', '≤50万元', '≥365天', '≥95%', '≥95%']);
  const file = join(dir, 'goals.json');
  writeFileSync(
    file,
    JSON.stringify(
      makeGoals([
        makeTable(
          rows.map((r) => ({ ...r, basis: '某文件' })),
          over,
        ),
      ]),
    ),
  );
  return file;
}

describe('jixiao check on the seed', () => {
  it('exits 1 and prints the findings as JSON (imported goals JSON)', () => {
    const r = jixiao(['check', join(SAMPLE, 'goals.json'), '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as Out;
    expect(out.summary).toEqual({ error: 3, warning: 15, info: 20 });
    expect(out.findings.filter((f) => f.severity === 'error').map((f) => [f.project.code, f.code])).toEqual([
      [SEED_CODES[2], 'duplicate-indicator'],
      [SEED_CODES[5], 'description-mismatch'],
      [SEED_CODES[6], 'reverse-with-gte'],
    ]);
    expect(out.findings[0]).toMatchObject({
      project: { code: SEED_CODES[0], name: '2025年安全生产专项经费' },
      indicator: { no: 2, tier2: '质量指标' },
    });
  });

  it('reads the goal document (.txt) directly, with the same result', () => {
    const r = jixiao(['check', SEED, '--format', 'json']);
    expect(r.status).toBe(1);
    expect((JSON.parse(r.stdout) as Out).summary).toEqual({ error: 3, warning: 15, info: 20 });
  });

  it('prints a Chinese table grouped by project, then the totals', () => {
    const r = jixiao(['check', SEED]);
    expect(r.status).toBe(1);
    for (const h of ['级别', '行', '二级指标', '三级指标', '问题', '建议修改', '错误', '警告', '提示'])
      expect(r.stdout).toContain(h);
    // A finding's code is for filtering the JSON, not a word for the reader.
    expect(r.stdout).not.toMatch(/boilerplate|timeliness-target|代码/);
    const headings = SEED_CODES.map((code) => r.stdout.indexOf(code));
    expect(headings.every((at, k) => at > (headings[k - 1] ?? -1))).toBe(true);
    // Wrapped inside its 三级指标 cell (the table fits 100 columns): 农房保险参保农户满意度.
    expect(r.stdout).toMatch(/│ 农房保险参保农户 │[^\n]*\n[^\n]*│ 满意度 +│/);
    expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(
      '绩效目标审核：8 个项目，错误 3 条，警告 15 条，提示 20 条。有错误，请修改后再报送',
    );
  });

  it('loads no heavy module (mathjs, exceljs, handlebars, browser)', () => {
    const r = runGuarded(
      [join(ROOT, 'dist/cli/bin.js'), 'check', SEED, '--format', 'json'],
      ['mathjs', 'exceljs', 'handlebars', 'playwright-core'],
    );
    expect(r.out).not.toContain('LOADED:');
    expect(r.status).toBe(1);
  });
});

describe('jixiao check on other tables', () => {
  it('exits 0 on a clean table and says so', () => {
    withTempDir((dir) => {
      const r = jixiao(['check', soundGoals(dir)]);
      expect(r.status).toBe(0);
      expect(r.stdout).toContain('未发现问题');
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe('绩效目标审核：1 个项目，未发现问题');
    });
  });

  it('exits 0 when there are warnings but no error', () => {
    withTempDir((dir) => {
      const r = jixiao(['check', soundGoals(dir, { name: '测试项目（49.5）' }), '--format', 'json']);
      expect(r.status).toBe(0);
      const out = JSON.parse(r.stdout) as Out;
      expect(out.summary).toEqual({ error: 0, warning: 1, info: 0 });
      expect(out.findings[0]?.code).toBe('name-differs-from-budget');
    });
  });

  it('takes the tier-1 names from --rules', () => {
    withTempDir((dir) => {
      const rules = join(dir, 'two-tiers.yaml');
      writeFileSync(
        rules,
        [
          'extends: national',
          'id: two-tiers',
          'label: 另一套一级指标',
          'description: 一级指标为产出、效益、质量。',
          'tiers:',
          '  weights: { 产出指标: 50, 效益指标: 30, 质量指标: 10 }',
          '  whenMissing: null',
          '  source: { basis: 本工具约定, note: 测试用规则集：一级指标为产出、效益、质量 }',
          '',
        ].join('\n'),
      );
      const r = jixiao(['check', soundGoals(dir), '--format', 'json', '--rules', rules]);
      expect(r.stderr).toBe('');
      const out = JSON.parse(r.stdout) as Out;
      expect(out.findings.map((f) => [f.code, f.message])).toEqual([
        ['tier1-missing', expect.stringContaining('质量指标')],
      ]);
    });
  });

  it('refuses an unknown --format and a missing file (exit 2)', () => {
    const bad = jixiao(['check', SEED, '--format', 'xml']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format 只能是 table 或 json');
    const missing = jixiao(['check', join(ROOT, 'nowhere.json')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('文件不存在');
  });
});
