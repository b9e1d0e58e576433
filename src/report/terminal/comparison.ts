import type { YearComparison } from '../../core/compare/index.js';
import { fmtScoreBy } from '../format.js';
import { type ComparisonFmt, changeText, comparisonParagraph, unmatchedText } from '../year-comparison.js';
import { textTable, wrapLine } from './table.js';

/** `score --previous` in the terminal: per project last year's actual and score beside this year's. */
export function comparisonText(c: YearComparison, f: ComparisonFmt): string {
  const parts: string[] = ['与上年比较'];
  const s = (x: number) => fmtScoreBy(x, f.indicator);
  for (const p of c.projects) {
    parts.push('', wrapLine(`${p.code}（${p.name}）`), ...comparisonParagraph(p, f).map((l) => wrapLine(l)));
    if (!p.previous) continue;
    const rows = p.indicators.map((i) => [
      i.name,
      i.previous?.actual ?? '—',
      i.previous ? s(i.previous.score) : '—',
      i.actual ?? '—',
      s(i.score),
      i.change === null ? (i.previous ? '不可比' : '上年无') : changeText(i.change, f.indicator),
    ]);
    parts.push(
      textTable(['三级指标', '上年实际', '上年得分', '本年实际', '本年得分', '变化'], [28, 14, 10, 14, 10, 17], rows),
    );
  }
  const rest = unmatchedText(c);
  if (rest) parts.push('', wrapLine(rest));
  return `${parts.join('\n')}\n`;
}
