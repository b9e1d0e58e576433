import { parseTarget } from '../dist/core/target/parse.js';
import type { ActualsDocument } from '../dist/model/actuals.js';
import type { GoalDocument, GoalTable } from '../dist/model/goals.js';

/** Seed-like indicator rows: tier1, tier2, target, and a way to make an actual for the i-th project. */
const ROWS: [string, string, string, (i: number) => string][] = [
  ['产出指标', '数量指标', '≥1000家', (i) => `${900 + (i % 200)}家`],
  ['产出指标', '数量指标', '≥12场', (i) => `${10 + (i % 4)}场`],
  ['产出指标', '质量指标', '≥95%', (i) => `${90 + (i % 10)}%`],
  ['产出指标', '时效指标', '≤2025年', (i) => `2025-${String(1 + (i % 12)).padStart(2, '0')}-15`],
  ['产出指标', '成本指标', '≤50万元', (i) => `${45 + (i % 8)}万元`],
  ['效益指标', '经济效益指标', '≥365天', () => '365天'],
  ['效益指标', '社会效益指标', '≥95%', (i) => `${92 + (i % 8)}%`],
  ['效益指标', '社会效益指标', '≤1月', (i) => `${10 + (i % 30)}天`],
  ['效益指标', '可持续影响指标', '效果明显', () => '达成预期指标'],
  ['满意度指标', '服务对象满意度指标', '≥95%', (i) => `${93 + (i % 6)}%`],
];

/** `projects` goal tables of 10 indicators each, and their year-end actuals. */
export function syntheticData(projects: number): { goals: GoalDocument; actuals: ActualsDocument } {
  const targets = ROWS.map(([, , t]) => parseTarget(t, { year: 2025 }));
  const tables: GoalTable[] = [];
  const entries: ActualsDocument['projects'] = [];
  for (let i = 0; i < projects; i++) {
    const code = `P${String(i).padStart(8, '0')}`;
    tables.push({
      code,
      name: `项目${i}`,
      year: 2025,
      heading: null,
      unitCode: '450001',
      unitName: '单位',
      budget: { total: 50, fiscal: 50, other: null },
      useOfFunds: '保障全区安全生产体系建设',
      spendingPlan: [
        { label: '3月底', date: '2025-03-31', cumulative: 0.25 },
        { label: '6月底', date: '2025-06-30', cumulative: 0.5 },
        { label: '10月底', date: '2025-10-31', cumulative: 0.75 },
        { label: '12月底', date: '2025-12-31', cumulative: 1 },
      ],
      goals: ['保障全区安全生产体系建设'],
      indicators: ROWS.map(([tier1, tier2], k) => ({
        tier1,
        tier2,
        name: `指标${k + 1}`,
        description: '',
        target: targets[k] as GoalTable['indicators'][number]['target'],
        basis: '唐字【2014】21号',
      })),
    });
    entries.push({
      code,
      budget: { executed: 40 + (i % 11) },
      indicators: ROWS.map((row, k) => ({ name: `指标${k + 1}`, actual: row[3](i), reason: '原因' })),
    });
  }
  const goals: GoalDocument = {
    schema: 'jixiao/goals@1',
    source: null,
    year: 2025,
    department: { unitCode: '450001', unitName: '单位', goals: { overall: '', detailed: '', measures: '' } },
    projects: tables,
  };
  return { goals, actuals: { schema: 'jixiao/actuals@1', period: 'year-end', projects: entries } };
}

/** The same projects as mid-year entries at 06-30: half the work and money to date. */
export function syntheticMidYear(actuals: ActualsDocument): ActualsDocument {
  return {
    schema: 'jixiao/actuals@1',
    period: 'mid-year',
    asOf: '2025-06-30',
    projects: actuals.projects.map((p) => ({
      ...p,
      budget: { executed: (p.budget.executed ?? 0) / 2 },
      indicators: p.indicators.map((i, k) =>
        k === 3
          ? { name: i.name, reason: '原因', cause: '其他' as const }
          : { ...i, cause: '其他' as const, ...(k === 8 ? { likelihood: '确定能' as const } : {}) },
      ),
    })),
  };
}
