import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { listRuleSets } from '../../src/io/rules.js';
import { caseFiles, convertCase, loadCase } from '../cases/convert.js';
import { jixiao, ROOT, SAMPLE, withTempDir } from '../helpers/cli.js';

/**
 * What a 财政局 reviewer reads never holds an internal research code (S5, C1), the research file's name, a path of
 * of the tool's installation or a research remark: every output of every command, on the sample and on the
 * published tables. (The user's own files are named in messages, as they must be.)
 */
const INTERNAL = new RegExp(
  [/\bS[0-9]{1,2}\b/, /\bC[1-5]\b/, /domain-rules/, /shared\//, /未读到/, /\.ts\b/, /rules\/[a-z-]+\.yaml/]
    .map((r) => r.source)
    .concat(ROOT.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID_YEAR = join(SAMPLE, 'actuals-mid-year.yaml');

/** Every file a command wrote, with the text it printed. */
function texts(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && /\.(md|html|json|csv|txt)$/.test(e.name))
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'));
}

function clean(outputs: string[], what: string): void {
  for (const text of outputs) {
    const hit = INTERNAL.exec(text);
    expect(hit ? text.slice(Math.max(0, hit.index - 60), hit.index + 60) : null, what).toBeNull();
  }
}

const run = (args: string[]) => {
  const r = jixiao(args);
  return [r.stdout, r.stderr];
};

describe('no output holds an internal code, a path or a research remark', () => {
  it('on the sample: score, monitor, report, check, rules show, under every bundled rule set', () =>
    withTempDir((dir) => {
      const outputs: string[] = [...run(['check', GOALS]), ...run(['rules', 'list'])];
      for (const { id } of listRuleSets()) {
        const flags = ['--rules', id, '--allow-incomplete'];
        outputs.push(...run(['rules', 'show', id]));
        outputs.push(
          ...run(['score', GOALS, YEAR_END, ...flags]),
          ...run(['score', GOALS, YEAR_END, ...flags, '-f', 'json']),
        );
        outputs.push(...run(['monitor', GOALS, MID_YEAR, '--rules', id, '-f', 'json']));
      }
      for (const format of ['md', 'html']) {
        for (const [kind, actuals] of [
          ['self-evaluation', YEAR_END],
          ['monitoring', MID_YEAR],
          ['department', YEAR_END],
        ] as const) {
          const r = jixiao(['report', GOALS, actuals, '-k', kind, '-f', format, '-o', join(dir, `${kind}-${format}`)]);
          expect(r.status, r.stderr).toBe(0);
        }
      }
      outputs.push(...texts(dir));
      expect(outputs.length).toBeGreaterThan(40);
      clean(outputs, 'sample');
    }));

  it('on every published table of the cases folder: score and report', () =>
    withTempDir((dir) => {
      const outputs: string[] = [];
      for (const [k, file] of caseFiles().entries()) {
        const { goals, actuals } = convertCase(loadCase(file));
        const g = join(dir, `case-${k}-goals.json`);
        const a = join(dir, `case-${k}-actuals.yaml`);
        writeFileSync(g, JSON.stringify(goals));
        writeFileSync(a, stringify(actuals));
        outputs.push(
          ...run(['score', g, a, '--allow-incomplete', '-f', 'json']),
          ...run(['score', g, a, '--allow-incomplete']),
        );
        outputs.push(...run(['report', g, a, '-f', 'md', '-o', join(dir, `report-${k}`)]));
      }
      outputs.push(...texts(dir).filter((t) => !t.startsWith('{"schema":"jixiao/goals')));
      expect(outputs.length).toBeGreaterThan(caseFiles().length * 4);
      clean(outputs, 'cases');
    }));
});
