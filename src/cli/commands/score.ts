import Table from 'cli-table3';
import type { Evaluation, ProjectScore } from '../../core/scoring/index.js';
import { scoreDocument, unknownProjects } from '../../core/scoring/index.js';
import type { Problem } from '../../errors.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { loadGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import type { GoalDocument } from '../../model/goals.js';
import { formatExplanation, incompleteText } from '../../report/explanation.js';
import { fmtActual, fmtGrade, fmtMoneyOr, fmtRate, fmtScore, STATUS_LABEL } from '../../report/format.js';

export interface ScoreOptions {
  rules: string;
  format: string;
  output?: string;
  project?: string[];
  allowIncomplete?: boolean;
}

/**
 * `jixiao score GOALS ACTUALS`: score every project (or those of --project) and print a table, or the full JSON
 * with explanation steps. Unfilled or wrong entries are all reported in one pass and fail the run, unless
 * --allow-incomplete: then what is filled is scored and incomplete projects are marked as such.
 */
export async function runScore(goalsPath: string, actualsPath: string, opts: ScoreOptions): Promise<void> {
  if (!['table', 'json'].includes(opts.format))
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const goals = loadGoals(goalsPath);
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  const rules = await loadRuleSet(opts.rules);
  const result = scoreDocument(goals, actuals, rules, projects ? { projects } : {});
  if (result.documentErrors.length > 0 || (!result.ok && !opts.allowIncomplete)) {
    const hint = result.documentErrors.length > 0 ? '' : '（只给已填写的部分评分：加 --allow-incomplete）';
    throw new UserError(`无法评分：${actualsPath} 有 ${result.errors.length} 处问题${hint}`, result.errors);
  }
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ ...result.evaluation, warnings: result.warnings }, null, 2)}\n`
      : renderTable(result.evaluation, rules.ruleSet.rounding.indicator.decimals);
  if (opts.output) {
    writeOutputFile(opts.output, text, [goalsPath, actualsPath]);
    process.stderr.write(`已评分 ${result.evaluation.projects.length} 个项目 → ${opts.output}\n`);
  } else {
    process.stdout.write(text);
  }
  printIncomplete(result.evaluation);
  printWarnings(result.warnings);
}

/** --project, repeated or comma-separated; every code must be in the goal document. undefined: all projects. */
export function selectedProjects(goals: GoalDocument, given: readonly string[] | undefined): string[] | undefined {
  if (!given || given.length === 0) return undefined;
  const codes = [...new Set(given.flatMap((x) => x.split(/[,，]/)).map((x) => x.trim()))].filter(Boolean);
  const unknown = unknownProjects(goals, codes);
  if (unknown.length > 0) {
    const known = goals.projects.map((t) => `${t.code}（${t.name}）`);
    throw new UserError(
      `--project：目标表中没有项目编码 ${unknown.map((c) => `“${c}”`).join('、')}`,
      known.map((k) => ({ code: 'known-project', message: `可选：${k}` })),
    );
  }
  return codes;
}

/** Incomplete projects once more on stderr, with what keeps each from being final. */
function printIncomplete(ev: Evaluation): void {
  const open = ev.projects.filter((p) => p.incomplete);
  if (open.length === 0) return;
  process.stderr.write(`\n未完成评分的项目（${open.length} 个，总分只计已填写部分）：\n`);
  for (const p of open) {
    process.stderr.write(`  - ${p.code}（${p.name}）${p.incomplete ? incompleteText(p.incomplete) : ''}\n`);
    for (const x of p.problems.filter((x) => x.code !== 'missing-actual'))
      process.stderr.write(`      ${x.where ? `${x.where}: ` : ''}${x.message}\n`);
  }
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
    summary.push([
      p.code,
      p.name,
      p.budget.state === 'scored' ? fmtRate(p.budget.rate) : '—',
      fmtScore(p.total, decimals),
      fmtGrade(p.grade),
    ]);
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
  const budgetWhy =
    b.state === 'scored' ? b.explanation.steps.map(formatExplanation) : b.problems.map((x) => x.message);
  t.push([
    '预算执行率',
    '',
    `全年预算数 ${fmtMoneyOr(b.adjusted)} 万元`,
    '100%',
    b.executed === null ? '（未填写）' : `${fmtMoneyOr(b.executed)} 万元（${fmtRate(b.rate)}）`,
    fmtScore(b.weight, d),
    b.state === 'scored' ? fmtScore(b.score, d) : '—',
    budgetWhy.join('；'),
  ]);
  for (const i of p.indicators) {
    const scored = i.status !== 'unfilled' && i.status !== 'invalid';
    // A met target needs one word; the arithmetic of every score is in --format json.
    const steps = i.explanation.steps
      .filter((x) => i.status !== 'met' || x.kind === 'override' || x.kind === 'grade-score')
      .map(formatExplanation);
    const why = [
      STATUS_LABEL[i.status],
      ...(scored ? steps : i.problems.map((x) => x.message)),
      i.reason ? `偏差原因：${i.reason}` : '',
    ].filter(Boolean);
    t.push([
      i.tier1,
      i.tier2,
      i.name,
      i.target.raw,
      fmtActual(i.actual),
      fmtScore(i.weight, d),
      scored ? fmtScore(i.score, d) : '—',
      why.join('；'),
    ]);
  }
  const total = p.incomplete
    ? `总分 ${fmtScore(p.total, d)}（${incompleteText(p.incomplete)}，只计已填写部分）`
    : `总分 ${fmtScore(p.total, d)}（${p.grade}）`;
  return `${p.code}  ${p.name}\n${t.toString()}\n${total}  ${p.totalExplanation.map(formatExplanation).join('；')}\n`;
}
