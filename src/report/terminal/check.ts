import { type Finding, type FindingSummary, SEVERITY_LABEL } from '../../core/check/index.js';
import type { GoalDocument } from '../../model/goals.js';
import { shownCode } from '../format.js';
import { textTable } from './table.js';

/**
 * `jixiao check` in the terminal: one table per project in document order (clean projects say so), then the
 * totals, within 100 columns. The finding's code (for filtering) is in the JSON only: it is not a word for users.
 */
const HEAD = ['级别', '行', '二级指标', '三级指标', '问题', '建议修改'];
const WIDTHS = [6, 5, 12, 18, 30, 22];

/** `byProject` is aligned with `goals.projects`. */
export function checkTable(goals: GoalDocument, byProject: readonly Finding[][], summary: FindingSummary): string {
  const parts: string[] = [];
  goals.projects.forEach((table, p) => {
    const mine = byProject[p] ?? [];
    const title = `${p + 1}. ${shownCode(table)}  ${table.name}`;
    if (mine.length === 0) {
      parts.push(`${title}\n  未发现问题\n`);
      return;
    }
    const rows = mine.map((f) => [
      SEVERITY_LABEL[f.severity],
      f.indicator ? String(f.indicator.no) : '—',
      f.indicator?.tier2 ?? '（项目）',
      f.indicator?.name ?? '',
      f.message,
      f.fix,
    ]);
    parts.push(`${title}\n${textTable(HEAD, WIDTHS, rows)}\n`);
  });
  parts.push(summaryLine(goals.projects.length, summary));
  return `${parts.join('\n')}\n`;
}

function summaryLine(projects: number, s: FindingSummary): string {
  const counts = `错误 ${s.error} 条，警告 ${s.warning} 条，提示 ${s.info} 条`;
  if (s.error + s.warning + s.info === 0) return `绩效目标审核：${projects} 个项目，未发现问题`;
  const verdict = s.error > 0 ? '有错误，请修改后再报送' : '无错误，请逐条核对警告和提示';
  return `绩效目标审核：${projects} 个项目，${counts}。${verdict}`;
}
