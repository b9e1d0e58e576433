import { join } from 'node:path';
import { type Monitoring, monitorDocument } from '../../src/core/monitoring/index.js';
import { scoreDocument } from '../../src/core/scoring/index.js';
import type { Evaluation, ProjectScore } from '../../src/core/scoring/types.js';
import { readActuals } from '../../src/io/actuals.js';
import { loadGoals } from '../../src/io/goals.js';
import { loadRuleSet } from '../../src/io/rules.js';
import type { GoalDocument } from '../../src/model/goals.js';
import type { RuleSet } from '../../src/model/rule-set.js';
import { SAMPLE } from '../helpers/cli.js';

export interface Sample {
  goals: GoalDocument;
  ruleSet: RuleSet;
  evaluation: Evaluation;
  monitoring: Monitoring;
  project(code: string): ProjectScore;
}

/** The seed sample scored (year-end) and monitored (mid-year), in process, as the report command does. */
export async function loadSample(): Promise<Sample> {
  const goals = loadGoals(join(SAMPLE, 'goals.json'));
  const rules = await loadRuleSet('national');
  const scored = scoreDocument(goals, await readActuals(join(SAMPLE, 'actuals-year-end.yaml'), goals), rules);
  const mid = await readActuals(join(SAMPLE, 'actuals-mid-year.yaml'), goals);
  const monitored = monitorDocument(goals, mid, rules, '2025-06-30');
  if (!scored.ok || !monitored.ok) throw new Error('the seed sample no longer scores or monitors cleanly');
  const evaluation = scored.evaluation;
  return {
    goals,
    ruleSet: rules.ruleSet,
    evaluation,
    monitoring: monitored.monitoring,
    project(code) {
      const p = evaluation.projects.find((x) => x.code === code);
      if (!p) throw new Error(`no project ${code}`);
      return p;
    },
  };
}

/** The project with the most to show: a miss, a 部分达成 graded row, a 不适用 row, a budget below 100%. */
export const RELIEF = '13020225P00895810002P';
/** The project whose evaluator overrode a score. */
export const VIDEO = '13020225P00002010003X';
/** A project with no 年度总体目标 实际完成情况 text. */
export const EXPERTS = '13020225P00001810002G';
