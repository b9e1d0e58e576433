import { normLabel } from './text.js';

/**
 * The indicator header: which column plays which role. Templates name the same role differently (指标值 /
 * 年度指标值 / 指标值内容 / 绩效标准; 三级指标 / 指标名称 / 指标内容), and some names change role with their
 * neighbours: 指标内容 is the name in a two-level table that has no 三级指标, the target where no 指标值 column
 * exists, else the description. Roles are given by priority, so a header is read by what it holds together.
 */

export type Column =
  | 'tier1'
  | 'tier2'
  | 'name'
  | 'description'
  | 'target'
  | 'basis'
  | 'weight'
  | 'op'
  | 'unit'
  /** 中长期 / 长期 / 中期指标值 beside the year's: kept as printed, shown as context, not scored. */
  | 'longTarget'
  /**
   * One of several 指标值 columns named after the places a fund is shared among (…| 西坪镇尧山村 | 桃舟乡吾培村):
   * each row gives one indicator per place ("开展小型水利工程建设(个)（西坪镇尧山村）").
   */
  | 'placeTarget'
  /** A column that is not scored: the "绩效指标" label column, an empty header cell. */
  | 'skip';

export const TITLE: Record<Column, string> = {
  tier1: '一级指标',
  tier2: '二级指标',
  name: '三级指标',
  description: '绩效指标描述',
  target: '指标值',
  basis: '指标值确定依据',
  weight: '分值',
  op: '指标性质',
  unit: '计量单位',
  longTarget: '中长期指标值',
  placeTarget: '指标值（按地点）',
  skip: '（不计分的列）',
};

/** Label → the roles it can play, most likely first. */
const CANDIDATES: [RegExp, Column[]][] = [
  [/^一级指标$/, ['tier1']],
  [/^二级指标$/, ['tier2']],
  [/^三级指标(名称)?$/, ['name']],
  [/^指标名称$/, ['name']],
  [/^(绩效)?指标(描述|解释|说明)$/, ['description']],
  [/^(年度)?(绩效)?(目标)?(计划)?(指标值|目标值)(\(或计划水平\)|及单位)?$/, ['target']],
  [/^(中长期|长期|中期|全周期)(绩效)?(目标)?(指标值|目标值)$/, ['longTarget']],
  [/^(年度)?指标值内容$/, ['target', 'description']],
  [/^(绩效)?指标内容$/, ['name', 'target', 'description']],
  [/^绩效标准$/, ['target', 'basis']],
  [/^(指标值)?(确定)?依据$/, ['basis']],
  [/^(指标)?(分值|权重)(\(.*\))?$/, ['weight']],
  [/^(指标性质|指标方向|计算符号|运算符号?)$/, ['op']],
  [/^(计量|度量)单位$/, ['unit']],
  [/^绩效指标$/, ['skip']],
  // The merged label column of a 审批表: "年度绩效目标(90分)".
  [/^(本?年度)?绩效(目标|指标)\(\d+(\.\d+)?分\)$|^本?年度绩效指标$/, ['skip']],
];

export function candidates(label: string): Column[] | null {
  const s = normLabel(label);
  const found = CANDIDATES.find(([re]) => re.test(s))?.[1];
  if (found) return found;
  // "二级指标(长期) | 指标值(长期) | 二级指标(年度) | 指标值(年度)": a set marked by its period.
  const marked = /^(.+)\((长期|中长期|中期|年度)\)$/.exec(s);
  if (!marked?.[1]) return null;
  const base = CANDIDATES.find(([re]) => re.test(marked[1] as string))?.[1] ?? null;
  return base && marked[2] !== '年度' && base.includes('target') ? ['longTarget'] : base;
}

/**
 * Roles for a header's labels (null for an empty cell between labels). Each role goes to the first column that
 * can play it, taking single-role columns first; a column left over takes its next role, or is skipped.
 */
export function assignColumns(labels: (Column[] | null)[]): Column[] {
  const roles: (Column | null)[] = labels.map((c) => (c && c.length === 1 ? (c[0] as Column) : null));
  const taken = new Set<Column>(roles.filter((r): r is Column => r !== null && r !== 'skip'));
  for (let pass = 0; pass < 3; pass++) {
    labels.forEach((c, k) => {
      if (roles[k] !== null || !c) return;
      const role = c[pass];
      if (role && !taken.has(role)) {
        roles[k] = role;
        taken.add(role);
      }
    });
  }
  return roles.map((r) => r ?? 'skip');
}

/** 指标性质 words as operators: 正向 ≥, 反向 ≤, 等于 =; 定性 adds nothing. */
export function operatorWord(text: string): string {
  const s = normLabel(text);
  if (/^正向(指标)?$/.test(s)) return '≥';
  if (/^反向(指标)?$/.test(s)) return '≤';
  if (/^(等于|等值)(指标)?$/.test(s)) return '=';
  if (/^定性(指标)?$/.test(s)) return '';
  // 指标方向 "是/否": a yes-or-no indicator, no comparison to add.
  if (/^(是\/?否|是或否)$/.test(s)) return '';
  return text.trim();
}
