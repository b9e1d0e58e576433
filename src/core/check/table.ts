import { num, percent } from '../rounding.js';
import { type Check, eachRow, type Finding, projectFinding, rowFinding } from './finding.js';
import { same } from './text.js';

/** The table's frame: budget split, 资金支出计划, 指标值确定依据, project codes. */

const pct = (share: number) => percent(share, 4);
/** 万元 to the 元 cent. */
const fmt = (n: number) => num(n, 6);

/**
 * plan-not-monotone: the plan is cumulative (3月底 25%, 6月底 50% …), so a later milestone can never be lower,
 * and milestones must run forward in time. Monitoring compares spending with it, so a broken plan is an error.
 */
export const planNotMonotone: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const plan = table.spendingPlan;
    for (let k = 1; k < plan.length; k++) {
      const a = plan[k - 1];
      const b = plan[k];
      if (!a || !b) continue;
      const backwards = b.cumulative < a.cumulative && !same(a.cumulative, b.cumulative);
      if (!backwards && b.date > a.date) continue;
      const message = backwards
        ? `资金支出计划是累计数，${b.label} ${pct(b.cumulative)} 却低于 ${a.label} ${pct(a.cumulative)}`
        : `资金支出计划的时间没有按先后排列：${a.label}（${a.date}）之后是 ${b.label}（${b.date}）`;
      const fix = '按时间先后填写累计支出比例，逐期不减，最后一期为100%';
      out.push(projectFinding(ctx, p, 'plan-not-monotone', 'error', message, fix));
      break; // one finding per plan: the fix is to rewrite it
    }
  });
  return out;
};

/**
 * plan-incomplete: a plan that stops short of 100% leaves part of the budget unspent by design (error).
 * plan-missing: no plan at all; monitoring has nothing to compare with, but the goals can still be scored.
 */
export const planIncomplete: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const plan = table.spendingPlan;
    if (plan.length === 0) {
      const message = '没有资金支出计划，运行监控无法对照序时进度';
      const fix = '填写资金支出计划（如 3月底 25%、6月底 50%、10月底 75%、12月底 100%）';
      out.push(projectFinding(ctx, p, 'plan-missing', 'warning', message, fix));
      return;
    }
    const last = plan.reduce((m, s) => (s.date > m.date ? s : m));
    if (same(last.cumulative, 1)) return;
    const message = `资金支出计划到 ${last.label} 累计只有 ${pct(last.cumulative)}，没有达到100%`;
    out.push(
      projectFinding(ctx, p, 'plan-incomplete', 'error', message, '最后一期（一般为12月底）累计支出比例应为100%'),
    );
  });
  return out;
};

/** budget-split: 财政资金 + 其他资金 must equal 预算数 (a blank cell is 0). */
export const budgetSplit: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const { total, fiscal, other } = table.budget;
    if (fiscal === null && other === null) return; // nothing split out: there is nothing to add up
    const sum = (fiscal ?? 0) + (other ?? 0);
    if (same(sum, total)) return;
    const message = `财政资金 ${fmt(fiscal ?? 0)} + 其他资金 ${fmt(other ?? 0)} = ${fmt(sum)}万元，与预算数 ${fmt(total)}万元不符`;
    const fix = '核对预算数与资金来源，使财政资金与其他资金之和等于预算数';
    out.push(projectFinding(ctx, p, 'budget-split', 'error', message, fix));
  });
  return out;
};

/**
 * budget-not-positive: 预算数 0 or below leaves nothing to execute, so 预算执行率 (executed ÷ budget) cannot be
 * scored and every cost check compares with nothing (error). Usually a cell left 0 or a sign typed by mistake.
 */
export const budgetNotPositive: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const { total } = table.budget;
    if (total > 0) return;
    const message =
      total === 0 ? '预算数为 0 万元，预算执行率无法计算' : `预算数 ${fmt(total)}万元 是负数，预算执行率无法计算`;
    out.push(projectFinding(ctx, p, 'budget-not-positive', 'error', message, '填写项目的预算数（万元，大于 0）'));
  });
  return out;
};

/** Cells that say nothing: "无", "/", "-". */
const EMPTY_BASIS = /^(?:|无|暂无|\/|-|—|－|\\)$/;
const BASIS_FIX = '写明指标值的来源：计划标准、行业标准、历史标准、预算支出标准或文件文号';

/** basis-missing: a target with no 指标值确定依据 cannot be defended when the finance bureau asks. */
export const basisMissing: Check = (doc, ctx) =>
  eachRow(doc, (p, i, ind) => {
    // A real basis ("唐字【2014】21号") is longer than any empty spelling: skip the lookup for it.
    if (ind.basis.trim().length > 2 || !EMPTY_BASIS.test(ctx.norm(ind.basis))) return null;
    return rowFinding(ctx, p, i, ind, 'basis-missing', 'warning', '指标值确定依据为空', BASIS_FIX);
  });

/** duplicate-project-code: 项目编码 identifies a project in every later step (actuals, scores, reports). */
export const duplicateProjectCode: Check = (doc, ctx) => {
  const first = new Map<string, number>();
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const code = table.code.trim();
    const j = first.get(code);
    if (j === undefined) {
      first.set(code, p);
      return;
    }
    const message = `项目编码 ${code} 与第 ${j + 1} 个项目“${doc.projects[j]?.name ?? ''}”重复`;
    out.push(
      projectFinding(ctx, p, 'duplicate-project-code', 'error', message, '核对项目编码，每个项目使用唯一的编码'),
    );
  });
  return out;
};
