import { basename } from 'node:path';
import Table from 'cli-table3';
import { UserError } from '../../errors.js';
import { type LoadedRuleSet, listRuleSets, loadRuleSet } from '../../io/rules.js';
import type { Formula, RoundingMode, Rounding as RoundingRule, RuleSet, Source } from '../../model/rule-set.js';
import { bibliography, bibliographyLine, citationLines } from '../../report/citation.js';
import { fmtNum, fmtPercent } from '../../report/format.js';
import { wrapOutline } from '../../report/terminal/width.js';

/** `jixiao rules list` and `jixiao rules show NAME`: every rule with its numbers and its source. */

export async function runRulesList(): Promise<void> {
  const table = new Table({ head: ['id', '名称', '继承自'], style: { head: [], border: [] } });
  for (const entry of listRuleSets()) table.push([entry.id, entry.label, entry.extends ?? '—']);
  process.stdout.write(`${table.toString()}\n用 jixiao rules show <id> 查看每条规则及其来源。\n`);
}

/** The rule sets a loaded one extends, base first, by id (a reader's name for them, not a file path). */
function chainIds(loaded: LoadedRuleSet): string[] {
  return loaded.chain.map((file, i) =>
    i === loaded.chain.length - 1 ? loaded.ruleSet.id : basename(file).replace(/\.ya?ml$/i, ''),
  );
}

export async function runRulesShow(name: string, opts: { format: string }): Promise<void> {
  if (opts.format !== 'text' && opts.format !== 'json') {
    throw new UserError(`--format 只能是 text 或 json，实际为“${opts.format}”`);
  }
  const loaded = await loadRuleSet(name);
  const out =
    opts.format === 'json'
      ? JSON.stringify({ ruleSet: loaded.ruleSet, chain: chainIds(loaded) }, null, 2)
      : wrapOutline(renderRuleSet(loaded));
  process.stdout.write(`${out}\n`);
}

/** Built-in formulas in words; the ids and their implementations live in core/scoring/builtins.ts. */
const BUILTIN_TEXT: Record<string, string> = {
  rate: '得分 = min(执行率, 上限) × 分值',
  ratio: '得分 = 实际值 ÷ 指标值 × 分值',
  'inverse-ratio': '得分 = 指标值 ÷ 实际值 × 分值',
  equal: '指标值 > 0 时 得分 = 实际值 ÷ 指标值 × 分值；指标值 = 0 时实际值 ≤ 0 得满分，否则 0 分',
  range: '实际值在区间内得满分；低于下限 得分 = 实际值 ÷ 下限 × 分值；高于上限 得分 = 上限 ÷ 实际值 × 分值',
  'linear-reverse':
    '实际值 ≤ 指标值 得满分；指标值 < 实际值 < 2×指标值 时 得分 = (1 − (实际值 − 指标值) ÷ 指标值) × 分值；实际值 ≥ 2×指标值 得 0 分',
};

const ROUNDING_MODE: Record<RoundingMode, string> = {
  'half-up': '四舍五入',
  'half-even': '四舍六入五成双',
  truncate: '截断（舍去多余位数）',
  none: '不舍入',
};

/** Numbers as a reader writes them: no float noise (0.1 + 0.2), no trailing zeros. */
// Rule values as written: up to 6 places (a weight of 12.5, a band at 0.8).
const num = (n: number) => fmtNum(n, 6);
const pct = (share: number) => fmtPercent(share, 6);

function formulaText(formula: Formula): string {
  if ('expr' in formula) return `自定义公式 ${formula.expr}（actual 实际值、target 指标值、weight 分值）`;
  return `${BUILTIN_TEXT[formula.builtin] ?? formula.builtin}（内置公式 ${formula.builtin}）`;
}

function roundingText(r: RoundingRule): string {
  if (r.mode === 'none') return '不舍入';
  return `${r.decimals === 0 ? '取整数' : `保留 ${r.decimals} 位小数`}，${ROUNDING_MODE[r.mode]}`;
}

type Block = { title: string; lines: string[]; source?: Source };

function scoringBlocks(s: RuleSet['scoring']): Block[] {
  const kinds = [
    ['正向指标（≥，越大越好）', s.positive],
    ['反向指标（≤，越小越好，如成本）', s.reverse],
    ['等于指标（=）', s.equal],
    ['区间指标', s.range],
  ] as const;
  const quantitative = kinds.map(
    ([title, rule]): Block => ({
      title,
      lines: [
        `计分：${formulaText(rule.formula)}`,
        `封顶：${rule.cap ? '得分不超过该指标分值（超额完成不加分）' : '不封顶（超额完成可得到高于分值的分数）'}`,
      ],
      source: rule.source,
    }),
  );
  const bands = [...s.qualitative.bands].sort((a, b) => b.max - a.max);
  return [
    ...quantitative,
    {
      title: '指标值为 0 的“≤”“=”指标（如 ≤0起、=0万元/人）',
      lines: [
        `实际值为 0 得满分；大于 0 ${s.zeroTarget.overShare === 0 ? '得 0 分' : `得分值的 ${pct(s.zeroTarget.overShare)}`}（不论上面的计分公式）`,
      ],
      source: s.zeroTarget.source,
    },
    {
      title: '时效指标',
      lines: [`逾期完成：${s.deadline.lateShare === 0 ? '得 0 分' : `得分值的 ${pct(s.deadline.lateShare)}`}`],
      source: s.deadline.source,
    },
    {
      title: '定性指标（评价人在档内给分）',
      lines: bands.map((b, i) => {
        const upper = i === 0 ? `${pct(b.max)}（含）` : `${pct(b.max)}（不含）`;
        return `${b.grade}（${b.label}）：分值的 ${pct(b.min)}（含）至 ${upper}`;
      }),
      source: s.qualitative.source,
    },
    {
      title: '不适用指标',
      lines: [
        s.notApplicable.method === 'whole-score'
          ? '不考核该指标；适用指标（含预算执行率）的得分合计按适用分值折算为百分制'
          : '不考核该指标；其分值按比例分给同一一级指标内的其他指标（一级指标分值不变）',
      ],
      source: s.notApplicable.source,
    },
    {
      title: '超额完成',
      lines: [
        s.overAchievement.explainAt === null
          ? '不要求说明原因'
          : `实际值达到指标值的 ${pct(s.overAchievement.explainAt)} 及以上时，须填写偏差原因`,
      ],
      source: s.overAchievement.source,
    },
  ];
}

function blocks(rs: RuleSet): Block[] {
  const e = rs.execution;
  const tiers = Object.entries(rs.tiers.weights);
  const moves = Object.entries(rs.tiers.whenMissing ?? {});
  const grades = rs.grades.bands.map((g, i) => {
    const above = rs.grades.bands[i - 1];
    return above ? `${g.grade}：${num(g.min)} 分（含）至 ${num(above.min)} 分` : `${g.grade}：${num(g.min)} 分及以上`;
  });
  const m = rs.monitoring;
  return [
    {
      title: '预算执行率',
      lines: [
        `分值：${num(e.weight)} 分`,
        `计分：${formulaText(e.formula)}`,
        `上限：${e.cap === null ? '不封顶' : `执行率超过 ${pct(e.cap)} 按 ${pct(e.cap)} 计`}`,
        `说明原因：${e.explainBelow === null ? '不要求' : `执行率低于 ${pct(e.explainBelow)} 时须说明原因`}`,
      ],
      source: e.source,
    },
    {
      title: '一级指标分值',
      lines: [
        `${tiers.map(([n, w]) => `${n} ${num(w)} 分`).join('、')}；另加预算执行率 ${num(e.weight)} 分`,
        moves.length === 0
          ? '缺少某个一级指标时：按其余一级指标折算'
          : `缺少某个一级指标时：${moves.map(([from, to]) => `${from}的分值并入${to}`).join('；')}`,
      ],
      source: rs.tiers.source,
    },
    {
      title: '三级指标分值',
      lines: ['目标表未给出三级指标分值时：在所属一级指标内平均分配'],
      source: rs.allocation.source,
    },
    ...scoringBlocks(rs.scoring),
    { title: '评价等级', lines: grades, source: rs.grades.source },
    {
      title: '舍入',
      lines: [`每个指标得分：${roundingText(rs.rounding.indicator)}`, `总分：${roundingText(rs.rounding.total)}`],
      source: rs.rounding.source,
    },
    {
      title: '总分上限',
      lines: [rs.totalCeiling.byExecutionRate ? '总分不超过 预算执行率 × 100' : '不按预算执行率限制总分'],
      source: rs.totalCeiling.source,
    },
    ...(m
      ? [
          {
            title: '运行监控（序时进度）',
            lines: [
              `两个计划节点之间：${m.planBetweenMilestones === 'step' ? '取最近已到达节点的计划进度' : '按日期线性插值'}`,
              `执行进度 − 计划进度 ≤ ${num(m.amberGap)} 个百分点：黄灯；≤ ${num(m.redGap)} 个百分点：红灯`,
            ],
            source: m.source,
          },
        ]
      : []),
  ];
}

/** What a dated value is called, and one entry's value in words. */
const DATED_TITLE: Record<string, string> = {
  'execution.weight': '预算执行率分值',
  'tiers.weights': '一级指标分值',
  'tiers.whenMissing': '缺少一级指标时的分值去向',
  'tiers.whenPresent': '一级成本指标分值',
  'scoring.qualitative.bands': '定性指标分档',
  'grades.bands': '评价等级',
  'monitoring.amberGap': '运行监控黄灯阈值',
  'monitoring.redGap': '运行监控红灯阈值',
};

function datedValueText(value: unknown): string {
  if (typeof value === 'number') return num(value);
  if (Array.isArray(value))
    return value
      .map((b: { grade?: string; min?: number; max?: number }) =>
        b.max === undefined ? `${b.grade} ${num(b.min ?? 0)} 分起` : `${b.grade} ${pct(b.min ?? 0)}–${pct(b.max)}`,
      )
      .join('、');
  const entries = Object.entries((value ?? {}) as Record<string, unknown>);
  if (entries.length === 0) return '无';
  return entries
    .map(([k, v]) =>
      typeof v === 'number'
        ? `${k} ${num(v)} 分`
        : typeof v === 'string'
          ? `${k} → ${v}`
          : `${k} ${num((v as { weight: number }).weight)} 分（从${(v as { from: string }).from}划出）`,
    )
    .join('、');
}

/** Values dated by year: each entry, from when it applies, with its own source. */
function datedBlocks(rs: RuleSet): Block[] {
  return (rs.dated ?? []).flatMap((d) => {
    const title = DATED_TITLE[d.path.join('.')] ?? d.path.join('.');
    return d.entries.map((e, i): Block => {
      const next = d.entries[i + 1]?.from;
      const when =
        e.from === undefined ? `${next} 之前` : next === undefined ? `${e.from} 起` : `${e.from} 起至 ${next} 之前`;
      return {
        title: `按年度取值：${title}（${when}）`,
        lines: [`取值：${datedValueText(e.value)}`, '目标文档的年度在此期间（含起始日期所在年度）时适用'],
        source: e.source,
      };
    });
  });
}

export function renderRuleSet(loaded: LoadedRuleSet): string {
  const rs = loaded.ruleSet;
  const head = [
    `规则集 ${rs.id}：${rs.label}`,
    rs.description,
    ...(loaded.chain.length > 1 ? [`继承关系：${chainIds(loaded).join(' → ')}`] : []),
    '来源：依据的性质（国家文件、地方实践、软件实现、本工具约定、未证实）、引用的文献及条款；文献的网址见文末参考文献。',
  ];
  const cited = rs.sources ?? {};
  const all = [...blocks(rs), ...datedBlocks(rs)];
  const body = all.map((b) =>
    [`【${b.title}】`, ...b.lines.map((l) => `  ${l}`), ...(b.source ? sourceLines(b.source, cited) : [])].join('\n'),
  );
  const docs = bibliography(
    all.flatMap((b) => (b.source ? [b.source] : [])),
    cited,
  );
  const refs = docs.length > 0 ? [['【参考文献】', ...docs.map((d) => `  ${bibliographyLine(d)}`)].join('\n')] : [];
  return [head.join('\n'), ...body, ...refs].join('\n\n');
}

function sourceLines(source: Source, cited: NonNullable<RuleSet['sources']>): string[] {
  return [
    `  来源（${source.basis}）：`,
    ...citationLines(source, cited).map((l) => `    · ${l}`),
    ...(source.note ? [`    说明：${source.note}`] : []),
  ];
}
