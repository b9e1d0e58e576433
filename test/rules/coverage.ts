/**
 * Which rule blocks a set of cases exercises, read from the engine's results, and which blocks a rule file
 * writes itself. A variant's cases must exercise what the variant changes; the base's must exercise every block.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { ScoreResult } from '../../src/core/scoring/index.js';
import type { GoalDocument } from '../../src/model/goals.js';
import type { RuleSet } from '../../src/model/rule-set.js';

/**
 * `monitoring` is left out: it drives `jixiao monitor`, not the year-end score these cases compute (its own
 * tests are in test/core/monitoring).
 */
const SCORING_BLOCKS = [
  'execution',
  'execution.explainBelow',
  'tiers',
  'tiers.whenMissing',
  'tiers.whenPresent',
  'tiers.fromTable',
  'allocation',
  ...[
    'positive',
    'reverse',
    'equal',
    'range',
    'zeroTarget',
    'deadline',
    'qualitative',
    'notApplicable',
    'overAchievement',
  ].map((k) => `scoring.${k}`),
  'grades',
  'rounding',
  'totalCeiling',
];

/** The scoring blocks `file` writes itself (a base rule set all of them, a variant those it changes), with their switches. */
export function ruleBlocksOf(file: string): string[] {
  const data = parse(readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  return SCORING_BLOCKS.filter((block) => {
    const [top, sub] = block.split('.') as [string, string | undefined];
    const node = data[top];
    if (node === undefined || node === null) return false;
    if (sub === undefined) return top !== 'scoring';
    return Object.hasOwn(node, sub);
  });
}

/** The blocks a scored document shows were applied (or, for a switch left off, would have applied). */
export function blocksExercised(goals: GoalDocument, result: ScoreResult, r: RuleSet): Set<string> {
  const out = new Set<string>();
  const warned = new Set(result.warnings.map((w) => w.code));
  for (const [i, project] of result.evaluation.projects.entries()) {
    const table = goals.projects[i];
    if (project.budget.state === 'scored') out.add('execution');
    // A switch left off (null) is exercised where it would have applied: a rate below 100% with no warning.
    const below = r.execution.explainBelow;
    if (below === null ? project.budget.state === 'scored' && project.budget.rate < 1 : warned.has('execution-below'))
      out.add('execution.explainBelow');
    if (project.tiers.length > 0) out.add('tiers');
    const steps = [...project.totalExplanation, ...project.indicators.flatMap((ind) => ind.explanation.steps)];
    const kinds = new Set(steps.map((s) => s.kind));
    if (kinds.has('tier-merged')) out.add('tiers.whenMissing');
    if (kinds.has('tier-carved')) out.add('tiers.whenPresent');
    if (kinds.has('tiers-from-table')) out.add('tiers.fromTable');
    if (table?.indicators.some((ind) => ind.weight === undefined)) out.add('allocation');
    for (const ind of project.indicators) {
      const rule = ind.explanation.rule;
      if (rule && ind.status !== 'invalid' && ind.status !== 'unfilled') out.add(rule);
      const { A, B } = ind.explanation.inputs;
      if (rule === 'scoring.positive' && A !== undefined && B !== undefined && B > A)
        out.add('scoring.overAchievement');
    }
    if (project.grade !== null) out.add('grades');
    if (kinds.has('rounding')) out.add('rounding');
    const total = project.incomplete === null;
    if (r.totalCeiling.byExecutionRate ? kinds.has('total-ceiling') : total && project.budget.rate < 1)
      out.add('totalCeiling');
  }
  return out;
}
