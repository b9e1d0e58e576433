import Table from 'cli-table3';
import type { Evaluation, ProjectScore } from '../../core/scoring/index.js';
import { scoreDocument } from '../../core/scoring/index.js';
import type { Problem } from '../../errors.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { loadGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeFileAtomic } from '../../io/write.js';
import { fmtActual, fmtMoney, fmtRate, fmtScore, STATUS_LABEL } from '../../report/format.js';

export interface ScoreOptions {
  rules: string;
  format: string;
  output?: string;
}

/** `jixiao score GOALS ACTUALS`: score every project and print a table, or the full JSON with explanations. */
export async function runScore(goalsPath: string, actualsPath: string, opts: ScoreOptions): Promise<void> {
  if (!['table', 'json'].includes(opts.format))
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const goals = loadGoals(goalsPath);
  const actuals = await readActuals(actualsPath, goals);
  const rules = await loadRuleSet(opts.rules);
  const result = scoreDocument(goals, actuals, rules);
  if (!result.ok) {
    throw new UserError(`无法评分：${actualsPath} 有 ${result.errors.length} 处问题`, result.errors);
  }
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ ...result.evaluation, warnings: result.warnings }, null, 2)}\n`
      : renderTable(result.evaluation, rules.ruleSet.rounding.indicator.decimals);
  if (opts.output) {
    writeFileAtomic(opts.output, text);
    process.stderr.write(`已评分 ${result.evaluation.projects.length} 个项目 → ${opts.output}\n`);
  } else {
    process.stdout.write(text);
  }
  printWarnings(result.warnings);
}

export function printWarnings(warnings: readonly Problem[]): void {
  if (warnings.length === 0) return;
  process.stderr.write(`\n提示（${warnings.length} 条）：\n`);
  for (const w of warnings) process.stderr.write(`  - ${w.where ? `${w.where}: ` : ''}${w.message}\n`);
}

function renderTable(ev: Evaluation, decimals: number): string {
  const parts = [`评分规则：${ev.ruleSet.label}（${ev.ruleSet.id}）\n`];
  for (const p of ev.projects) parts.push(renderProject(p, decimals));
  const summary = new Table({
    head: ['项目编码', '项目名称', '执行率', '总分', '等级'],
    style: { head: [], border: [] },
  });
  for (const p of ev.projects)
    summary.push([p.code, p.name, fmtRate(p.budget.rate), fmtScore(p.total, decimals), p.grade]);
  parts.push(`汇总\n${summary.toString()}\n`);
  return parts.join('\n');
}

function renderProject(p: ProjectScore, d: number): string {
  const t = new Table({
    head: ['一级指标', '二级指标', '三级指标', '指标值', '实际完成值', '分值', '得分', '说明'],
    style: { head: [], border: [] },
    colWidths: [12, 14, 26, 12, 20, 8, 8, 40],
    wordWrap: true,
  });
  const b = p.budget;
  t.push([
    '预算执行率',
    '',
    `全年预算数 ${fmtMoney(b.adjusted)} 万元`,
    '100%',
    `${fmtMoney(b.executed)} 万元（${fmtRate(b.rate)}）`,
    fmtScore(b.weight, d),
    fmtScore(b.score, d),
    b.explanation.steps.join('；'),
  ]);
  for (const i of p.indicators) {
    // A met target needs one word; the arithmetic of every score is in --format json.
    const steps = i.status === 'met' ? i.explanation.steps.filter((x) => x.startsWith('评价人')) : i.explanation.steps;
    const why = [STATUS_LABEL[i.status], ...steps, i.reason ? `偏差原因：${i.reason}` : ''].filter(Boolean);
    t.push([
      i.tier1,
      i.tier2,
      i.name,
      i.target.raw,
      fmtActual(i.actual),
      fmtScore(i.weight, d),
      fmtScore(i.score, d),
      why.join('；'),
    ]);
  }
  return `${p.code}  ${p.name}\n${t.toString()}\n总分 ${fmtScore(p.total, d)}（${p.grade}）  ${p.totalExplanation.join('；')}\n`;
}
