import { writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { reviewTable } from '../../../src/core/review.js';
import { UserError } from '../../../src/errors.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { readReviewTable } from '../../../src/io/xlsx/review.js';
import { reviewInWords } from '../../../src/report/review-words.js';
import { caseFiles, OUT } from '../../fixtures/xlsx/make-cases.js';
import { inTempDir } from './fill.js';

const rules = await loadRuleSet('national');

async function reviewRaw(rows: (string | number)[][], assumedYear = 2025, yearGiven = false) {
  return inTempDir(async (dir) => {
    const path = join(dir, 'table.csv');
    writeFileSync(path, stringify(rows));
    return reviewTable(await readReviewTable(path), rules, { assumedYear, yearGiven });
  });
}

/** The review as `jixiao review --format json` prints it: the notes in words. */
const reviewCsv = async (rows: (string | number)[][], assumedYear = 2025, yearGiven = false) =>
  reviewInWords(await reviewRaw(rows, assumedYear, yearGiven));

const HEADER = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
];

describe('review: the published cases, .xlsx (merged cells) and .csv alike', () => {
  it.each(caseFiles().map((f) => basename(f, '.json')))('%s', async (name) => {
    const csv = reviewTable(await readReviewTable(join(OUT, `${name}.csv`)), rules, { assumedYear: 2025 });
    const xlsx = reviewTable(await readReviewTable(join(OUT, `${name}.xlsx`)), rules, { assumedYear: 2025 });
    expect(xlsx).toEqual(csv);
    expect(csv.indicators.length).toBeGreaterThan(0);
  });
});

describe('review: reading the layout', () => {
  it('takes key/value rows, free column order, tier labels with weights and blank tier cells as “as above”', async () => {
    const r = await reviewCsv([
      ['2024年度项目支出绩效自评表'],
      ['项目名称', '测试项目', '', '全年预算数', 100, '全年执行数', 90, '执行率分值', 10, '执行率得分', 9],
      ['三级指标', '一级指标', '二级指标', '实际完成值', '年度指标值', '得分', '分值'],
      ['培训人数', '产出指标(60分)', '数量指标', '80人', '≥100人', 24, 30],
      ['培训合格率', '', '质量指标', '95%', '≥90%', 30, 30],
      ['满意度', '满意度指标(30分)', '服务对象满意度指标', '92%', '≥90%', 30, 30],
      ['总分', '', '', '', '', 93, 100],
    ]);
    expect(r.project).toBe('测试项目');
    expect(r.indicators.map((i) => [i.tier1, i.name, i.weight, i.selfScore, i.score])).toEqual([
      ['产出指标', '培训人数', 30, 24, 24],
      ['产出指标', '培训合格率', 30, 30, 30],
      ['满意度指标', '满意度', 30, 30, 30],
    ]);
    expect(r.budget).toMatchObject({ rate: 0.9, weight: 10, selfScore: 9, score: 9 });
    expect(r).toMatchObject({ selfTotal: 93, total: 93, grade: '优' });
    expect(r.notes.join('\n')).toContain('与规则集“national”');
    expect(r.notes.join('\n')).toContain('按自评表所列分值复核');
  });

  it('reports blank targets and actuals as not re-scorable, counting their self score openly', async () => {
    const rows = [
      ['项目名称', '空白项目'],
      ['', '年初预算数', '全年预算数', '全年执行数', '分值', '得分'],
      ['年度资金总额', 10, 10, 10, 10, 10],
      HEADER,
      ['产出指标', '数量指标', '台数', '≥5台', '5台', 50, 50],
      ['效益指标', '社会效益指标', '安全', '', '', 30, 30],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90%', '', 10, 10],
    ];
    // The core says what it found as data; the words are src/report's.
    const raw = await reviewRaw(rows);
    expect(raw.indicators.map((i) => i.why[0]?.kind)).toEqual([undefined, 'target-blank', 'actual-blank']);
    expect(raw.notes).toContainEqual({ kind: 'carried', count: 2, points: 40 });
    const r = reviewInWords(raw);
    expect(r.indicators[0]?.steps.length).toBeGreaterThan(0);
    expect(r.indicators.map((i) => [i.score, i.gap, i.why[0]])).toEqual([
      [50, 0, undefined],
      [null, null, '年度指标值为空，无法复核'],
      [null, null, '实际完成值为空，无法复核'],
    ]);
    expect(r.total).toBe(100);
    expect(r.notes).toContain('2 项无法复核，总分中按其自评得分计入（共 40 分）');
  });

  it('accepts a qualitative self score inside its band and explains one outside it', async () => {
    const r = await reviewCsv([
      ['项目名称', '定性'],
      HEADER,
      ['效益指标', '社会效益指标', '甲', '效果明显', '达成预期指标', 10, 9],
      ['', '', '乙', '效果明显', '达成预期指标', 10, 6],
      ['', '', '丙', '效果明显', '基本达成', 10, 9],
    ]);
    const [a, b, c] = r.indicators;
    expect([a?.score, a?.gap]).toEqual([9, 0]);
    expect([b?.score, b?.gap]).toEqual([10, -4]);
    expect(b?.why[0]).toContain('自评分 6 不被规则接受');
    expect(c?.score).toBeNull();
    expect(c?.why.join('；')).toContain('无法复核：');
  });

  it('refuses a table without the indicator header, and text in a score cell', async () => {
    await expect(
      reviewCsv([
        ['项目名称', 'x'],
        ['a', 'b'],
      ]),
    ).rejects.toThrow('找不到指标表头');
    const err = await reviewCsv([HEADER, ['产出指标', '数量指标', '甲', '≥1个', '1个', '十分', 10]]).catch((e) => e);
    expect(err).toBeInstanceOf(UserError);
    expect((err as UserError).describe()).toContain('table.csv 第2行 分值: “十分” 不是数字');
  });

  it('reads dates in the year the table states, else in the year it is given, and says so', async () => {
    const rows = (title: string[]) => [
      title,
      HEADER,
      ['产出指标', '时效指标', '完工时间', '2025年12月底前', '11月底', 50, 50],
    ];
    const stated = await reviewCsv(rows(['2025年度项目支出绩效自评表']), 2031);
    expect(stated.indicators[0]?.score).toBe(50);
    expect(stated.notes.join('')).not.toContain('没有写明年度');
    const assumed = await reviewCsv(rows(['项目支出绩效自评表']), 2025);
    expect(assumed.indicators[0]?.score).toBe(50);
    expect(assumed.notes).toContain('自评表没有写明年度，没写年份的日期按 2025 年理解');
    // Read in 2026, “11月底” is eleven months past the deadline.
    const late = await reviewCsv(rows(['项目支出绩效自评表']), 2026);
    expect(late.indicators[0]?.score).toBeLessThan(50);
    expect(late.notes).toContain('自评表没有写明年度，没写年份的日期按 2026 年理解');
  });

  it('reads a target without a year (“12月底前”) in the assumed year, and says when a given year is not used', async () => {
    const row = ['产出指标', '时效指标', '完工时间', '12月底前', '11月底', 50, 50];
    const assumed = await reviewCsv([['项目支出绩效自评表'], HEADER, row], 2025);
    expect(assumed.indicators[0]).toMatchObject({ score: 50, gap: 0 });
    const stated = await reviewCsv([['2024年度项目支出绩效自评表'], HEADER, row], 2025, true);
    expect(stated.indicators[0]?.score).toBe(50);
    expect(stated.notes).toContain('自评表写明了 2024 年度，日期按表上的年度理解（未采用指定的 2025 年）');
    const quiet = await reviewCsv([['2024年度项目支出绩效自评表'], HEADER, row], 2025, false);
    expect(quiet.notes.join('')).not.toContain('年度');
  });
});
