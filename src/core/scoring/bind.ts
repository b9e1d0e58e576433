import type { Problem } from '../../errors.js';
import type { ActualsDocument, IndicatorActual, ProjectActuals } from '../../model/actuals.js';
import type { GoalDocument, GoalTable, Indicator } from '../../model/goals.js';
import { type ActualValue, parseActual } from '../actual.js';

export interface BoundIndicator {
  entry: IndicatorActual;
  actual: ActualValue | null;
}

export interface BoundProject {
  table: GoalTable;
  entry: ProjectActuals;
  /** In goal-table order; one per indicator of the table. */
  indicators: BoundIndicator[];
}

export const projectLabel = (t: { code: string; name: string }) => `项目 ${t.code}（${t.name}）`;

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
  const seen = new Set<string>();
  const projects: BoundProject[] = [];
  actuals.projects.forEach((entry, pi) => {
    const table = byCode.get(entry.code);
    if (!table) {
      problems.push({
        code: 'unknown-project',
        where: `projects[${pi}]`,
        message: `目标表中没有项目编码“${entry.code}”`,
      });
      return;
    }
    if (seen.has(entry.code)) {
      problems.push({ code: 'duplicate-project', where: projectLabel(table), message: '实际完成情况中重复出现' });
      return;
    }
    seen.add(entry.code);
    if (entry.name && entry.name !== table.name) {
      problems.push({
        code: 'project-name',
        where: projectLabel(table),
        message: `项目名称“${entry.name}”与目标表不一致`,
      });
    }
    projects.push(bindProject(table, entry, problems, opts));
  });
  for (const t of goals.projects) {
    if (!seen.has(t.code))
      problems.push({ code: 'missing-project', where: projectLabel(t), message: '缺少该项目的实际完成情况' });
  }
  return { projects, problems };
}

/** One project's entries bound to its table (the entry's code is not checked here). */
export function bindProject(
  table: GoalTable,
  entry: ProjectActuals,
  problems: Problem[],
  opts: BindOptions = {},
): BoundProject {
  const where = projectLabel(table);
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
  const indicators = table.indicators.map((ind, i): BoundIndicator => {
    const e = slots[i];
    const label = `${where} 指标“${ind.name}”`;
    if (!e) {
      problems.push({
        code: 'missing-actual',
        where: label,
        message: '缺少实际完成值（不适用的指标请填写 notApplicable 及原因）',
      });
      return { entry: { name: ind.name }, actual: null };
    }
    if (e.actual === undefined || e.actual === null || e.actual === '') {
      const needsActual = !e.notApplicable && !e.grade && !opts.actualOptional?.(ind, e);
      if (needsActual) problems.push({ code: 'missing-actual', where: label, message: '缺少实际完成值 actual' });
      return { entry: e, actual: null };
    }
    const parsed = parseActual(e.actual, table.year);
    if (!parsed.ok) {
      problems.push({ code: 'bad-actual', where: label, message: parsed.message });
      return { entry: e, actual: null };
    }
    return { entry: e, actual: parsed.value };
  });
  return { table, entry, indicators };
}
