import { stringify } from 'yaml';
import { example, isMeasured, notApplicableReason } from '../core/target/compound.js';
import type { GoalDocument, GoalTable, Indicator } from '../model/goals.js';
import type { CompoundTarget } from '../model/target.js';

export type Period = 'year-end' | 'mid-year';

/** A YAML scalar: plain when safe, quoted when not (names with ":" or "#", leading symbols). */
const y = (v: string | number) => stringify(v, { lineWidth: 0 }).trimEnd();

/**
 * The evaluator's entry file, pre-filled from the goal tables: every project and indicator in table order,
 * the target beside each blank, and the fields the period needs. Blank values load as "missing", so a file
 * scored before it is filled in says exactly which cells are still empty.
 */
export function actualsTemplate(goals: GoalDocument, period: Period, asOf?: string): string {
  const lines = [
    `# ${goals.department.unitName ?? ''} ${goals.year}年 ${period === 'year-end' ? '项目支出绩效自评' : '绩效运行监控'}：实际完成情况`,
    '# 金额单位：万元。actual 填“数值+单位”（如 1050家、45.2万元、98%），单位省略时按指标值的单位；日期写 2025-11-20。',
    '# 定性指标填 grade（达成 / 部分达成 / 未达成）和档内得分 score；不适用的指标删去 actual，填 notApplicable: 原因。',
    '# 未完成指标值时填写 reason（偏差原因分析）和 remedy（改进措施）；evidence 为佐证材料。',
    period === 'year-end'
      ? '# 填好后运行：jixiao score 目标表.json 本文件（年终自评评分），或 jixiao report 目标表.json 本文件 -o 报告文件夹'
      : '# 填好后运行：jixiao monitor 目标表.json 本文件（运行监控，截止日期取自下面的 asOf），或 jixiao report 目标表.json 本文件 --kind monitoring -o 报告文件夹',
    'schema: jixiao/actuals@1',
    `period: ${period}`,
  ];
  const date = asOf ?? `${goals.year}-06-30`;
  if (period === 'mid-year') lines.push(`asOf: ${date}`);
  lines.push('projects:');
  for (const t of goals.projects) lines.push(...project(t, period, date));
  return `${lines.join('\n')}\n`;
}

/** "2025-06-30" → 截至6月30日, as the 运行监控表 dates its columns. */
function asOfWords(asOf: string): string {
  const [, m, d] = asOf.split('-').map(Number);
  return `截至${m}月${d}日`;
}

function project(t: GoalTable, period: Period, asOf: string): string[] {
  const out = [
    '',
    // The id of a table with no 项目编码 binds the entry to its table: said so, lest it is taken for a code.
    `  - code: ${y(t.code)}${t.codeGenerated ? '   # 目标表未填写项目编码：此编号按单位和项目名称生成，请勿修改' : ''}`,
    `    name: ${y(t.name)}`,
    `    # 预算数 ${t.budget.total} 万元`,
    '    budget:',
    `      initial: ${y(t.budget.total)}`,
    `      adjusted: ${y(t.budget.total)}   # 全年预算数（调整后）`,
    `      executed:   # ${period === 'year-end' ? '全年执行数' : `${asOfWords(asOf)}执行数`}`,
    '      reason:   # 执行率偏差原因',
  ];
  if (period === 'mid-year') out.push('      forecast:   # 全年预计执行数（可不填）');
  out.push('    achievement:   # 年度总体目标实际完成情况', '    indicators:');
  const names = t.indicators.map((i) => i.name);
  t.indicators.forEach((ind, k) => {
    const repeated = names.indexOf(ind.name) !== names.lastIndexOf(ind.name);
    out.push(...indicator(ind, k + 1, repeated, period, asOf));
  });
  return out;
}

/** How to write the actual of a two-value target: part by part, or the one measurable part alone. */
export function compoundHint(t: CompoundTarget): string {
  const measured = t.parts.filter(isMeasured);
  if (measured.length === 1) return `只填“${measured[0]?.raw}”一项的实际值，如 ${example(t)}`;
  return `按指标值的写法逐项填写，用“/”隔开，如 ${example(t)}；各项均达到才得满分，否则按得分较低的一项计分`;
}

/** The long-term value printed beside the year's, as context for whoever fills the year in. */
const longTerm = (ind: Indicator) => (ind.longTerm ?? []).map((l) => `（${l.label} ${l.raw}，不计分）`).join('');

function indicator(ind: Indicator, no: number, repeated: boolean, period: Period, asOf: string): string[] {
  const t = ind.target;
  const qualitative = t.direction === 'qualitative';
  const out = [
    `      # ${no}. ${ind.tier1} / ${ind.tier2} — 指标值 ${ind.target.raw || '（空）'}${longTerm(ind)}${ind.description ? `；${ind.description}` : ''}`,
    `      - name: ${y(ind.name)}`,
  ];
  if (repeated) out.push(`        tier2: ${y(ind.tier2)}`);
  if (qualitative) out.push('        grade:   # 达成 / 部分达成 / 未达成', '        score:   # 档内得分');
  else if (t.direction === 'not-applicable')
    out.push(`        notApplicable: ${y(notApplicableReason(t.raw))}   # 目标表写明不适用，不评分`);
  else if (t.direction === 'compound') out.push(`        actual:   # ${compoundHint(t)}`);
  else {
    const what = t.direction === 'deadline' ? '完成日期' : period === 'mid-year' ? `${asOfWords(asOf)}完成值` : '';
    out.push(`        actual:${what ? `   # ${what}` : ''}`);
  }
  out.push('        reason:', '        remedy:', '        evidence:');
  if (period === 'mid-year') {
    out.push(
      '        likelihood:   # 完成目标可能性：确定能 / 有可能 / 完全不可能',
      '        cause:   # 偏差原因类别：经费保障 / 制度保障 / 人员保障 / 硬件条件保障 / 其他',
    );
  }
  return out;
}
