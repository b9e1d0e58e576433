import type { IndicatorComparison, ProjectComparison, YearComparison } from '../core/compare/index.js';
import type { Rounding } from '../model/rule-set.js';
import { fmtGrade, fmtScoreBy } from './format.js';

/** How scores are printed: the rule set's rounding for indicators and for the total. */
export interface ComparisonFmt {
  indicator: Rounding;
  total: Rounding;
}

const listed = (names: readonly string[]) => (names.length > 0 ? `：${names.join('、')}` : '');

/** "提高 3.41 分" / "下降 1.20 分" / "持平". */
export function changeText(change: number, rounding: Rounding): string {
  if (change === 0) return '持平';
  return `${change > 0 ? '提高' : '下降'} ${fmtScoreBy(Math.abs(change), rounding)} 分`;
}

const named = (i: IndicatorComparison) => i.name;

/**
 * The 自评报告's paragraph comparing the project with last year: the total up or down by N 分, the grade, the
 * indicators whose score rate rose or fell, and those without a counterpart. Built from the data only.
 */
export function comparisonParagraph(c: ProjectComparison, f: ComparisonFmt): string[] {
  const last = c.previous;
  if (!last) return ['上年评分结果中没有本项目（按项目编码和项目名称均未找到），无法与上年比较。'];
  const by = last.matchedBy === 'name' ? `（按项目名称对应，上年项目编码 ${last.code}）` : '';
  const grade =
    last.grade === c.grade
      ? `，等级同为“${fmtGrade(c.grade)}”`
      : `，等级由“${fmtGrade(last.grade)}”变为“${fmtGrade(c.grade)}”`;
  const total = fmtScoreBy(c.total, f.total);
  const lastTotal = fmtScoreBy(last.total, f.total);
  const change =
    c.change === null ? '' : `，${c.change === 0 ? '与上年持平' : `比上年${changeText(c.change, f.total)}`}`;
  const lines = [
    `与上年（${last.year} 年）比较${by}：本年自评总分 ${total} 分，上年 ${lastTotal} 分${last.incomplete ? '（上年未完成评分）' : ''}${change}${grade}。`,
  ];
  const up = c.indicators.filter((i) => i.trend === 'up');
  const down = c.indicators.filter((i) => i.trend === 'down');
  const same = c.indicators.filter((i) => i.trend === 'same');
  const compared = up.length + down.length + same.length;
  if (compared > 0) {
    lines.push(
      `可比的 ${compared} 项三级指标中，得分率提高 ${up.length} 项${listed(up.map(named))}；下降 ${down.length} 项${listed(down.map(named))}；持平 ${same.length} 项。`,
    );
  }
  const fresh = c.indicators.filter((i) => i.previous === null).map(named);
  if (fresh.length > 0) lines.push(`本年新增、上年没有对应的指标${listed(fresh)}。`);
  if (c.dropped.length > 0) lines.push(`上年有、本年没有的指标${listed(c.dropped.map((d) => d.name))}。`);
  const other = c.indicators.filter((i) => i.previous !== null && i.trend === null).map(named);
  if (other.length > 0) lines.push(`不适用或未评分、无法比较的指标${listed(other)}。`);
  return lines;
}

/** The last year's projects no project of this year matched, for the end of a run. */
export function unmatchedText(c: YearComparison): string | null {
  if (c.unmatched.length === 0) return null;
  return `上年评分结果中有 ${c.unmatched.length} 个项目本年没有对应（按项目编码和项目名称）${listed(c.unmatched.map((p) => `${p.name}（${p.code}）`))}`;
}
