import type { Review } from '../core/review.js';
import type { Problem } from '../errors.js';
import { fmtScore } from './format.js';
import { rowReason } from './review-words.js';

/** One table of a batch review: its re-score, or why it could not be read. */
export type BatchEntry =
  | { file: string; unit: string; review: Review }
  | { file: string; error: { message: string; problems: Problem[] } };

/** A row the rule does not support: the unit's score differs from the rule's, or the rule cannot score it. */
export interface UnsupportedRow {
  name: string;
  selfScore: string;
  score: string;
  reason: string;
}

/** One summary line per table, every figure printed to the rule set's decimals. */
export interface SummaryRow {
  file: string;
  project: string;
  unit: string;
  selfTotal: string;
  total: string;
  grade: string;
  gap: string;
  /** 一致 / 有差异 / 无法读取 */
  status: string;
  unsupported: UnsupportedRow[];
  error: string;
}

export interface BatchSummary {
  rows: SummaryRow[];
  counts: { tables: number; consistent: number; gaps: number; unreadable: number };
}

/** The located error of an unreadable table in one line: the message, then each problem's place and text. */
export const errorText = (e: { message: string; problems: Problem[] }) =>
  [e.message, ...e.problems.slice(0, 5).map((p) => `${p.where}：${p.message}`)].join('；') +
  (e.problems.length > 5 ? `；另有 ${e.problems.length - 5} 处` : '');

export function batchSummary(entries: readonly BatchEntry[], decimals: number): BatchSummary {
  const d = Math.max(decimals, 1);
  const n = (x: number | null) => (x === null ? '—' : fmtScore(x, d));
  const signed = (x: number) => (Math.abs(x) < 1e-9 ? '0' : `${x > 0 ? '+' : ''}${fmtScore(x, d)}`);
  const counts = { tables: entries.length, consistent: 0, gaps: 0, unreadable: 0 };
  const rows = entries.map((e): SummaryRow => {
    if ('error' in e) {
      counts.unreadable++;
      const blank = { project: '', unit: '', selfTotal: '', total: '', grade: '', gap: '', unsupported: [] };
      return { file: e.file, ...blank, status: '无法读取', error: errorText(e.error) };
    }
    const r = e.review;
    const unsupported = r.indicators
      .filter((i) => i.score === null || (i.gap !== null && Math.abs(i.gap) > 1e-9))
      .map((i) => ({
        name: i.name,
        selfScore: n(i.selfScore),
        score: n(i.score),
        reason: rowReason(i),
      }));
    const b = r.budget;
    if (b.score !== null && b.selfScore !== null && Math.abs(b.selfScore - b.score) > 1e-9) {
      const why = rowReason(b);
      unsupported.unshift({ name: '预算执行率', selfScore: n(b.selfScore), score: n(b.score), reason: why });
    }
    const gap = r.selfTotal === null ? null : r.selfTotal - r.total;
    const differs = unsupported.length > 0 || (gap !== null && Math.abs(gap) > 1e-9);
    if (differs) counts.gaps++;
    else counts.consistent++;
    return {
      file: e.file,
      project: r.project || '（未填项目名称）',
      unit: e.unit,
      selfTotal: n(r.selfTotal),
      total: n(r.total),
      grade: r.grade,
      gap: gap === null ? '—' : signed(gap),
      status: differs ? '有差异' : '一致',
      unsupported,
      error: '',
    };
  });
  return { rows, counts };
}

/** The summary's closing line: how many tables, how many consistent, with gaps, unreadable. */
export const summaryLine = (c: BatchSummary['counts']) =>
  `共 ${c.tables} 张自评表：${c.consistent} 张与规则一致，${c.gaps} 张有差异，${c.unreadable} 张无法读取`;

/** Flat rows for csv and the summary sheet: one per table, unsupported rows joined into one cell. */
export const SUMMARY_HEAD = [
  '文件',
  '项目名称',
  '单位',
  '自评总分',
  '复核总分',
  '等级',
  '差额',
  '结论',
  '规则不支持的行',
  '无法读取的原因',
];

export function flatRows(s: BatchSummary): string[][] {
  return s.rows.map((r) => [
    r.file,
    r.project,
    r.unit,
    r.selfTotal,
    r.total,
    r.grade,
    r.gap,
    r.status,
    r.unsupported.map((u) => `${u.name}（自评 ${u.selfScore}，规则 ${u.score}）：${u.reason}`).join('\n'),
    r.error,
  ]);
}
