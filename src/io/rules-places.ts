import type { KeyPath } from './yaml-file.js';

/**
 * A place in a rule file in the reader's words: `scoring.qualitative.bands[1].min` → 定性指标分档第 2 档的下限.
 * Messages about rule files say this (with the line number) instead of the key path; a key the schema does not
 * know is quoted as written: 「positiv」.
 */
const TOP: Record<string, string> = {
  id: '规则集编号',
  label: '规则集名称',
  description: '规则集简介',
  extends: '继承',
  execution: '预算执行率',
  tiers: '一级指标',
  allocation: '三级指标分值分配',
  scoring: '指标计分',
  grades: '评价等级',
  rounding: '舍入',
  totalCeiling: '总分上限',
  monitoring: '运行监控',
  sources: '本规则集的文献',
};

const RULES: Record<string, string> = {
  positive: '正向指标',
  reverse: '反向指标',
  equal: '“=”指标',
  range: '区间指标',
  zeroTarget: '指标值为0的指标',
  deadline: '时效指标',
  qualitative: '定性指标',
  notApplicable: '不适用指标',
  overAchievement: '超额完成',
};

const KEYS: Record<string, string> = {
  weight: '分值',
  cap: '封顶',
  overShare: '实际值大于0时的得分比例',
  formula: '计分公式',
  builtin: '内置公式名',
  expr: '表达式',
  explainBelow: '须说明原因的执行率',
  weights: '分值表',
  whenMissing: '缺少一级指标时的分值去向',
  whenPresent: '另设一级指标时的分值来源',
  fromTable: '按表取分值',
  from: '划出分值的一级指标',
  method: '方法',
  lateShare: '逾期得分比例',
  bands: '分档',
  grade: '档名',
  label: '说明',
  min: '下限',
  max: '上限',
  explainAt: '须说明的完成比例',
  indicator: '指标得分',
  total: '总分',
  decimals: '小数位数',
  mode: '舍入方式',
  byExecutionRate: '按执行率封顶',
  planBetweenMilestones: '节点之间的计划进度',
  amberGap: '黄灯阈值',
  redGap: '红灯阈值',
  source: '来源',
  basis: '依据性质',
  cite: '引文',
  clause: '条款',
  note: '说明',
  id: '文献编号',
  title: '标题',
  issuer: '发文单位',
  documentNumber: '文号',
  date: '日期',
  url: '网址',
  read: '所读内容',
  status: '核实情况',
};

/** The words for one key below its parent (`parent` is the key above it, if any). */
function word(key: string | number, parent: string | number | undefined, depth: number): string {
  if (typeof key === 'number') {
    if (parent === 'cite') return `第 ${key + 1} 条`;
    if (parent === 'bands') return `第 ${key + 1} 档`;
    return `第 ${key + 1} 项`;
  }
  if (depth === 0) return TOP[key] ?? `「${key}」`;
  if (parent === 'scoring') return RULES[key] ?? `「${key}」`;
  if (parent === 'weights' || parent === 'whenMissing' || parent === 'whenPresent') return `「${key}」`;
  if (parent === 'sources' || depth === 0) return `「${key}」`;
  return KEYS[key] ?? `「${key}」`;
}

/** `[]` → 整个文件; `['execution', 'weight']` → 预算执行率的分值. */
export function placeWords(path: KeyPath): string {
  if (path.length === 0) return '整个文件';
  const parts = path.map((key, i) => word(key, path[i - 1], i));
  // 指标计分 is implied by the rule's own name (正向指标的封顶, not 指标计分的正向指标的封顶).
  if (path[0] === 'scoring' && path.length > 1) parts.shift();
  return parts.reduce((acc, p) => (/^第 /.test(p) ? `${acc}${p}` : `${acc}的${p}`));
}

/** `rules/x.yaml「正向指标的计分公式」`: a file and a place in it, as every rule-file message names them. */
export const placeIn = (display: string, path: KeyPath) =>
  path.length === 0 ? display : `${display}「${placeWords(path)}」`;
