import { beforeAll, describe, expect, it } from 'vitest';
import { NOT_FILLED } from '../../src/report/format.js';
import { type SelfEvaluationView, selfEvaluationView } from '../../src/report/self-evaluation-view.js';
import { EXPERTS, loadSample, RELIEF, type Sample, VIDEO } from './fixture.js';

let sample: Sample;
const view = (code: string): SelfEvaluationView =>
  selfEvaluationView(sample.project(code), sample.goals, sample.ruleSet, sample.evaluation);

beforeAll(async () => {
  sample = await loadSample();
});

describe('selfEvaluationView on the seed sample', () => {
  it('fills the funds block in 万元 with two decimals, the rate as a percentage and the score to the rule decimals', () => {
    const v = view(RELIEF);
    expect(v.funds[0]).toEqual({
      label: '年度资金总额',
      initial: '12.17',
      adjusted: '12.17',
      executed: '11.20',
      weight: '10.00',
      rate: '92.03%',
      score: '9.20',
    });
    expect(v.funds.map((r) => r.label)).toEqual(['年度资金总额', '其中：当年财政拨款', '上年结转资金', '其他资金']);
    expect(v.funds[1]?.initial).toBe('12.17');
    expect(v.funds[2]).toMatchObject({ initial: '', score: '' });
  });

  it('puts the re-normalised tier weight in the tier label and merges tier cells with rowspans', () => {
    const v = view(RELIEF);
    const t1 = v.indicators.map((r) => r.tier1Cell);
    expect(t1[0]).toEqual({ label: '产出指标', note: '(56.25分)', rowspan: 4 });
    expect(t1[4]).toEqual({ label: '效益指标', note: '(33.75分)', rowspan: 3 });
    expect(t1[7]).toEqual({ label: '满意度指标', note: '(0分)', rowspan: 1 });
    expect(v.indicators[0]?.tier1).toBe('产出指标(56.25分)');
    expect(t1.filter((c) => c !== null)).toHaveLength(3);
    expect(v.indicators.every((r) => r.tier2Cell?.rowspan === 1)).toBe(true);
    expect(view(VIDEO).indicators[0]?.tier1Cell?.note).toBe('(50分)');
  });

  it('prints each indicator with its target, actual, weight, score and the evaluator texts', () => {
    const rows = view(RELIEF).indicators;
    expect(rows[0]).toMatchObject({
      name: '联合组织应急预案演练次数',
      target: '≥12场',
      actual: '10场',
      weight: '14.06',
      score: '11.72',
      statusClass: 'missed',
      deviation: ['偏差原因：两场联合演练因汛期调整取消。', '改进措施：2026年提前安排汛前演练。'],
    });
    expect(rows[4]).toMatchObject({ actual: '部分达成', score: '8.50', statusClass: 'partial' });
    expect(rows[7]).toMatchObject({ actual: '不适用', weight: '0.00', statusClass: 'not-applicable' });
    expect(rows[7]?.deviation[0]).toMatch(/^不适用：本项目为自然灾害救助资金/);
    expect(rows[1]?.deviation).toEqual([]);
  });

  it('shows an override with the rule score, the counted score and the reason', () => {
    const row = view(VIDEO).indicators[0];
    expect(row?.score).toBe('9.50');
    expect(row?.deviation.at(-1)).toBe(
      '评价人调整得分：10.00 → 9.50，理由：1200家中有40家为重复视频巡查，按有效检查1160家计，评价组下调0.5分。',
    );
  });

  it('gives the total with its weight and grade, and says so where the evaluator wrote nothing', () => {
    expect(view(RELIEF).total).toMatchObject({ weight: '100.00', score: '93.41', grade: '优' });
    expect(view(EXPERTS).goals.actual).toBe(NOT_FILLED);
    expect(view(RELIEF).goals.actual).toBe('联合组织演练和宣传活动10场，汛期结束前完成比例75%。');
  });

  it('explains every score, citing each rule once', () => {
    const v = view(RELIEF);
    expect(v.explanations).toHaveLength(9);
    expect(v.explanations[0]).toMatchObject({ label: '预算执行率', score: '9.20', capped: '否', source: '[1]' });
    expect(v.explanations[1]?.inputs).toBe('A=12，B=10，w=14.06，单位=场');
    expect(v.explanations[3]).toMatchObject({ capped: '是，按分值封顶', rounding: '四舍五入保留2位小数' });
    expect(v.explanations[5]?.evidence).toBe('宣传活动签到表');
    const refs = new Set(v.explanations.map((e) => e.source));
    expect(v.sources.map((s) => s.ref)).toEqual([...refs]);
    expect(v.sources.map((s) => s.rule)).toEqual(['预算执行率', '正向指标', '反向指标', '定性指标', '不适用指标']);
  });

  it('writes the report chapters from the data only', () => {
    const v = view(EXPERTS);
    expect(v.report.map((s) => s.title)).toEqual([
      '一、基本情况',
      '二、绩效目标实现情况',
      '三、偏差及原因',
      '四、存在问题和改进措施',
      '五、结果应用',
    ]);
    const text = JSON.stringify(v.report);
    expect(text).toContain('预算执行率 85.00%，未全部执行：专家库部分专家年内未被抽调，劳务费按实际结算。');
    expect(text).toContain(`结果应用情况：${NOT_FILLED}`);
    expect(text).toContain('各项三级指标均已完成，无偏差。');
    const relief = JSON.stringify(view(RELIEF).report);
    expect(relief).toContain('联合组织应急预案演练次数（未完成；指标值 ≥12场，实际完成 10场，得分 11.72 / 14.06）');
    expect(relief).toContain('共 8 项三级指标：已完成 4 项，部分完成 1 项，未完成 2 项，不适用 1 项。');
  });

  it('draws the tier chart as inline SVG with the formatted scores', () => {
    const svg = view(RELIEF).chart.svg;
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svg).toContain('53.91 / 56.25');
    expect(svg).not.toMatch(/https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
  });
});
