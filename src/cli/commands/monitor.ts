import Table from 'cli-table3';
import { type Monitoring, monitorDocument, type ProjectMonitoring } from '../../core/monitoring/index.js';
import { calendarDate } from '../../core/monitoring/plan.js';
import { STATUS_LABEL } from '../../core/monitoring/status.js';
import { round } from '../../core/rounding.js';
import { UserError } from '../../errors.js';
import { readActuals } from '../../io/actuals.js';
import { loadGoals } from '../../io/goals.js';
import { loadRuleSet } from '../../io/rules.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import { fmtActual, fmtMoney, fmtRate, fmtScore } from '../../report/format.js';
import { printWarnings, selectedProjects } from './score.js';

export interface MonitorOptions {
  asOf: string;
  rules: string;
  format: string;
  output?: string;
  project?: string[];
}

/** `jixiao monitor GOALS ACTUALS --as-of DATE`: spending against plan and time, indicator pace, forecast score. */
export async function runMonitor(goalsPath: string, actualsPath: string, opts: MonitorOptions): Promise<void> {
  if (!['table', 'json'].includes(opts.format))
    throw new UserError(`--format 只能是 table 或 json，收到“${opts.format}”`);
  if (!calendarDate(opts.asOf))
    throw new UserError(`--as-of 应为 yyyy-MM-dd 格式的有效日期（如 2025-06-30），收到“${opts.asOf}”`);
  if (opts.output) assertNotInput(opts.output, [goalsPath, actualsPath]);
  const goals = loadGoals(goalsPath);
  const projects = selectedProjects(goals, opts.project);
  const actuals = await readActuals(actualsPath, goals);
  if (actuals.period !== 'mid-year')
    throw new UserError(`${actualsPath} 是年终自评数据（period: ${actuals.period}），运行监控需要 period: mid-year`);
  // The file's figures are as at its asOf: measuring them against another date would be wrong, so no side wins.
  if (actuals.asOf && actuals.asOf !== opts.asOf) {
    throw new UserError(
      `--as-of ${opts.asOf} 与 ${actualsPath} 中的截止日期 asOf: ${actuals.asOf} 不一致（请改正其中之一）`,
    );
  }
  const rules = await loadRuleSet(opts.rules);
  const result = monitorDocument(goals, actuals, rules, opts.asOf, projects ? { projects } : {});
  if (!result.ok) throw new UserError(`无法完成运行监控：有 ${result.errors.length} 处问题`, result.errors);
  const text =
    opts.format === 'json'
      ? `${JSON.stringify({ ...result.monitoring, warnings: result.warnings }, null, 2)}\n`
      : renderMonitoring(
          result.monitoring,
          rules.ruleSet.rounding.total.decimals,
          rules.ruleSet.rounding.indicator.decimals,
        );
  if (opts.output) {
    writeOutputFile(opts.output, text, [goalsPath, actualsPath]);
    process.stderr.write(`已完成 ${result.monitoring.projects.length} 个项目的运行监控 → ${opts.output}\n`);
  } else process.stdout.write(text);
  printWarnings(result.warnings);
}

const light = (s: keyof typeof STATUS_LABEL) => `${STATUS_LABEL[s]}灯`;
/** Up to two decimals, no trailing zeros (495.89, 0.5, 365). */
const num2 = (x: number) => String(round(x, { decimals: 2, mode: 'half-up' }));
const points = (share: number) => `${share >= 0 ? '+' : ''}${(share * 100).toFixed(2)}`;

function renderMonitoring(m: Monitoring, d: number, di: number): string {
  const head = `运行监控 截至 ${m.asOf}（序时进度 ${fmtRate(m.timeProgress)}） 评分规则：${m.ruleSet.label}\n`;
  const t = new Table({
    head: [
      '项目编码',
      '项目',
      '计划进度',
      '序时进度',
      '实际执行',
      '偏差(百分点)',
      '较序时(百分点)',
      '状态',
      '预计得分',
      '等级',
    ],
    style: { head: [], border: [] },
  });
  for (const p of m.projects) {
    const e = p.execution;
    t.push([
      p.code,
      p.name,
      fmtRate(e.planned),
      fmtRate(e.timeProgress),
      fmtRate(e.executed),
      points(e.gap),
      points(e.gapToTime),
      light(e.status),
      fmtScore(p.forecast.total, d),
      p.forecast.grade,
    ]);
  }
  return [head, t.toString(), ...m.projects.map((p) => renderProject(p, d, di)), ''].join('\n');
}

function renderProject(p: ProjectMonitoring, d: number, di: number): string {
  const t = new Table({
    head: [
      '三级指标',
      '指标值',
      '类型',
      '应完成',
      '截至目前',
      '全年预计',
      '预计得分',
      '状态',
      '完成可能性',
      '偏差原因',
    ],
    style: { head: [], border: [] },
    colWidths: [26, 12, 8, 12, 12, 12, 10, 8, 26, 30],
    wordWrap: true,
  });
  const KIND = { cumulative: '累计', level: '水平', deadline: '时限', qualitative: '定性' } as const;
  for (const i of p.indicators) {
    const unit = 'unit' in i.target ? (i.target.unit ?? '') : '';
    const amount = (x: number | string | null) => (x === null ? '—' : typeof x === 'number' ? `${num2(x)}${unit}` : x);
    const projected = amount(i.projected);
    t.push([
      i.name,
      i.target.raw,
      i.notApplicable ? '不适用' : KIND[i.kind],
      amount(i.expected),
      fmtActual(i.actual),
      projected,
      fmtScore(i.forecastScore, di),
      light(i.status),
      i.likelihood === i.suggestedLikelihood ? i.likelihood : `${i.likelihood}（建议${i.suggestedLikelihood}）`,
      [i.cause, i.reason].filter(Boolean).join('：'),
    ]);
  }
  const e = p.execution;
  const reason = e.reason ? `  执行偏差原因：${e.reason}` : '';
  const f = p.forecast;
  const total = `预计得分 ${fmtScore(f.total, d)}（${f.grade}），其中预算执行率 ${fmtScore(f.budgetScore, di)} 分（预计全年执行 ${fmtMoney(f.executed)} 万元，${fmtRate(f.rate)}）`;
  return `\n${p.code}  ${p.name}  预算执行 ${fmtRate(e.executed)}（计划 ${fmtRate(e.planned)}，${light(e.status)}）${reason}\n${t.toString()}\n${total}`;
}
