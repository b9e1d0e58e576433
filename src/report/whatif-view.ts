import type { ScoringRules } from '../core/scoring/types.js';
import type { ProjectWhatIf } from '../core/whatif/index.js';
import { fmtScore, shownCode } from './format.js';

/** What-if for one project: full-marks actuals per row, and the fewest changes to the goal, in words. */
export function whatIfView(r: ProjectWhatIf, rules: ScoringRules) {
  const d = rules.ruleSet.rounding.indicator.decimals;
  const goal = r.goal;
  let verdict: string;
  if (goal === null) verdict = '已是最高等级。';
  else if (r.current.total >= goal.total) verdict = `已达到 ${fmtScore(goal.total, d)} 分（${goal.grade}），无需改变。`;
  else if (r.reached === null)
    verdict = `在本规则集的公式下达不到 ${fmtScore(goal.total, d)} 分（${goal.grade}）：全部得满分也只有 ${fmtScore(r.best, d)} 分。`;
  else
    verdict = `达到 ${fmtScore(goal.total, d)} 分（${goal.grade}）最少需要改变 ${r.changes.length} 项，改后总分 ${fmtScore(r.reached.total, d)}（${r.reached.grade}）。`;
  return {
    code: shownCode(r),
    name: r.name,
    grades: rules.ruleSet.grades.bands.map((b) => b.grade),
    current: `${fmtScore(r.current.total, d)}（${r.current.grade}）`,
    verdict,
    changes: r.changes.map((c) => ({
      what: c.no === 0 ? `预算：${c.name}` : `第${c.no}项 ${c.name}`,
      from: c.from ?? '（未填）',
      to: c.to,
      gain: `+${fmtScore(c.gain, d)}`,
    })),
    indicators: r.indicators.map((i) => ({
      no: i.no,
      name: i.name,
      target: i.target,
      weight: fmtScore(i.weight, d),
      score: fmtScore(i.score, d),
      full: i.score >= i.weight,
      needs: i.fullMarks.text,
    })),
  };
}
