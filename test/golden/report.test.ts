import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

/**
 * The committed reports in samples/lunan-2025/reports/ are what `jixiao report` writes today, byte for byte.
 * After an intended change (a template, a view-model, the sample data), regenerate with
 *   UPDATE_GOLDEN=1 npx vitest run test/golden
 * and review the diff.
 */
const REPORTS = join(SAMPLE, 'reports');
const UPDATE = process.env.UPDATE_GOLDEN === '1';

const runs = [
  { kind: 'self-evaluation', actuals: 'actuals-year-end.yaml', format: 'html' },
  { kind: 'self-evaluation', actuals: 'actuals-year-end.yaml', format: 'md' },
  { kind: 'monitoring', actuals: 'actuals-mid-year.yaml', format: 'html' },
  { kind: 'monitoring', actuals: 'actuals-mid-year.yaml', format: 'md' },
];

/** Run the binary into a temp folder; the files it wrote, by name. */
function report(kind: string, actuals: string, format: string): Map<string, string> {
  return withTempDir((dir) => {
    const r = jixiao([
      'report',
      join(SAMPLE, 'goals.json'),
      join(SAMPLE, actuals),
      '--kind',
      kind,
      '--format',
      format,
      '-o',
      dir,
    ]);
    expect(r.stderr.split('\n')[0]).toMatch(/^已生成 \d+ 个文件/);
    expect(r.status).toBe(0);
    return new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'utf8')]));
  });
}

describe('golden: the seed sample reports', () => {
  const produced = new Map<string, string>();
  for (const run of runs) for (const [f, text] of report(run.kind, run.actuals, run.format)) produced.set(f, text);

  if (UPDATE) {
    mkdirSync(REPORTS, { recursive: true });
    for (const f of readdirSync(REPORTS)) if (!produced.has(f)) rmSync(join(REPORTS, f));
    for (const [f, text] of produced) writeFileSync(join(REPORTS, f), text);
  }

  it('writes 18 files per format: 8 self-evaluations, 8 monitoring reports, 2 department summaries', () => {
    expect([...produced.keys()].filter((f) => f.endsWith('.html'))).toHaveLength(18);
    expect([...produced.keys()].filter((f) => f.endsWith('.md'))).toHaveLength(18);
  });

  it('the committed folder holds exactly these files', () => {
    expect(existsSync(REPORTS)).toBe(true);
    expect(readdirSync(REPORTS).sort()).toEqual([...produced.keys()].sort());
  });

  it.each([...produced.keys()].sort())('%s is unchanged', (file) => {
    expect(produced.get(file)).toBe(readFileSync(join(REPORTS, file), 'utf8'));
  });

  it('--kind department writes the same summary as the self-evaluation run', () => {
    const dept = report('department', 'actuals-year-end.yaml', 'md');
    expect([...dept.keys()]).toEqual(['department.md']);
    expect(dept.get('department.md')).toBe(produced.get('department.md'));
  });
});
