import type { Monitoring, ProjectMonitoring } from '../core/monitoring/index.js';
import { STATUS_LABEL as LIGHT, thresholds } from '../core/monitoring/status.js';
import { round } from '../core/rounding.js';
import type { RuleSet } from '../model/rule-set.js';
import type { Target } from '../model/target.js';
import { citationText } from './citation.js';
import { fmtMoney, fmtNum, fmtPp, fmtRate, NOT_FILLED } from './format.js';
import { block, type SectionView } from './view-common.js';

/** 红灯 / 黄灯 / 绿灯 */
export const light = (s: keyof typeof LIGHT) => `${LIGHT[s]}灯`;

export const KIND: Record<string, string> = {
  cumulative: '累计',
  level: '水平',
  deadline: '时限',
  qualitative: '定性',
};

/** A figure in the target's unit, at most two decimals: "495.89家", "95%". */
export function inUnit(x: number | null, t: Target): string {
  if (x === null) return '—';
  const unit = 'unit' in t && t.unit ? t.unit : '';
  return `${round(x, { decimals: 2, mode: 'half-up' })}${unit}`;
}

export type Pace = ProjectMonitoring['indicators'][number];

/** 偏差原因分析: the category and the text, each marked when the evaluator left it empty on an amber or red row. */
export function paceDeviation(i: Pace): string {
  if (i.notApplicable) return `不适用：${i.notApplicable}`;
  if (i.status === 'green') return [i.cause, i.reason].filter(Boolean).join('：');
  return `${i.cause ?? NOT_FILLED}：${i.reason ?? NOT_FILLED}`;
}

export function expectedText(i: Pace): string {
  if (i.kind === 'deadline' && i.daysLeft !== undefined) {
    return i.daysLeft >= 0 ? `距期限 ${i.daysLeft} 天` : `已逾期 ${-i.daysLeft} 天`;
  }
  return inUnit(i.expected, i.target);
}

export function projectedText(i: Pace): string {
  return typeof i.projected === 'number' ? inUnit(i.projected, i.target) : (i.projected ?? '—');
}

interface Fmt {
  score: (x: number) => string;
  total: (x: number) => string;
}

/**
 * 绩效运行监控报告: the monitoring table told in five chapters. Every sentence frames figures and texts from the
 * monitoring result and the evaluator's entries; an empty entry on an amber or red item prints （评价人未填写）.
 */
export function monitoringReport(p: ProjectMonitoring, m: Monitoring, r: RuleSet, f: Fmt): SectionView[] {
  const t = thresholds(r);
  const e = p.execution;
  const active = p.indicators.filter((i) => !i.notApplicable);
  const count = (s: string) => active.filter((i) => i.status === s).length;
  const flagged = active.filter((i) => i.status !== 'green');
  const doubtful = active.filter((i) => i.likelihood !== '确定能');
  return [
    {
      title: '一、监控基本情况',
      blocks: [
        block(null, [
          `监控截止日期 ${m.asOf}，序时进度 ${fmtRate(m.timeProgress)}；评分规则：${m.ruleSet.label}。`,
          `红黄绿灯：预算执行较资金支出计划落后 ${fmtNum(-t.amberGap)} 个百分点（含）以上为黄灯，落后 ${fmtNum(-t.redGap)} 个百分点（含）以上为红灯；指标按全年预计完成值判断，预计达到指标值为绿灯。`,
          `判定依据：${citationText(t.source, r.sources ?? {})}`,
        ]),
      ],
    },
    {
      title: '二、预算执行情况',
      blocks: [
        block(null, [
          `全年预算数 ${fmtMoney(e.budget)} 万元，截至监控日执行 ${fmtMoney(e.executedAmount)} 万元，执行进度 ${fmtRate(e.executed)}；资金支出计划进度 ${fmtRate(e.planned)}，较计划 ${fmtPp(e.gap)} 个百分点，较序时进度 ${fmtPp(e.gapToTime)} 个百分点，${light(e.status)}。`,
          ...(e.status === 'green' && !e.reason ? [] : [`执行偏差原因：${e.reason ?? NOT_FILLED}`]),
        ]),
      ],
    },
    {
      title: '三、绩效指标完成情况',
      blocks: [
        block(null, [
          `共 ${p.indicators.length} 项三级指标：绿灯 ${count('green')} 项，黄灯 ${count('amber')} 项，红灯 ${count('red')} 项，不适用 ${p.indicators.length - active.length} 项。`,
        ]),
      ],
    },
    {
      title: '四、偏差原因分析',
      blocks: [
        block(
          null,
          flagged.length > 0 ? [] : ['各项指标预计均能达到指标值，无偏差。'],
          flagged.map(
            (i) =>
              `${i.name}（${light(i.status)}；指标值 ${i.target.raw}，序时应完成 ${expectedText(i)}，截至监控日 ${i.actual?.raw ?? '—'}，全年预计 ${projectedText(i)}）：${paceDeviation(i)}`,
          ),
        ),
      ],
    },
    {
      title: '五、全年预测及完成目标可能性',
      blocks: [
        block(
          null,
          [
            `按当前进度预计全年总分 ${f.total(p.forecast.total)} 分，等级“${p.forecast.grade}”，其中预算执行率预计得分 ${f.score(p.forecast.budgetScore)}。`,
            ...(doubtful.length > 0 ? [] : ['各项指标完成目标可能性均为“确定能”。']),
          ],
          doubtful.map(
            (i) =>
              `${i.name}：完成目标可能性“${i.likelihood}”${i.likelihood === i.suggestedLikelihood ? '' : `（系统建议“${i.suggestedLikelihood}”）`}`,
          ),
        ),
      ],
    },
  ];
}
