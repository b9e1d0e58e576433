/**
 * Target review (jixiao check) on 100,000 synthetic projects: the seed's eight tables cloned with new codes,
 * budgets, names and targets, so every check has work and the cross-project maps grow large.
 *   npx tsx bench/check.ts            prints the time
 *   BENCH_PROJECTS=20000 npx tsx bench/check.ts
 */
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { checkGoals } from '../src/core/check/index.js';
import { loadGoals } from '../src/io/goals.js';
import type { GoalDocument, GoalTable, Indicator } from '../src/model/goals.js';

const SEED = join(import.meta.dirname, '../samples/lunan-2025/goals-document.txt');
const TIERS = ['产出指标', '效益指标', '满意度指标'];

/** Change a quantitative target's number, keeping its operator and unit; other targets are kept as they are. */
function withValue(ind: Indicator, value: number): Indicator {
  const t = ind.target;
  if (t.direction !== 'positive' && t.direction !== 'reverse' && t.direction !== 'equal') return ind;
  const sign = t.op === '>=' ? '≥' : t.op === '<=' ? '≤' : t.op;
  return { ...ind, target: { ...t, value, raw: `${sign}${value}${t.unit ?? ''}` } };
}

/** A description's numbers replaced by `value`: "不低于1000家" → "不低于1234家" (one in ten is left stale). */
const restate = (ind: Indicator, value: number, k: number): Indicator =>
  k % 10 === 0 || !/\d/.test(ind.description)
    ? ind
    : { ...ind, description: ind.description.replace(/\d+(?:\.\d+)?/g, String(value)) };

function vary(template: GoalTable, k: number): GoalTable {
  const total = 5 + (k % 400) / 4;
  const indicators = template.indicators.map((ind, i) => {
    if (ind.tier2.includes('成本')) return withValue(restate(ind, total, k), k % 17 === 0 ? total + 1 : total);
    if (ind.tier2.includes('数量')) {
      const value = 100 + (k % 900);
      return withValue(restate({ ...ind, name: `${ind.name}${k % 50}` }, value, k), value);
    }
    // One project in 7 copies its rows unchanged (boilerplate); the rest vary a number per project.
    return k % 7 === 0 || i % 2 === 0 ? ind : withValue(ind, 80 + (k % 20));
  });
  return {
    ...template,
    code: `B${String(k).padStart(8, '0')}`,
    name: `${template.name}（第${k}号）`,
    budget: { total, fiscal: total, other: null },
    indicators,
  };
}

export function syntheticGoals(projects: number): GoalDocument {
  const seed = loadGoals(SEED);
  const templates = seed.projects;
  const out: GoalTable[] = [];
  for (let k = 0; k < projects; k++) {
    const template = templates[k % templates.length];
    if (template) out.push(vary(template, k));
  }
  return { ...seed, projects: out };
}

/** Wall time of checkGoals on `items` synthetic projects: best of `runs`, like the other bench sections. */
export async function benchCheck(runs = 3): Promise<{ name: string; ms: number; items: number; firstMs: number }> {
  const items = Number(process.env.BENCH_PROJECTS ?? 100_000);
  const doc = syntheticGoals(items);
  checkGoals(syntheticGoals(100), { tierNames: TIERS }); // warm the regexes and the JIT on a small document
  const times: number[] = [];
  let found = 0;
  for (let r = 0; r < runs; r++) {
    globalThis.gc?.(); // with --expose-gc (npm run bench): start each run from a collected heap
    const t0 = performance.now();
    found = checkGoals(doc, { tierNames: TIERS }).length; // findings dropped at once: runs do not pile up
    times.push(performance.now() - t0);
  }
  if (found === 0) throw new Error('bench: no findings, the synthetic data is not exercising the checks');
  const round = (x: number) => Math.round(x * 10) / 10;
  return {
    name: `check ${items.toLocaleString('en')} projects (${found.toLocaleString('en')} findings)`,
    ms: round(Math.min(...times)),
    items,
    firstMs: round(times[0] ?? 0),
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const r = await benchCheck();
  process.stdout.write(`${r.name}: ${r.ms} ms best of 3, first run ${r.firstMs} ms (goal < 3000 ms)\n`);
}
