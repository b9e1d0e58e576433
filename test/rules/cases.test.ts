/**
 * Runs every rule-set test case of test/rules/*.yaml (format: test/rules/README.md). Each case is one test named
 * by its file and sentence; a failure lists every figure that differs, by 三级指标 name.
 */
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../src/core/scoring/index.js';
import type { ProjectScore, ScoringRules } from '../../src/core/scoring/types.js';
import { type LoadedRuleSet, listRuleSets, loadRuleSet } from '../../src/io/rules.js';
import { type Case, caseFileNames, caseInputs, type Figure, readCaseFile, scoreOf } from './case-file.js';
import { blocksExercised, ruleBlocksOf } from './coverage.js';

const loaded = new Map<string, LoadedRuleSet>();
async function rulesFor(c: Case): Promise<ScoringRules> {
  let rules = loaded.get(c.rules);
  if (!rules) {
    rules = await loadRuleSet(c.rules);
    loaded.set(c.rules, rules);
  }
  if (c.tiers === undefined && c.executionWeight === undefined) return rules;
  // The table's own 一级指标分值 / 执行率分值, as it prints them; formulas, caps and rounding stay the rule set's.
  const r = rules.ruleSet;
  const ruleSet = {
    ...r,
    execution: { ...r.execution, weight: c.executionWeight ?? r.execution.weight },
    tiers: c.tiers ? { ...r.tiers, weights: c.tiers, whenMissing: null } : r.tiers,
  };
  return { ...rules, ruleSet };
}

/** Every difference between what the case expects and what the engine gives, in words naming the figure. */
function differences(
  c: Case,
  project: ProjectScore,
  errors: { where?: string; message: string }[],
  warnings: string[],
) {
  const out: string[] = [];
  const inputs = caseInputs(c);
  const publishedRow = (name: string) =>
    inputs.published?.indicators.find((i) => i.tier3 === name)?.published_score ?? null;
  const figure = (what: string, expected: Figure, actual: number | null, published: number | null) => {
    if (actual !== scoreOf(expected)) out.push(`${what}：应为 ${scoreOf(expected)}，引擎为 ${actual}`);
    if (!c.reproduces) return;
    const printed = typeof expected === 'number' ? expected : expected.published;
    if (printed !== published) out.push(`${what}：公布的表印的是 ${published}，案例写的是 ${printed}`);
  };
  const e = c.expect;
  if (e.rate !== undefined && project.budget.rate !== e.rate)
    out.push(`预算执行率：应为 ${e.rate}，引擎为 ${project.budget.rate}`);
  if (e.budget !== undefined)
    figure('预算执行率得分', e.budget, project.budget.score, inputs.published?.budget.published_score ?? null);
  const errorsOf = (name: string) => errors.filter((x) => (x.where ?? '').includes(`“${name}”`));
  for (const ind of project.indicators) {
    const expected = e.indicators[ind.name];
    const error = e.errors[ind.name];
    const got = errorsOf(ind.name).map((x) => x.message);
    if (expected === undefined && error === undefined) out.push(`“${ind.name}”：案例没有写预期得分或错误`);
    if (expected !== undefined) {
      if (got.length > 0) out.push(`“${ind.name}”：应得 ${scoreOf(expected)} 分，引擎报错 ${got.join('；')}`);
      else figure(`“${ind.name}”`, expected, ind.score, publishedRow(ind.name));
    }
    if (error !== undefined && !got.some((m) => m.includes(error)))
      out.push(
        `“${ind.name}”：应报错“${error}”，引擎${got.length > 0 ? `报 ${got.join('；')}` : `给了 ${ind.score} 分`}`,
      );
  }
  const names = new Set(project.indicators.map((i) => i.name));
  for (const name of [...Object.keys(e.indicators), ...Object.keys(e.errors)])
    if (!names.has(name)) out.push(`“${name}”：项目里没有这个指标`);
  for (const w of e.warnings)
    if (!warnings.some((m) => m.includes(w))) out.push(`应有提示“${w}”，引擎提示：${warnings.join('；') || '无'}`);
  if (e.tiers !== undefined) {
    const sorted = (t: Record<string, number>) =>
      JSON.stringify(Object.entries(t).sort(([a], [b]) => a.localeCompare(b)));
    const tiers = Object.fromEntries(project.tiers.map((t) => [t.name, t.weight]));
    if (sorted(tiers) !== sorted(e.tiers))
      out.push(`一级指标分值：应为 ${JSON.stringify(e.tiers)}，引擎为 ${JSON.stringify(tiers)}`);
  }
  if (e.total !== undefined) {
    const total = project.incomplete ? null : project.total;
    if (e.total === null) {
      if (total !== null) out.push(`总分：应无最终总分，引擎为 ${total}`);
    } else figure('总分', e.total, total, inputs.published?.published_total ?? null);
  }
  if (e.grade !== undefined && project.grade !== e.grade) out.push(`等级：应为 ${e.grade}，引擎为 ${project.grade}`);
  return out;
}

const files = caseFileNames();
const all: { file: string; c: Case }[] = [];

for (const file of files) {
  const cases = readCaseFile(file);
  describe(file, () => {
    for (const c of cases) {
      all.push({ file, c });
      it(c.name, async () => {
        const rules = await rulesFor(c);
        const { goals, actuals } = caseInputs(c);
        const result = scoreDocument(goals, actuals, rules);
        const project = result.evaluation.projects[0];
        if (!project) throw new Error(`${file}「${c.name}」：没有评分结果`);
        const warnings = result.warnings.map((w) => w.message);
        expect(differences(c, project, result.errors, warnings), `${file}「${c.name}」`).toEqual([]);
      });
    }
  });
}

describe('the case files cover the rule sets', () => {
  it('every bundled rule set has at least one case', () => {
    const used = new Set(all.map(({ c }) => c.rules));
    expect(
      listRuleSets()
        .map((r) => r.id)
        .filter((id) => !used.has(id)),
    ).toEqual([]);
  });

  it('every rule block a rule set writes is exercised by one of its cases', async () => {
    const missing: string[] = [];
    for (const entry of listRuleSets()) {
      const mine = all.filter(({ c }) => c.rules === entry.id);
      const exercised = new Set<string>();
      for (const { c } of mine) {
        const { goals, actuals } = caseInputs(c);
        const rules = await rulesFor(c);
        const result = scoreDocument(goals, actuals, rules);
        for (const b of blocksExercised(goals, result, rules.ruleSet)) exercised.add(b);
      }
      for (const block of ruleBlocksOf(entry.file)) if (!exercised.has(block)) missing.push(`${entry.id}: ${block}`);
    }
    expect(missing).toEqual([]);
  });
});
