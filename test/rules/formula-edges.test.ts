/**
 * Custom formulas and caps have no silent edges: an undefined ratio, a rate that indicators do not have, a
 * negative result, a score above the weight, a formula that can never be finite, and `rounding: none` on the
 * total — each is refused at load, refused at the row, or explained in the steps.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { scoreDocument } from '../../src/core/scoring/index.js';
import { gradeOf } from '../../src/core/scoring/project.js';
import { UserError } from '../../src/errors.js';
import { loadRuleSet } from '../../src/io/rules.js';
import { formatExplanation } from '../../src/report/explanation.js';
import { fmtScoreBy } from '../../src/report/format.js';
import { Case, caseInputs } from './case-file.js';

const dir = mkdtempSync(join(tmpdir(), 'jixiao-formula-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A rule set extending national with `body` (YAML written under the identity lines). */
function ruleFile(name: string, body: string): string {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, `id: ${name}\nlabel: 测试\ndescription: 测试公式边界。\nextends: national\n${body}`);
  return file;
}

const SOURCE = '    source: { basis: 本工具约定, note: 测试用的公式。 }\n';
const rule = (block: string, formula: string, extra = '') =>
  `scoring:\n  ${block}:\n    formula: { expr: '${formula}' }\n${extra}${SOURCE}`;

async function refusal(file: string): Promise<string> {
  try {
    await loadRuleSet(file);
  } catch (err) {
    if (err instanceof UserError) return err.describe();
    throw err;
  }
  throw new Error('expected the rule set to be refused');
}

/** One project: a reverse/positive row under test plus full 效益 and 满意度 rows. */
function score(file: string, row: { target: string; actual: string; name?: string }, executed = 100) {
  const c = Case.parse({
    name: '公式边界测试用的项目',
    rules: 'national',
    budget: { adjusted: 100, executed },
    indicators: [
      { tier1: '产出指标', tier2: '数量指标', name: row.name ?? '测试指标', target: row.target, actual: row.actual },
      { tier1: '效益指标', tier2: '社会效益指标', name: '知晓率', target: '≥90%', actual: '90%' },
      { tier1: '满意度指标', tier2: '服务对象满意度指标', name: '满意度', target: '≥90%', actual: '90%' },
    ],
    expect: {},
  });
  return loadRuleSet(file).then((rules) => {
    const { goals, actuals } = caseInputs(c);
    const result = scoreDocument(goals, actuals, rules);
    const project = result.evaluation.projects[0];
    if (!project) throw new Error('no project');
    const first = project.indicators[0];
    if (!first) throw new Error('no row');
    return { result, project, row: first, words: first.explanation.steps.map(formatExplanation) };
  });
}

describe('custom formula edges', () => {
  it('inverse at an actual of 0 is not silently 0: the row is refused, saying why', async () => {
    const file = ruleFile('inverse-zero', rule('reverse', 'min(inverse, 1) * weight'));
    const { result, row } = await score(file, { target: '≤10万元', actual: '0万元' });
    expect(row.status).toBe('invalid');
    const messages = result.errors.map((e) => e.message).join('\n');
    expect(messages).toContain('实际完成值为 0');
    expect(messages).toContain('inverse');
    // A formula that handles the zero itself is scored: the conditional reads inverse only when it exists.
    const guarded = ruleFile('inverse-guarded', rule('reverse', 'actual == 0 ? weight : min(inverse, 1) * weight'));
    expect((await score(guarded, { target: '≤10万元', actual: '0万元' })).row.score).toBe(50);
  });

  it('ratio at a target of 0 is not silently 0: the row is refused, saying why', async () => {
    const file = ruleFile('ratio-zero', rule('positive', 'min(ratio, 1) * weight'));
    const { result, row } = await score(file, { target: '≥0起', actual: '3起' });
    expect(row.status).toBe('invalid');
    expect(result.errors.map((e) => e.message).join('\n')).toContain('指标值为 0');
  });

  it('rate in an indicator formula is refused at load, naming the file and the rule in words', async () => {
    const text = await refusal(ruleFile('rate-in-indicator', rule('positive', 'rate * weight')));
    expect(text).toContain('rate-in-indicator.yaml');
    expect(text).toContain('正向指标');
    expect(text).toContain('预算执行率');
  });

  it('a negative result is set to 0 in an explained step, not clamped silently', async () => {
    const file = ruleFile('negative', rule('positive', '(ratio - 1) * weight'));
    const { row, words } = await score(file, { target: '≥100人', actual: '80人' });
    expect(row.score).toBe(0);
    expect(row.explanation.steps.map((s) => s.kind)).toContain('floor-zero');
    expect(words.join('\n')).toMatch(/-10.*不低于 0/);
  });

  it('a result above the weight with cap: false is explained and warned, naming the row', async () => {
    const file = ruleFile('uncapped', 'scoring:\n  positive:\n    cap: false\n' + SOURCE);
    const { result, row, words } = await score(file, { target: '≥100人', actual: '120人', name: '培训人数' });
    expect(row.score).toBe(60);
    expect(row.explanation.steps.map((s) => s.kind)).toContain('above-weight');
    expect(words.join('\n')).toContain('超过分值 50');
    const warning = result.warnings.find((w) => w.code === 'above-weight');
    expect(warning?.where).toContain('培训人数');
    expect(warning?.message).toContain('60');
  });

  it.each([
    ['weight / 0', '除以 0'],
    ['exp(1000) * weight', '“exp(1000)”'],
    ['weight / (target - target)', '任何输入'],
  ])('%s can never be finite: refused at load, in Chinese, naming the file and rule', async (expr, fragment) => {
    const name = `never-finite-${expr.length}`;
    const text = await refusal(ruleFile(name, rule('positive', expr)));
    expect(text).toContain(`${name}.yaml`);
    expect(text).toContain('正向指标');
    expect(text).toContain(fragment);
    // Outside the quoted formula, no code-side words.
    expect(text.replace(/“[^”]*”/g, '').replace(/\S*\.yaml/g, '')).not.toMatch(/[a-z]{3,}/);
  });
});

describe('rounding: none on the total', () => {
  const body = (mode: string) =>
    `rounding:\n  indicator: { decimals: 2, mode: ${mode} }\n  total: { decimals: 2, mode: ${mode} }\n${SOURCE.slice(2)}`;

  it('the printed total is the one graded (89.99996 is not printed 90 and graded 良)', async () => {
    const file = ruleFile('round-none', body('none'));
    // 49.99996 + 30 + 10, no execution: the exact total is 89.99996.
    const { project } = await score(file, { target: '≥100000人', actual: '99999.92人' }, 0);
    const rules = await loadRuleSet(file);
    const printed = fmtScoreBy(project.total, rules.ruleSet.rounding.total);
    expect(project.grade).toBe(gradeOf(Number(printed), rules.ruleSet));
    expect(Number(printed)).toBe(project.total);
  });

  it('never prints a total in exponent notation', async () => {
    const file = ruleFile('round-none-big', `${body('none')}scoring:\n  positive:\n    cap: false\n${SOURCE}`);
    const { project } = await score(file, { target: '≥1人', actual: '100000000000000000000人' });
    expect(fmtScoreBy(project.total, { decimals: 2, mode: 'none' })).not.toMatch(/e/i);
  });
});
