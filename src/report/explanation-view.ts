import type { Explanation, ProjectScore } from '../core/scoring/types.js';
import { type Bibliography, type BibliographyEntryView, bibliography, citationText } from './citation.js';
import { describeRounding, explanationLines, formatFormula, formatInputs } from './explanation.js';

/** One numbered 评分说明 entry: how a score was reached, in the engine's own words. */
export interface ExplanationView {
  no: string;
  label: string;
  score: string;
  formula: string;
  inputs: string;
  steps: string[];
  capped: string;
  rounding: string;
  /** Reference into `sources` ("[1]"): a rule's citation is printed once, not under every row it scores. */
  source: string;
  evidence: string | null;
}

export interface SourceView {
  ref: string;
  rule: string;
  text: string;
}

const RULE_LABEL: Record<string, string> = {
  execution: '预算执行率',
  'scoring.positive': '正向指标',
  'scoring.reverse': '反向指标',
  'scoring.equal': '等于型指标',
  'scoring.range': '区间指标',
  'scoring.zeroTarget': '指标值为0的指标',
  'scoring.deadline': '时限指标',
  'scoring.qualitative': '定性指标',
  'scoring.notApplicable': '不适用指标',
};

/** The budget row, then every indicator in table order, with the cited rules collected once. */
export function explanations(
  p: ProjectScore,
  score: (x: number) => string,
  cited: Bibliography,
): { items: ExplanationView[]; sources: SourceView[]; bibliography: BibliographyEntryView[] } {
  const sources: SourceView[] = [];
  const seen = new Map<string, string>();
  const refOf = (e: Explanation) => {
    if (e.rule === null || e.source === null) return '';
    const key = `${e.rule}\u0000${JSON.stringify(e.source)}`;
    let ref = seen.get(key);
    if (ref === undefined) {
      ref = `[${sources.length + 1}]`;
      seen.set(key, ref);
      sources.push({ ref, rule: RULE_LABEL[e.rule] ?? e.rule, text: citationText(e.source, cited) });
    }
    return ref;
  };
  const item = (no: number, label: string, x: number, e: Explanation, evidence?: string): ExplanationView => ({
    no: String(no),
    label,
    score: score(x),
    formula: formatFormula(e.formula),
    inputs: formatInputs(e.inputs) || '—',
    steps: explanationLines(e),
    capped: e.capped ? '是，按分值封顶' : '否',
    rounding: describeRounding(e.rounding),
    source: refOf(e),
    evidence: evidence ?? null,
  });
  const items = [
    item(1, '预算执行率', p.budget.score, p.budget.explanation),
    ...p.indicators.map((i, k) => item(k + 2, `${i.tier2} · ${i.name}`, i.score, i.explanation, i.evidence)),
  ];
  const used = [p.budget.explanation, ...p.indicators.map((i) => i.explanation)].flatMap((e) =>
    e.source === null ? [] : [e.source],
  );
  return { items, sources, bibliography: bibliography(used, cited) };
}
