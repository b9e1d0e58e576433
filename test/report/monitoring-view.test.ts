import { beforeAll, describe, expect, it } from 'vitest';
import { departmentView } from '../../src/report/department-view.js';
import { NOT_FILLED } from '../../src/report/format.js';
import { paceDeviation } from '../../src/report/monitoring-report.js';
import { monitoringView } from '../../src/report/monitoring-view.js';
import { loadSample, RELIEF, type Sample, VIDEO } from './fixture.js';

let sample: Sample;
const view = (code: string) => {
  const p = sample.monitoring.projects.find((x) => x.code === code);
  if (!p) throw new Error(code);
  return monitoringView(p, sample.monitoring, sample.goals, sample.ruleSet);
};

beforeAll(async () => {
  sample = await loadSample();
});

describe('monitoringView on the mid-year sample', () => {
  it('compares spending with the plan and with 序时进度, in percentage points, with a light', () => {
    const v = view(RELIEF);
    expect(v.asOf).toBe('2025-06-30');
    expect(v.timeProgress).toBe('49.59%');
    expect(v.execution).toMatchObject({
      budget: '12.17',
      executedAmount: '3.00',
      planned: '50.00%',
      executed: '24.65%',
      gap: '-25.35',
      gapToTime: '-24.94',
      status: '红灯',
      statusClass: 'status-red',
      reason: '联合演练集中在7—8月汛期前后，经费随演练支付。',
    });
    expect(view(VIDEO).execution).toMatchObject({ gap: '-0.59', status: '绿灯', reason: '—' });
  });

  it('shows each indicator’s pace, projection, likelihood and cause', () => {
    const rows = view(RELIEF).indicators;
    expect(rows[0]).toMatchObject({
      tier1Cell: { label: '产出指标', rowspan: 4 },
      target: '≥12场',
      kind: '累计',
      expected: '5.95场',
      actual: '3场',
      projected: '6.05场',
      status: '红灯',
      statusClass: 'status-red',
      likelihood: '有可能（系统建议：完全不可能）',
      deviation: '其他：演练按计划集中在汛期，上半年只完成3场。',
    });
    expect(rows[7]).toMatchObject({ status: '不适用', statusClass: 'not-applicable', likelihood: '—' });
  });

  it('marks an amber row the evaluator did not explain', () => {
    const pace = sample.monitoring.projects[0]?.indicators[0];
    if (!pace) throw new Error('no pace');
    const { reason: _r, cause: _c, ...bare } = pace;
    expect(paceDeviation({ ...bare, status: 'amber' })).toBe(`${NOT_FILLED}：${NOT_FILLED}`);
    expect(paceDeviation({ ...bare, status: 'red', cause: '人员保障' })).toBe(`人员保障：${NOT_FILLED}`);
    expect(paceDeviation({ ...bare, status: 'green' })).toBe('');
  });

  it('forecasts the year-end score and draws the spending line chart', () => {
    const v = view(RELIEF);
    expect(v.forecast).toEqual({ total: '84.75', grade: '良' });
    expect(v.chart.svg).toContain('截至 2025-06-30');
    expect(v.chart.svg).toContain('实际执行（24.65%）');
    expect(v.report.map((s) => s.title)[4]).toBe('五、全年预测及完成目标可能性');
  });
});

describe('departmentView', () => {
  it('year-end: every project with score, grade and execution against the plan, and the misses', () => {
    const v = departmentView({ goals: sample.goals, ruleSet: sample.ruleSet, evaluation: sample.evaluation });
    expect(v.title).toBe('部门整体绩效自评汇总表');
    expect(v.unit).toEqual({ name: '唐山市路南区应急管理局本级', code: '450001' });
    expect(v.projects).toHaveLength(8);
    expect(v.projects[2]).toMatchObject({
      code: RELIEF,
      budget: '12.17',
      executed: '11.20',
      planned: '100.00%',
      rate: '92.03%',
      gap: '-7.97',
      score: '93.41',
      grade: '优',
      status: '—',
    });
    expect(v.totals).toEqual({ budget: '226.85', executed: '210.48', rate: '92.78%' });
    expect(v.grades).toBe('优 8 个、良 0 个、中 0 个、差 0 个');
    expect(v.goals.map((g) => g.heading)).toEqual(['总体绩效目标', '分项绩效目标', '工作保障措施']);
    expect(v.attention.items.some((i) => i.startsWith('视频全覆盖 · 每年检查企业个数（未完成'))).toBe(true);
  });

  it('mid-year: forecast scores, lights, and the amber and red items', () => {
    const v = departmentView({ goals: sample.goals, ruleSet: sample.ruleSet, monitoring: sample.monitoring });
    expect(v.title).toBe('部门整体绩效运行监控汇总表');
    expect(v.scoreLabel).toBe('预计总分');
    expect(v.projects[2]).toMatchObject({
      planned: '50.00%',
      rate: '24.65%',
      status: '红灯',
      score: '84.75',
      grade: '良',
    });
    expect(v.attention.title).toBe('黄灯、红灯事项');
    expect(v.attention.items).toContain(
      '2025年自然灾害救助专项资金（12.165） · 联合组织应急预案演练次数（红灯；指标值 ≥12场，序时应完成 5.95场，全年预计 6.05场）：其他：演练按计划集中在汛期，上半年只完成3场。',
    );
    expect(v.attention.items.some((i) => i.startsWith('2025年自然灾害救助专项资金（12.165）：预算执行红灯'))).toBe(
      true,
    );
  });
});
