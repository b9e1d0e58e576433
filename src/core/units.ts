import type { Dimension } from '../model/target.js';

/**
 * 计量单位. Each unit belongs to a dimension and, within it, to a base it converts to by `factor`.
 * Count nouns (家, 人, 次 …) are separate bases: 1000家 and 1000次 are both counts, but not comparable.
 */
export interface UnitInfo {
  unit: string;
  dimension: Dimension;
  base: string;
  factor: number;
  /** The factor is a convention, not exact (月 = 30天, 年 = 365天). */
  approximate?: boolean;
}

const table: UnitInfo[] = [];
const add = (dimension: Dimension, base: string, entries: Record<string, number>, approximate: string[] = []) => {
  for (const [unit, factor] of Object.entries(entries)) {
    table.push({ unit, dimension, base, factor, ...(approximate.includes(unit) ? { approximate: true } : {}) });
  }
};

add('money', '元', { 元: 1, 千元: 1e3, 万元: 1e4, 百万元: 1e6, 亿元: 1e8 });
add('percent', '%', { '%': 1, 百分比: 1, 百分点: 1, '‰': 0.1 });
add('time', '天', { 小时: 1 / 24, 天: 1, 日: 1, 周: 7, 星期: 7, 个月: 30, 月: 30, 季度: 91, 年: 365 }, [
  '个月',
  '月',
  '季度',
  '年',
]);
// 工作日 are not calendar days: convertible only among themselves.
add('time', '工作日', { 工作日: 1, 个工作日: 1 });
add('area', '平方米', { 平方米: 1, 亩: 10000 / 15, 公顷: 10000, 平方公里: 1e6, 万亩: 1e8 / 15 });
add('length', '米', { 米: 1, 千米: 1000, 公里: 1000, 延米: 1 });
add('mass', '千克', { 克: 0.001, 千克: 1, 公斤: 1, 斤: 0.5, 吨: 1000, 万吨: 1e7 });
add('volume', '立方米', { 立方米: 1, 万立方米: 1e4, 升: 0.001 });
add('count', '人', { 人: 1, 万人: 1e4, 名: 1, 位: 1 });
add('count', '人次', { 人次: 1, 万人次: 1e4 });
add('count', '户', { 户: 1, 万户: 1e4 });
const simpleCounts =
  '家 个 次 场 件 份 项 处 座 台 套 辆 艘 条 张 本 册 篇 期 批 组 类 种 只 头 株 棵 粒 块 间 所 支 队 例 起 宗 轮 课时 学时 课 节 班 部 页 幅 栋 户次 家次 场次 车次 架 把 根 双 箱 袋 包 瓶 盒 吨次';
for (const u of simpleCounts.split(' ')) add('count', u, { [u]: 1 });

const byUnit = new Map(table.map((u) => [u.unit, u]));

/** Longest known units first, so "万元" wins over "元" when matching a suffix. */
export const KNOWN_UNITS: readonly string[] = [...byUnit.keys()].sort((a, b) => b.length - a.length);

/**
 * Look a unit up. Compound units ("元/人", "元/人*月") are their own dimension and convert through the
 * numerator when the denominators match. An unknown noun is a count of its own base: real tables invent units.
 */
export function unitInfo(unit: string): UnitInfo {
  const known = byUnit.get(unit);
  if (known) return known;
  const slash = unit.indexOf('/');
  // "≤30/株": a price per unit without its currency; comparable only with the same missing numerator.
  if (slash === 0) return { unit, dimension: 'compound', base: unit, factor: 1 };
  if (slash > 0) {
    const numerator = unitInfo(unit.slice(0, slash));
    const denominator = unit.slice(slash + 1);
    return { unit, dimension: 'compound', base: `${numerator.base}/${denominator}`, factor: numerator.factor };
  }
  return { unit, dimension: 'count', base: unit, factor: 1 };
}

export function isKnownUnit(unit: string): boolean {
  return byUnit.has(unit);
}

export type Conversion = { ok: true; value: number; approximate: boolean } | { ok: false; message: string };

/** Convert `value` from one unit to another of the same base; a mismatch names both units and dimensions. */
export function convert(value: number, from: string, to: string): Conversion {
  if (from === to) return { ok: true, value, approximate: false };
  const a = unitInfo(from);
  const b = unitInfo(to);
  if (a.base !== b.base) {
    return {
      ok: false,
      message: `单位不一致：“${from}”（${DIMENSION_LABEL[a.dimension]}）与“${to}”（${DIMENSION_LABEL[b.dimension]}）不能比较`,
    };
  }
  // Scale through the larger factor first to keep exact results for decimal factors (万元 → 元).
  const converted = a.factor >= b.factor ? value * (a.factor / b.factor) : value / (b.factor / a.factor);
  return { ok: true, value: cleanFloat(converted), approximate: Boolean(a.approximate || b.approximate) };
}

export const DIMENSION_LABEL: Record<Dimension, string> = {
  count: '数量',
  money: '金额',
  percent: '百分比',
  time: '时间',
  area: '面积',
  length: '长度',
  mass: '重量',
  volume: '体积',
  compound: '复合单位',
};

const POW10 = Array.from({ length: 23 }, (_, i) => 10 ** i); // exact doubles 1 … 1e22

/**
 * Drop binary float noise (0.30000000000000004 → 0.3) without changing any real digit: keep 12 significant
 * digits. Arithmetic rather than toPrecision: this sits on the scoring hot path (millions of calls).
 */
export function cleanFloat(x: number): number {
  if (Number.isInteger(x) || !Number.isFinite(x)) return x === 0 ? 0 : x;
  const digits = 11 - Math.floor(Math.log10(Math.abs(x)));
  // Dividing an integer by an exact power of ten rounds correctly; beyond that range use the string route.
  if (digits >= 0 && digits <= 22) {
    const f = POW10[digits] as number;
    return Math.round(x * f) / f || 0;
  }
  return Number.parseFloat(x.toPrecision(12));
}
