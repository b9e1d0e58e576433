import type { Problem } from '../../errors.js';
import type { ActualsDocument, IndicatorActual, ProjectActuals } from '../../model/actuals.js';
import type { GoalDocument, GoalTable, Indicator } from '../../model/goals.js';
import { type ActualValue, parseActual } from '../actual.js';
import { notApplicableReason } from '../target/compound.js';

export interface BoundIndicator {
  entry: IndicatorActual;
  actual: ActualValue | null;
  /** Nothing entered yet (no actual, grade or 不适用), or what was entered does not read; located. */
  unfilled?: Problem;
  invalid?: Problem;
}

export interface BoundProject {
  table: GoalTable;
  entry: ProjectActuals;
  /** In goal-table order; one per indicator of the table. */
  indicators: BoundIndicator[];
  /** Problems of the project as a whole: its name, entries that match no indicator, no entry at all. */
  problems: Problem[];
  /** Nothing of the project is filled in yet (no 全年执行数, no actual): one problem says so, not one per row. */
  unfilled: boolean;
}

/** How messages name a project: by its 项目编码, or by name for a table that printed none (its id is no code). */
export const projectLabel = (t: { code: string; name: string; codeGenerated?: true }) =>
  t.codeGenerated ? `项目「${t.name}」（未填写项目编码）` : `项目 ${t.code}（${t.name}）`;

/**
 * Match the evaluator's entries to the goal tables: projects by 项目编码, indicators by 三级指标 name (and 二级 when
 * a name repeats). Every mismatch is collected: unknown project or indicator, a missing one, an unreadable actual.
 */
export interface BindOptions {
  /** Mid-year: a deadline not reached yet has no completion date to enter. */
  actualOptional?: (ind: Indicator, entry: IndicatorActual) => boolean;
}

export function bindActuals(
  goals: GoalDocument,
  actuals: ActualsDocument,
  opts: BindOptions = {},
): { projects: BoundProject[]; problems: Problem[] } {
  const problems: Problem[] = [];
  const byCode = new Map(goals.projects.map((t) => [t.code, t]));
  const entries = new Map<string, ProjectActuals>();
  actuals.projects.forEach((entry, pi) => {
    const table = byCode.get(entry.code);
    if (!table) {
      problems.push({
        code: 'unknown-project',
        where: `实际完成情况第${pi + 1}个项目`,
        message: `目标表中没有项目编码“${entry.code}”`,
      });
    } else if (entries.has(entry.code)) {
      problems.push({ code: 'duplicate-project', where: projectLabel(table), message: '实际完成情况中重复出现' });
    } else entries.set(entry.code, entry);
  });
  // Every project of the goal table is bound: one without an entry is wholly unfilled.
  const projects = goals.projects.map((table) => {
    const entry = entries.get(table.code);
    if (entry) return bindProject(table, entry, opts);
    const bound = bindProject(table, { code: table.code, budget: {}, indicators: [] }, opts);
    bound.problems.push({ code: 'missing-project', where: projectLabel(table), message: '缺少该项目的实际完成情况' });
    return bound;
  });
  return { projects, problems };
}

/** One project's entries bound to its table (the entry's code is not checked here). */
export function bindProject(table: GoalTable, entry: ProjectActuals, opts: BindOptions = {}): BoundProject {
  const where = projectLabel(table);
  const problems: Problem[] = [];
  if (entry.name && entry.name !== table.name) {
    problems.push({ code: 'project-name', where, message: `项目名称“${entry.name}”与目标表不一致` });
  }
  const slots: (IndicatorActual | undefined)[] = new Array(table.indicators.length);
  entry.indicators.forEach((ia, k) => {
    // Fast path: the entry sits at its own row, as the template writes it.
    const same = table.indicators[k];
    if (same && same.name === ia.name && (!ia.tier2 || ia.tier2 === same.tier2) && slots[k] === undefined) {
      slots[k] = ia;
      return;
    }
    // Otherwise by name (and tier-2 when given); a repeated name is matched in table order.
    const free: number[] = [];
    let known = false;
    table.indicators.forEach((ind, i) => {
      if (ind.name !== ia.name || (ia.tier2 && ind.tier2 !== ia.tier2)) return;
      known = true;
      if (slots[i] === undefined) free.push(i);
    });
    const label = `${where} 第${k + 1}条实际值“${ia.name}”`;
    if (!known) problems.push({ code: 'unknown-indicator', where: label, message: '目标表中没有这个三级指标' });
    else if (free.length === 0)
      problems.push({ code: 'duplicate-indicator', where: label, message: '同一指标填写了两次' });
    else slots[free[0] as number] = ia;
  });
  const empty = entry.budget.executed === undefined && entry.indicators.every((e) => !filled(e));
  const indicators = table.indicators.map((ind, i): BoundIndicator => {
    const e = slots[i];
    const label = `${where} 指标“${ind.name}”`;
    // The goal table itself says the row does not apply ("本项目不适用此指标"): 不适用 with nothing to enter.
    if (ind.target.direction === 'not-applicable') {
      const base = e ?? { name: ind.name };
      const notApplicable = base.notApplicable ?? notApplicableReason(ind.target.raw);
      return { entry: { ...base, notApplicable }, actual: null };
    }
    if (!e) {
      // A wholly unfilled project is said once; a missing row of a filled one is named.
      const unfilled = {
        code: 'missing-actual',
        where: label,
        message: '缺少实际完成值（不适用的指标请填写不适用原因）',
      };
      return empty
        ? { entry: { name: ind.name }, actual: null }
        : { entry: { name: ind.name }, actual: null, unfilled };
    }
    if (e.actual === undefined || e.actual === null || e.actual === '') {
      const needsActual = !e.notApplicable && !e.grade && !opts.actualOptional?.(ind, e);
      if (!needsActual || empty) return { entry: e, actual: null };
      return { entry: e, actual: null, unfilled: { code: 'missing-actual', where: label, message: '缺少实际完成值' } };
    }
    const parsed = parseActual(e.actual, table.year);
    if (!parsed.ok)
      return { entry: e, actual: null, invalid: { code: 'bad-actual', where: label, message: parsed.message } };
    return { entry: e, actual: parsed.value };
  });
  if (empty && problems.length === 0 && entry.indicators.length > 0)
    problems.push({ code: 'project-unfilled', where, message: '该项目尚未填写（执行数和各指标实际完成值均为空）' });
  return { table, entry, indicators, problems, unfilled: empty };
}

/** The evaluator wrote something for this indicator. */
const filled = (e: IndicatorActual) =>
  (e.actual !== undefined && e.actual !== null && e.actual !== '') || Boolean(e.grade || e.notApplicable || e.override);
