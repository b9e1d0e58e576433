import type { ScoringRules } from '../../core/scoring/types.js';
import type { ProjectWhatIf } from '../../core/whatif/index.js';
import { whatIfView } from '../whatif-view.js';
import { textTable, wrapLine } from './table.js';

/** `jixiao whatif` in the terminal: the same view-model as the workbench's 测算 page, within 100 columns. */
const HEAD = ['序号', '三级指标', '指标值', '分值', '当前得分', '满分所需实际完成值'];
const WIDTHS = [6, 26, 14, 8, 10, 29];

export function whatIfTable(p: ProjectWhatIf, rules: ScoringRules): string {
  const v = whatIfView(p, rules);
  const rows = v.indicators.map((i) => [String(i.no), i.name, i.target, i.weight, i.score, i.needs]);
  const lines = [wrapLine(`${v.code}  ${v.name}  当前总分 ${v.current}`), textTable(HEAD, WIDTHS, rows), v.verdict];
  for (const c of v.changes) lines.push(wrapLine(`  ${c.what}：${c.from} → ${c.to}（${c.gain} 分）`, 4));
  return `${lines.join('\n')}\n`;
}
