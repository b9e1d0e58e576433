import type { PlanMilestone } from '../../model/goals.js';
import type { Cell } from './lines.js';
import type { Problems } from './problems.js';
import { normLabel, parsePercent, quote } from './text.js';

/**
 * 资金支出计划（%）: a row of dates ("3月底" … "12月底") and a row of cumulative shares ("25%" … "100%").
 * "N月底", "N月末" and "N月" all mean the last day of month N of the table's year; "年底"/"年末" mean 12月底.
 */

/** The month a milestone word names, or null when it is not one we know. */
export function milestoneMonth(label: string): number | null {
  const s = normLabel(label);
  if (/^(年底|年末)前?$/.test(s)) return 12;
  const m = /^(\d{1,2})月份?(底|末)?前?$/.exec(s);
  return m?.[1] === undefined ? null : Number(m[1]);
}

/** Last day of a month, as yyyy-MM-dd. */
export function monthEnd(year: number, month: number): string {
  const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function parsePlan(cells: Cell[], year: number, problems: Problems, project: string): PlanMilestone[] {
  const filled = cells.filter((c) => c.text !== '');
  const firstShare = filled.findIndex((c) => parsePercent(c.text) !== undefined);
  const labels = firstShare < 0 ? filled : filled.slice(0, firstShare);
  const shares = firstShare < 0 ? [] : filled.slice(firstShare);
  const count = problems.count;

  const dates = labels.map((cell) => {
    const month = milestoneMonth(cell.text);
    if (month === null || month < 1 || month > 12) {
      const why = month === null ? '无法识别' : `没有 ${month} 月`;
      problems.error(
        'plan-date',
        cell.line,
        `资金支出计划的时间 ${quote(cell.text)} ${why}：应写作“N月底”“N月末”或“N月”（N 为 1–12）`,
        project,
      );
      return null;
    }
    return monthEnd(year, month);
  });

  const values = shares.map((cell) => {
    const pct = parsePercent(cell.text);
    if (pct === undefined || pct > 100) {
      problems.error(
        'plan-share',
        cell.line,
        `资金支出计划的比例 ${quote(cell.text)} 不是 0–100% 之间的百分比`,
        project,
      );
      return null;
    }
    return Math.round(pct * 1e6) / 1e8;
  });

  if (labels.length !== shares.length) {
    const line = (shares[shares.length - 1] ?? labels[labels.length - 1])?.line ?? 0;
    problems.error(
      'plan-count',
      line,
      `资金支出计划有 ${labels.length} 个时间、${shares.length} 个比例，两者应一一对应`,
      project,
    );
  }
  for (let i = 1; i < values.length; i++) {
    const before = values[i - 1];
    const now = values[i];
    const cell = shares[i];
    if (before != null && now != null && cell && now < before) {
      problems.error(
        'plan-not-cumulative',
        cell.line,
        `资金支出计划的比例应为累计数（逐期不减少），${quote(cell.text)} 小于前一期`,
        project,
      );
    }
  }
  if (problems.count > count) return [];

  return labels.map((cell, i) => ({ label: cell.text, date: dates[i] ?? '', cumulative: values[i] ?? 0 }));
}
