import { num } from '../rounding.js';
import { type Check, type Finding, projectFinding, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { inWanYuan, isAtLeast, isCostTier, isQuantity, same } from './text.js';

/**
 * 成本指标 against 预算数. Local practice ties the cost target to the budget ("项目总成本 ≤90万元" with a 90 万
 * budget, domain-rules §3), so a cost above the budget is an error and a different one is worth a question.
 */

/** 万元 to the 元 cent. */
const fmt = (n: number) => num(n, 6);
const decimals = (n: number) => fmt(n).split('.')[1]?.length ?? 0;
const roundTo = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;
/** Formatted only when there is a finding: toFixed on every project is slow at scale. */
const budgetText = (total: number) => `预算数 ${fmt(total)}万元`;

/**
 * cost-exceeds-budget (error) / cost-differs-from-budget (warning). With several cost rows each is a part of
 * the cost: only their sum above the budget is a defect, since parts need not cover every 万元.
 */
export const costAgainstBudget: Check = (doc, ctx) => {
  const out: Finding[] = [];
  const costTier = byId(ctx.rows, isCostTier);
  const { tier2, start } = ctx.rows;
  doc.projects.forEach((table, p) => {
    const base = start[p] ?? 0;
    const total = table.budget.total;
    if (!(total > 0)) return;
    // One pass without arrays: most tables have exactly one money row under 成本指标.
    let rows = 0;
    let sum = 0;
    let only = -1;
    let exceeded = false;
    table.indicators.forEach((ind, i) => {
      const wan = costTier(tier2[base + i] as number) ? inWanYuan(ind.target) : null;
      if (wan === null) return;
      rows++;
      sum += wan;
      only = i;
      if (wan <= total || same(wan, total)) return;
      // "≤90万元" against 89.974: the budget rounded to the target's precision, a mismatch rather than an excess.
      if (same(roundTo(total, decimals(wan)), wan)) return;
      exceeded = true;
      const message = `成本指标“${ind.target.raw.trim()}”（${fmt(wan)}万元）超过${budgetText(total)}`;
      const fix = `成本指标不应超过预算数：改为“≤${fmt(total)}万元”，或核对预算数`;
      out.push(rowFinding(ctx, p, i, ind, 'cost-exceeds-budget', 'error', message, fix));
    });
    const single = rows === 1 ? table.indicators[only] : undefined;
    if (single && !exceeded && !same(sum, total)) {
      const message = `成本指标“${single.target.raw.trim()}”（${fmt(sum)}万元）与${budgetText(total)}不一致`;
      const fix = `核对金额：成本指标一般等于预算数（“≤${fmt(total)}万元”）；若确实只核算部分成本，在描述中说明`;
      out.push(rowFinding(ctx, p, only, single, 'cost-differs-from-budget', 'warning', message, fix));
    }
    if (rows > 1 && !exceeded && sum > total && !same(sum, total)) {
      const message = `${rows} 个成本指标合计 ${fmt(sum)}万元，超过${budgetText(total)}`;
      const fix = '各项成本之和不应超过预算数：调整成本指标的金额，或核对预算数';
      out.push(projectFinding(ctx, p, 'cost-exceeds-budget', 'error', message, fix));
    }
  });
  return out;
};

/** cost-with-gte: "≥50万元" rewards spending more; the scoring engine would treat overspending as success. */
export const costWithGte: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    table.indicators.forEach((ind, i) => {
      const t = ind.target;
      if (!isCostTier(ind.tier2) || !isQuantity(t) || !isAtLeast(t.op)) return;
      if (t.dimension !== 'money' && t.dimension !== 'compound') return;
      // "50万元" with no operator reads as ≥ too: the same defect, but it may be a slip, so a warning.
      const written = t.implicitOp ? '没有写运算符，会按“≥”计分' : `写成了“${t.raw.trim()}”`;
      const message = `成本指标越低越好，指标值却${written}：花得越多得分越高`;
      const fix = `成本指标用“≤”：改为“≤${t.value}${t.unit ?? ''}”`;
      out.push(rowFinding(ctx, p, i, ind, 'cost-with-gte', t.implicitOp ? 'warning' : 'error', message, fix));
    });
  });
  return out;
};

/**
 * An amount in the project name: "自然灾害救助专项资金（12.165）", "…经费50万元". Years (2025年) are not amounts.
 * Matched on the raw name (both bracket widths): names are unique per project, so normalising them costs most.
 */
const NAME_AMOUNT = /[(（]\s*(\d+(?:\.\d+)?)\s*(?:万元|万)?\s*[)）]|(\d+(?:\.\d+)?)\s*万元/;

/** name-differs-from-budget: the name carries an amount other than 预算数 (12.165 vs 12.17). */
export const nameDiffersFromBudget: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const m = NAME_AMOUNT.exec(table.name);
    const amount = m ? Number(m[1] ?? m[2]) : Number.NaN;
    if (!Number.isFinite(amount) || same(amount, table.budget.total)) return;
    if (m?.[1] !== undefined && !m[0].includes('万') && /^(19|20)\d\d$/.test(m[1])) return; // "（2025）" is a year
    const message = `项目名称中的金额 ${fmt(amount)}万元 与预算数 ${fmt(table.budget.total)}万元 不一致`;
    const fix = '统一项目名称、预算数和成本指标中的金额（名称中可不写金额）';
    out.push(projectFinding(ctx, p, 'name-differs-from-budget', 'warning', message, fix));
  });
  return out;
};
