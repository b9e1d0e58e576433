import { num as formatNum } from '../core/rounding.js';
import { BUILTINS } from '../core/scoring/builtins.js';
import type { Problem } from '../errors.js';
import type { RuleSet } from '../model/rule-set.js';
import { writtenPaths } from './rules-merge.js';
import { formatPath, isPlainObject, type KeyPath, type Place, problemAt, type RuleFile } from './yaml-file.js';

/** Cross-field checks after the schema passed, and checks on how each file of a chain is written. */

/** The rule blocks that hold a `formula`, keyed as in `LoadedRuleSet.formulas`. */
export const FORMULA_BLOCKS: readonly KeyPath[] = [
  ['execution'],
  ['scoring', 'positive'],
  ['scoring', 'reverse'],
  ['scoring', 'equal'],
  ['scoring', 'range'],
];

const EPS = 1e-9;
const same = (a: number, b: number) => Math.abs(a - b) < EPS;
// Sums of weights as written, to 9 places: a total 1e-7 off 100 is still shown off.
const num = (n: number) => formatNum(n, 9);

function weightProblems(rs: RuleSet, place: Place): Problem[] {
  const tiers = Object.entries(rs.tiers.weights);
  const total = tiers.reduce((sum, [, w]) => sum + w, 0) + rs.execution.weight;
  const problems: Problem[] = [];
  if (!same(total, 100)) {
    const parts = [...tiers.map(([name, w]) => `${name} ${num(w)}`), `预算执行率 ${num(rs.execution.weight)}`];
    const msg = `一级指标分值加预算执行率分值应合计 100，实际为 ${num(total)}（${parts.join(' + ')}）`;
    problems.push(problemAt(place, 'weights_sum', ['tiers', 'weights'], msg, ['execution', 'weight']));
  }
  const names = tiers.map(([name]) => name);
  for (const [tier, carve] of Object.entries(rs.tiers.whenPresent ?? {})) {
    const path = ['tiers', 'whenPresent', tier];
    const fromWeight = rs.tiers.weights[carve.from];
    if (names.includes(tier) || fromWeight === undefined || carve.weight > fromWeight) {
      const msg = `“${tier}”应是分值表之外的一级指标，从分值表中的一级指标划出不超过其分值的分数（一级指标有：${names.join('、')}）`;
      problems.push(problemAt(place, 'when_present', path, msg));
    }
  }
  for (const [from, to] of Object.entries(rs.tiers.whenMissing ?? {})) {
    const path = ['tiers', 'whenMissing', from];
    if (!names.includes(from) || !names.includes(to) || from === to) {
      const msg = `“${from} → ${to}”应在两个不同的一级指标之间转移（一级指标有：${names.join('、')}）`;
      problems.push(problemAt(place, 'when_missing', path, msg));
    }
  }
  return problems;
}

/** 定性分档: contiguous, covering 0–1, so every share of the weight falls in exactly one band. */
function qualitativeProblems(rs: RuleSet, place: Place): Problem[] {
  const path = ['scoring', 'qualitative', 'bands'];
  const bands = rs.scoring.qualitative.bands;
  const problems: Problem[] = [];
  bands.forEach((b, i) => {
    if (b.min >= b.max)
      problems.push(problemAt(place, 'band', [...path, i], `“${b.grade}”的下限 ${b.min} 应小于上限 ${b.max}`));
  });
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  const top = sorted[0];
  const bottom = sorted[sorted.length - 1];
  if (top && !same(top.max, 1)) {
    problems.push(problemAt(place, 'band', path, `最高一档“${top.grade}”的上限应为 1（满分），实际为 ${top.max}`));
  }
  if (bottom && !same(bottom.min, 0)) {
    problems.push(problemAt(place, 'band', path, `最低一档“${bottom.grade}”的下限应为 0，实际为 ${bottom.min}`));
  }
  for (let i = 0; i + 1 < sorted.length; i++) {
    const [hi, lo] = [sorted[i], sorted[i + 1]];
    if (hi && lo && !same(hi.min, lo.max)) {
      const msg = `“${hi.grade}”的下限 ${hi.min} 与“${lo.grade}”的上限 ${lo.max} 不相接：各档应首尾相连、覆盖 0–1`;
      problems.push(problemAt(place, 'band', path, msg));
    }
  }
  if (new Set(bands.map((b) => b.grade)).size !== bands.length) {
    problems.push(problemAt(place, 'band', path, '定性分档的 grade 有重复'));
  }
  return problems;
}

/** 评价等级: written from the top down, the last one starting at 0 so every total has a grade. */
function gradeProblems(rs: RuleSet, place: Place): Problem[] {
  const path = ['grades', 'bands'];
  const bands = rs.grades.bands;
  const problems: Problem[] = [];
  for (let i = 1; i < bands.length; i++) {
    const [above, here] = [bands[i - 1], bands[i]];
    if (above && here && here.min >= above.min) {
      const msg = `等级应按下限从高到低排列：“${here.grade}” ${here.min} 不低于上一档“${above.grade}” ${above.min}`;
      problems.push(problemAt(place, 'grades', [...path, i], msg));
    }
  }
  const last = bands[bands.length - 1];
  if (last && last.min !== 0) {
    problems.push(problemAt(place, 'grades', path, `最低一档“${last.grade}”的下限应为 0，实际为 ${last.min}`));
  }
  if (new Set(bands.map((b) => b.grade)).size !== bands.length) {
    problems.push(problemAt(place, 'grades', path, '评价等级名称有重复'));
  }
  return problems;
}

function formulaProblems(rs: RuleSet, place: Place): Problem[] {
  const rules = { execution: rs.execution, ...rs.scoring };
  return FORMULA_BLOCKS.flatMap((block) => {
    const rule = rules[block[block.length - 1] as keyof typeof rules];
    const formula = 'formula' in rule ? rule.formula : undefined;
    if (!formula || !('builtin' in formula) || Object.hasOwn(BUILTINS, formula.builtin)) return [];
    const msg = `不认识的内置公式“${formula.builtin}”，可用：${Object.keys(BUILTINS).join('、')}`;
    return [problemAt(place, 'unknown_builtin', [...block, 'formula', 'builtin'], msg)];
  });
}

function monitoringProblems(rs: RuleSet, place: Place): Problem[] {
  const m = rs.monitoring;
  if (!m || m.redGap <= m.amberGap) return [];
  const msg = `红灯阈值 ${m.redGap} 应不高于黄灯阈值 ${m.amberGap}（差距 = 执行进度 − 计划进度，越小越落后）`;
  return [problemAt(place, 'monitoring', ['monitoring', 'redGap'], msg)];
}

export function ruleSetProblems(rs: RuleSet, place: Place): Problem[] {
  return [
    ...weightProblems(rs, place),
    ...qualitativeProblems(rs, place),
    ...gradeProblems(rs, place),
    ...formulaProblems(rs, place),
    ...monitoringProblems(rs, place),
  ];
}

const IDENTITY = ['id', 'label', 'description'] as const;

/**
 * Checks on the files of a chain (base → leaf): every variant names itself, and every block it changes carries
 * the variant's own source — an inherited source describes the old number, not the new one.
 */
export function chainProblems(layers: readonly RuleFile[], merged: Record<string, unknown>): Problem[] {
  const problems: Problem[] = [];
  const at = (layer: RuleFile, path: KeyPath, code: string, message: string): Problem => {
    const line = layer.lineOf(path);
    const where = `${layer.display}: ${formatPath(path)}`;
    return { code, where, message: line === undefined ? message : `${message}（第 ${line} 行）` };
  };
  layers.forEach((layer, depth) => {
    if (depth === 0) return; // the root is fully checked by the schema
    const parent = layers[depth - 1];
    for (const key of IDENTITY) {
      if (!layer.has([key]))
        problems.push(at(layer, [key], 'own_identity', `每个规则集文件都要写自己的 ${key}（不继承）`));
    }
    if (parent && layer.data.id !== undefined && layer.data.id === parent.data.id) {
      problems.push(at(layer, ['id'], 'own_identity', `id 与被继承的 ${parent.display} 相同，应另取一个`));
    }
    const blocks = new Map<string, { block: KeyPath; changed: KeyPath }>();
    for (const path of writtenPaths(layer.data)) {
      if (path.length < 2 || path[path.length - 1] === 'source') continue;
      for (let n = path.length - 1; n >= 1; n--) {
        const block = path.slice(0, n);
        if (!isPlainObject(getIn(merged, block)) || !Object.hasOwn(getIn(merged, block) as object, 'source')) continue;
        if (!layer.has([...block, 'source']) && !blocks.has(formatPath(block)))
          blocks.set(formatPath(block), { block, changed: path });
        break;
      }
    }
    for (const { block, changed } of blocks.values()) {
      const msg = `改动了 ${formatPath(changed)}，但本文件没有写 ${formatPath(block)}.source：继承来的来源说的是原来的数字，请写明新数字的来源`;
      problems.push(at(layer, [...block, 'source'], 'missing_source', msg));
    }
  });
  return problems;
}

function getIn(data: unknown, path: KeyPath): unknown {
  return path.reduce<unknown>((node, key) => (isPlainObject(node) ? node[key as string] : undefined), data);
}
