import { parseTarget } from '../../src/core/target/parse.js';
import type { ActualsDocument, IndicatorActual } from '../../src/model/actuals.js';
import type { GoalDocument, GoalTable, Indicator } from '../../src/model/goals.js';

/** A goal-table indicator from its target text; tiers default to 产出/数量. */
export function makeIndicator(target: string, over: Partial<Omit<Indicator, 'target'>> = {}): Indicator {
  return {
    tier1: '产出指标',
    tier2: '数量指标',
    name: `指标${target}`,
    description: '',
    basis: '',
    ...over,
    target: parseTarget(target, { year: 2025 }),
  };
}

/** The seed's usual shape: 4 产出, 2 效益, 1 满意度. */
export function standardIndicators(
  targets: string[] = ['≥1000家', '≥95%', '≤2025年', '≤50万元', '≥365天', '≥95%', '≥95%'],
): Indicator[] {
  const tiers: [string, string][] = [
    ['产出指标', '数量指标'],
    ['产出指标', '质量指标'],
    ['产出指标', '时效指标'],
    ['产出指标', '成本指标'],
    ['效益指标', '经济效益指标'],
    ['效益指标', '社会效益指标'],
    ['满意度指标', '服务对象满意度指标'],
  ];
  return targets.map((t, i) =>
    makeIndicator(t, { tier1: tiers[i]?.[0] ?? '产出指标', tier2: tiers[i]?.[1] ?? '数量指标', name: `指标${i + 1}` }),
  );
}

export function makeTable(indicators: Indicator[], over: Partial<GoalTable> = {}): GoalTable {
  return {
    code: 'P1',
    name: '测试项目',
    year: 2025,
    heading: null,
    unitCode: null,
    unitName: null,
    budget: { total: 50, fiscal: 50, other: null },
    useOfFunds: '',
    spendingPlan: [
      { label: '3月底', date: '2025-03-31', cumulative: 0.25 },
      { label: '6月底', date: '2025-06-30', cumulative: 0.5 },
      { label: '10月底', date: '2025-10-31', cumulative: 0.75 },
      { label: '12月底', date: '2025-12-31', cumulative: 1 },
    ],
    goals: [],
    indicators,
    ...over,
  };
}

export function makeGoals(tables: GoalTable[]): GoalDocument {
  return {
    schema: 'jixiao/goals@1',
    source: null,
    year: 2025,
    department: { unitCode: null, unitName: null, goals: { overall: '', detailed: '', measures: '' } },
    projects: tables,
  };
}

/** Actuals for one table, in order: a string/number is the actual; an object is the whole entry. */
export function makeActuals(
  table: GoalTable,
  entries: (string | number | Partial<IndicatorActual>)[],
  budget: { executed: number; adjusted?: number; reason?: string } = { executed: table.budget.total },
): ActualsDocument {
  return {
    schema: 'jixiao/actuals@1',
    period: 'year-end',
    projects: [
      {
        code: table.code,
        budget,
        indicators: table.indicators.map((ind, i) => {
          const e = entries[i];
          return typeof e === 'object' ? { name: ind.name, ...e } : { name: ind.name, actual: e ?? null };
        }),
      },
    ],
  };
}
