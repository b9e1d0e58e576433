import { describe, expect, it } from 'vitest';
import { monitorDocument } from '../../../src/core/monitoring/index.js';
import { bindActuals } from '../../../src/core/scoring/bind.js';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import { scoreProject } from '../../../src/core/scoring/project.js';
import type { ProjectScore } from '../../../src/core/scoring/types.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { listRuleSets, loadRuleSet } from '../../../src/io/rules.js';

const SAMPLE = new URL('../../../samples/lunan-2025/', import.meta.url).pathname;
const goals = loadGoals(`${SAMPLE}goals.json`);
const yearEnd = loadActuals(`${SAMPLE}actuals-year-end.yaml`);

/** Everything of a project score but the sentences. */
const figures = (p: ProjectScore) => ({
  total: p.total,
  grade: p.grade,
  budget: [p.budget.rate, p.budget.score, p.budget.explanation.unrounded, p.budget.explanation.capped],
  tiers: p.tiers,
  indicators: p.indicators.map((i) => [i.status, i.weight, i.ruleScore, i.score, i.explanation.unrounded, i.grade]),
  warnings: p.warnings.map((w) => w.code),
});

describe('explain: false (the monitoring forecast) changes no figure, only drops the sentences', () => {
  const ids = listRuleSets().map((e) => e.id);

  it('covers every bundled rule set', () => {
    expect(ids).toEqual(expect.arrayContaining(['national', 'hebei-integer', 'yunnan-uncapped', 'sichuan']));
  });

  it.each(ids)('the seed scenario under %s', async (id) => {
    const rules = await loadRuleSet(id);
    const bound = bindActuals(goals, yearEnd);
    expect(bound.problems).toEqual([]);
    for (const p of bound.projects) {
      const full = scoreProject(p, rules);
      const quiet = scoreProject(p, rules, new Map(), { explain: false });
      expect(figures(quiet)).toEqual(figures(full));
      expect(quiet.problems).toEqual(full.problems);
      expect(full.indicators.every((i) => i.explanation.steps.length > 0)).toBe(true);
      expect(quiet.indicators.every((i) => i.explanation.steps.length === 0)).toBe(true);
      expect(quiet.totalExplanation).toEqual([]);
    }
  });

  it('scoreDocument passes the option on', async () => {
    const rules = await loadRuleSet('national');
    const full = scoreDocument(goals, yearEnd, rules);
    const quiet = scoreDocument(goals, yearEnd, rules, { explain: false });
    if (!full.ok || !quiet.ok) throw new Error('the sample must score');
    expect(quiet.evaluation.projects.map(figures)).toEqual(full.evaluation.projects.map(figures));
    expect(quiet.evaluation.projects.flatMap((p) => p.indicators.flatMap((i) => i.explanation.steps))).toEqual([]);
  });

  it('the forecast in the monitoring output still carries each indicator score', async () => {
    const rules = await loadRuleSet('national');
    const mid = loadActuals(`${SAMPLE}actuals-mid-year.yaml`);
    const out = monitorDocument(goals, mid, rules, '2025-06-30');
    if (!out.ok) throw new Error(JSON.stringify(out.errors));
    const first = out.monitoring.projects[0];
    expect(first?.indicators.map((i) => i.forecastScore).every((s) => typeof s === 'number')).toBe(true);
    expect(first?.forecast.total).toBeGreaterThan(0);
  });
});
