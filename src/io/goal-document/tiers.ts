import { normLabel } from './text.js';

/**
 * 一级 and 二级 indicator names as templates print them, read as the standard tiers the rule sets weight:
 * a tier's printed 分值 noted, template instructions and spacing dropped, group names mapped to the standard ones.
 */

/** "成本指标(10分)" → 成本指标, noting its 10 points; a score range ("成本指标(0-20)分") dropped; else as printed. */
export function tierWeight(text: string, weights: Record<string, number>): string {
  const m = /^(.*?\S)\s*[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]$/.exec(text);
  if (!m?.[1] || !m[2]) return tierName(text.replace(/\s*[(（]\s*\d+\s*[-~—至]\s*\d+\s*[)）]\s*分?$/, ''));
  weights[m[1]] = Number(m[2]);
  return m[1];
}

/** A tier as named, without the template's instruction ("数量指标 (必填硬性指标)") or spaces between its characters ("产 出 指 标"). */
export function tierName(text: string): string {
  return text
    .replace(/\s*[(（](必填|选填)[^()（）]*[)）]\s*$/, '')
    .replace(/(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])/g, '');
}

const TIER1 = ['产出指标', '效益指标', '满意度指标', '成本指标'];

/**
 * The standard 一级指标 a template's wording stands for: 预期产出指标 → 产出指标, 效果指标 → 效益指标, and a table
 * whose 一级 is a group ("实施效果指标") with the standard names as 二级. Null when the tier is standard or unknown.
 */
export function standardTier1(tier1: string, tier2: string): string | null {
  const s = normLabel(tier1);
  if (TIER1.includes(s)) return null;
  const t2 = normLabel(tier2);
  if (TIER1.includes(t2)) return t2;
  if (/^(预期)?产出(指标)?$/.test(s)) return '产出指标';
  if (/^(预期)?(效果|效益)(指标)?$/.test(s)) return '效益指标';
  if (/^(服务对象)?满意度(指标)?$/.test(s)) return '满意度指标';
  if (/^成本(指标)?$/.test(s)) return '成本指标';
  return null;
}

/** The 一级指标 a 二级指标's words belong to, in a table that prints no 一级. */
export function tier1Of(tier2: string): string | null {
  const s = normLabel(tier2);
  if (/(经济|社会|生态环境)成本/.test(s)) return '成本指标';
  if (/满意/.test(s)) return '满意度指标';
  if (/效益|可持续|影响/.test(s)) return '效益指标';
  if (/数量|质量|时效|成本/.test(s)) return '产出指标';
  return null;
}
