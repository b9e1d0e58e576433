import { parseActual } from '../../core/actual.js';
import { fractionInPercent } from '../../core/scoring/compare-units.js';
import type { Problem } from '../../errors.js';
import type { ActualsDocument, IndicatorActual } from '../../model/actuals.js';
import type { GoalTable } from '../../model/goals.js';
import { quote } from '../goal-document/text.js';
import {
  CAUSES,
  type FundsKey,
  GRADES,
  type IndicatorKey,
  LIKELIHOODS,
  NOTE_LABELS,
  PERIOD_LABELS,
} from './columns.js';
import { cellText, type Grid, headerKey } from './grid.js';
import type { SheetReader, SheetRecord } from './records.js';

/** One 指标 row and the 说明 sheet of the actuals workbook (see actuals.ts). */

/** A CSV of the 指标 sheet may carry the 资金 columns too, keyed apart from the indicator's own. */
export type FundField = `fund_${FundsKey}`;
export type Key = IndicatorKey | FundField;

/** One indicator row → IndicatorActual; null when it names no indicator of the table (reported). */
export function readIndicator(ind: SheetReader<Key>, rec: SheetRecord, table: GoalTable): IndicatorActual | null {
  const name = ind.text(rec, 'name');
  const tier2 = ind.text(rec, 'tier2');
  if (!name) {
    ind.problem(rec, 'name', 'missing-name', '三级指标为空');
    return null;
  }
  const known = table.indicators.filter((i) => i.name === name);
  if (known.length === 0 || (tier2 && !known.some((i) => i.tier2 === tier2))) {
    const under = known.length > 0 ? `二级指标 ${quote(tier2 ?? '')} 下` : '';
    ind.problem(rec, 'name', 'unknown-indicator', `项目 ${table.code} 的目标表${under}没有三级指标 ${quote(name)}`);
    return null;
  }
  const out: IndicatorActual = { name };
  if (tier2) out.tier2 = tier2;
  const actual = ind.value(rec, 'actual');
  if (actual !== undefined) {
    const parsed = parseActual(actual, table.year);
    if (!parsed.ok) ind.problem(rec, 'actual', 'bad-actual', parsed.message);
    else {
      // A share in a cell not formatted as % (a percent-formatted cell reads as "93%"): asked at the cell.
      const target = (known.find((i) => !tier2 || i.tier2 === tier2) ?? known[0])?.target;
      const fraction =
        target && 'unit' in target && parsed.value.kind === 'number' ? fractionInPercent(target, parsed.value) : null;
      if (fraction) ind.problem(rec, 'actual', 'percent-as-fraction', fraction);
    }
    out.actual = actual;
  }
  const grade = ind.oneOf(rec, 'grade', GRADES);
  if (grade) out.grade = grade;
  const score = ind.number(rec, 'score');
  if (score !== undefined) out.score = score;
  for (const key of ['notApplicable', 'reason', 'remedy', 'evidence'] as const) {
    const v = ind.text(rec, key);
    if (v !== undefined) out[key] = v;
  }
  const cause = ind.oneOf(rec, 'cause', CAUSES);
  if (cause) out.cause = cause;
  const likelihood = ind.oneOf(rec, 'likelihood', LIKELIHOODS);
  if (likelihood) out.likelihood = likelihood;
  const overrideScore = ind.number(rec, 'overrideScore');
  const overrideReason = ind.text(rec, 'overrideReason');
  if (overrideScore !== undefined) {
    out.override = { score: overrideScore, ...(overrideReason ? { reason: overrideReason } : {}) };
  } else if (overrideReason) {
    ind.problem(rec, 'overrideScore', 'override-score', '填写了调整理由，但没有调整得分');
  }
  return out;
}

/** 说明 sheet: 填报类型 and 截止日期 by their labels in column A. */
export function readNotes(grid: Grid, year: number, problems: Problem[]): Pick<ActualsDocument, 'period' | 'asOf'> {
  const find = (label: string) => {
    const r = grid.rows.findIndex((row) => headerKey(cellText(row[0])) === label);
    return r < 0 ? null : { row: r + 1, text: cellText(grid.rows[r]?.[1]) };
  };
  const kind = find(NOTE_LABELS.period);
  const labels = Object.entries(PERIOD_LABELS) as [ActualsDocument['period'], string][];
  const period = labels.find(([id, label]) => kind?.text === label || kind?.text === id)?.[0] ?? 'year-end';
  if (kind && !labels.some(([id, label]) => kind.text === label || kind.text === id)) {
    const where = `${grid.name} 第${kind.row}行 ${NOTE_LABELS.period}`;
    problems.push({ code: 'period', where, message: `${quote(kind.text)} 应为“年终自评”或“运行监控”` });
  }
  if (period === 'year-end') return { period };
  const date = find(NOTE_LABELS.asOf);
  const m = /^(\d{4})[-/年.](\d{1,2})[-/月.](\d{1,2})日?$/.exec(date?.text ?? '');
  if (!m) {
    const where = `${grid.name} 第${date?.row ?? 4}行 ${NOTE_LABELS.asOf}`;
    problems.push({ code: 'as-of', where, message: `运行监控须填写截止日期，如 ${year}-06-30` });
    return { period };
  }
  return { period, asOf: `${m[1]}-${m[2]?.padStart(2, '0')}-${m[3]?.padStart(2, '0')}` };
}
