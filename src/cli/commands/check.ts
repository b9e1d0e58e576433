import Table from 'cli-table3';
import {
  checkByProject,
  type Finding,
  type FindingSummary,
  SEVERITY_LABEL,
  summarise,
} from '../../core/check/index.js';
import { UserError } from '../../errors.js';
import { readGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import type { GoalDocument } from '../../model/goals.js';
import { shownCode } from '../../report/format.js';
import { goalsOptions } from '../goals-year.js';

export interface CheckCommandOptions {
  /** The year for a goal document that states none (`--year`). */
  year?: string;
  format: string;
  rules: string;
}

/**
 * `jixiao check GOALS`: the target review (绩效目标审核). Prints the findings as a table per project or as JSON
 * and returns the exit code: 1 when any finding is an error (the table should not be submitted), else 0.
 */
export async function runCheck(goalsPath: string, opts: CheckCommandOptions): Promise<number> {
  if (opts.format !== 'table' && opts.format !== 'json') {
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  }
  const goals = (await readGoals(goalsPath, goalsOptions(opts.year))).doc;
  const { ruleSet } = await loadRuleSet(opts.rules);
  const byProject = checkByProject(goals, { tierNames: Object.keys(ruleSet.tiers.weights) });
  const findings = byProject.flat();
  const summary = summarise(findings);
  process.stdout.write(
    opts.format === 'json'
      ? `${JSON.stringify({ findings, summary }, null, 2)}\n`
      : renderTable(goals, byProject, summary),
  );
  return summary.error > 0 ? 1 : 0;
}

const HEAD = ['级别', '行', '二级指标', '三级指标', '问题', '建议修改', '代码'];
const WIDTHS = [6, 4, 14, 20, 40, 30, 26];

/** One table per project, in document order (clean projects say so), then the totals. `byProject` is aligned. */
export function renderTable(goals: GoalDocument, byProject: readonly Finding[][], summary: FindingSummary): string {
  const parts: string[] = [];
  goals.projects.forEach((table, p) => {
    const mine = byProject[p] ?? [];
    const title = `${p + 1}. ${shownCode(table)}  ${table.name}`;
    if (mine.length === 0) {
      parts.push(`${title}\n  未发现问题\n`);
      return;
    }
    const t = new Table({ head: HEAD, colWidths: WIDTHS, style: { head: [], border: [] } });
    for (const f of mine) {
      const cells = [
        SEVERITY_LABEL[f.severity],
        f.indicator ? String(f.indicator.no) : '—',
        f.indicator?.tier2 ?? '（项目）',
        f.indicator?.name ?? '',
        f.message,
        f.fix,
        f.code,
      ];
      t.push(cells.map((c, k) => wrap(c, (WIDTHS[k] ?? 10) - 2)));
    }
    parts.push(`${title}\n${t.toString()}\n`);
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

/** Characters a terminal draws two columns wide: CJK, kana, hangul and full-width forms. */
const WIDE =
  /[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/;

/**
 * Break text into lines of at most `width` columns. cli-table3 wraps at spaces and Chinese has none, so it
 * would cut the text off; breaking here keeps every character.
 */
export function wrap(text: string, width: number): string {
  const lines: string[] = [];
  let line = '';
  let used = 0;
  for (const ch of text) {
    const w = WIDE.test(ch) ? 2 : 1;
    if (used + w > width && line !== '') {
      lines.push(line);
      line = '';
      used = 0;
    }
    line += ch;
    used += w;
  }
  lines.push(line);
  return lines.join('\n');
}
