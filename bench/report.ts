/**
 * Report rendering: 1,000 project self-evaluations (the seed's eight scored projects, cloned with new codes) built
 * into view-models and rendered to HTML through the Handlebars templates, compiled once. Goal: under 2 s.
 *   npx tsx bench/report.ts
 *   BENCH_REPORTS=5000 npx tsx bench/report.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { scoreDocument } from '../src/core/scoring/index.js';
import type { Evaluation, ProjectScore } from '../src/core/scoring/types.js';
import { readActuals } from '../src/io/actuals.js';
import { loadGoals } from '../src/io/goals.js';
import { loadRuleSet } from '../src/io/rules.js';
import type { GoalDocument } from '../src/model/goals.js';
import { departmentView } from '../src/report/department-view.js';
import { getRenderer } from '../src/report/render.js';
import { selfEvaluationView } from '../src/report/self-evaluation-view.js';

const SAMPLE = join(import.meta.dirname, '../samples/lunan-2025');

/** `n` scored projects and their goal tables: the sample's, repeated under codes B00000000, B00000001 … */
async function corpus(
  n: number,
): Promise<{ goals: GoalDocument; evaluation: Evaluation; rules: Awaited<ReturnType<typeof loadRuleSet>> }> {
  const goals = loadGoals(join(SAMPLE, 'goals.json'));
  const rules = await loadRuleSet('national');
  const scored = scoreDocument(goals, await readActuals(join(SAMPLE, 'actuals-year-end.yaml'), goals), rules);
  if (!scored.ok) throw new Error('bench: the sample no longer scores');
  const base = scored.evaluation.projects;
  const projects: ProjectScore[] = [];
  const tables: GoalDocument['projects'] = [];
  for (let k = 0; k < n; k++) {
    const p = base[k % base.length] as ProjectScore;
    const t = goals.projects.find((x) => x.code === p.code);
    const code = `B${String(k).padStart(8, '0')}`;
    projects.push({ ...p, code, name: `${p.name}（第${k}号）` });
    if (t) tables.push({ ...t, code });
  }
  return { goals: { ...goals, projects: tables }, evaluation: { ...scored.evaluation, projects }, rules };
}

export async function benchReport(runs = 3): Promise<{ name: string; ms: number; items: number }[]> {
  const items = Number(process.env.BENCH_REPORTS ?? 1_000);
  const { goals, evaluation, rules } = await corpus(items);
  const renderer = getRenderer();
  const t0 = performance.now();
  renderer.render(
    'self-evaluation',
    'html',
    selfEvaluationView(evaluation.projects[0] as ProjectScore, goals, rules.ruleSet, evaluation),
  );
  const firstMs = performance.now() - t0;
  const times: number[] = [];
  let bytes = 0;
  for (let r = 0; r < runs; r++) {
    globalThis.gc?.();
    const start = performance.now();
    bytes = 0;
    for (const p of evaluation.projects) {
      bytes += renderer.render(
        'self-evaluation',
        'html',
        selfEvaluationView(p, goals, rules.ruleSet, evaluation),
      ).length;
    }
    bytes += renderer.render(
      'department',
      'html',
      departmentView({ goals, ruleSet: rules.ruleSet, evaluation }),
    ).length;
    times.push(performance.now() - start);
  }
  const round = (x: number) => Math.round(x * 10) / 10;
  return [
    {
      name: `self-evaluation HTML + department summary (${Math.round(bytes / 2 ** 20)} MB)`,
      ms: round(Math.min(...times)),
      items,
    },
    { name: 'first render (reads and compiles the templates)', ms: round(firstMs), items: 1 },
  ];
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const [all, first] = await benchReport();
  if (all) process.stdout.write(`${all.name}: ${all.items} reports in ${all.ms} ms, best of 3 (goal < 2000 ms)\n`);
  if (first) process.stdout.write(`${first.name}: ${first.ms} ms\n`);
}
