import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkGoals, Finding } from '../../../src/core/check/index.js';
import { loadGoals } from '../../../src/io/goals.js';
import { SAMPLE, SEED, SEED_CODES } from '../../helpers/cli.js';

/**
 * The founding document (shared/seed): every defect its README lists is reported at the right project and row,
 * and no sound row is flagged as an error.
 */

const TIERS = ['产出指标', '效益指标', '满意度指标'];
const findings = checkGoals(loadGoals(SEED), { tierNames: TIERS });

const [P1, P2, P3, P4, , P6, P7, P8] = SEED_CODES as [string, ...string[]];

/** The findings of one code at one project (and row, when given). */
const at = (code: string, project: string | undefined, indicator?: string) =>
  findings.filter(
    (f) =>
      f.code === code && f.project.code === project && (indicator === undefined || f.indicator?.name === indicator),
  );

describe('the defects listed in seed/README.md', () => {
  it('自然灾害救助专项资金: 成本指标 ≤12.16万元 against a 12.17 budget', () => {
    const [f] = at('cost-differs-from-budget', P3, '控制预算成本');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 4 } });
    expect(f?.message).toContain('12.16');
    expect(f?.message).toContain('12.17');
  });

  it('自然灾害救助专项资金: the name says 12.165, the budget 12.17', () => {
    const [f] = at('name-differs-from-budget', P3);
    expect(f).toMatchObject({ severity: 'warning' });
    expect(f?.indicator).toBeUndefined();
    expect(f?.message).toContain('12.165');
  });

  it('视频全覆盖: description 不低于1000家 beside 指标值 ≥1500家', () => {
    const [f] = at('description-mismatch', P6, '每年检查企业个数');
    expect(f).toMatchObject({ severity: 'error', indicator: { no: 1, tier2: '数量指标' } });
    expect(f?.message).toContain('不低于1000家');
    expect(f?.message).toContain('≥1500家');
  });

  it('演练结束后资金支付时间 repeated under 时效指标 and 经济效益指标 with the same value', () => {
    expect(at('duplicate-indicator', P3, '演练结束后资金支付时间')).toMatchObject([
      { severity: 'warning', indicator: { no: 6, tier2: '经济效益指标' } },
    ]);
  });

  it('汛期结束前完成演练活动比例 repeated with different values (≥70% vs ≥80%)', () => {
    const [f] = at('duplicate-indicator', P3, '汛期结束前完成演练活动比例');
    expect(f).toMatchObject({ severity: 'error', indicator: { no: 7, tier2: '生态效益指标' } });
    expect(f?.message).toContain('≥70%');
    expect(f?.message).toContain('≥80%');
  });

  it('满意度投诉率 ≥95%: a complaint rate where higher is better', () => {
    expect(at('reverse-with-gte', P7, '满意度投诉率')).toMatchObject([{ severity: 'error', indicator: { no: 7 } }]);
  });

  it('农房保险参保农户满意度 inside the disaster-relief fund', () => {
    const [f] = at('satisfaction-subject', P3, '农房保险参保农户满意度');
    expect(f).toMatchObject({ severity: 'warning', indicator: { no: 8 } });
    expect(f?.message).toContain('农房保险');
  });

  it('时效指标 written as ≤2025年 (projects 1, 4, 6)', () => {
    for (const code of [P1, P4, P6]) {
      const [f] = at('timeliness-target', code, '保证安全生产的时效性');
      expect(f).toMatchObject({ severity: 'warning', indicator: { no: 3 } });
      expect(f?.message).toContain('≤2025年');
    }
  });

  it('时效指标 written as ≥2年 (应急库经费) and ≥1年 (招商引进专项业务费)', () => {
    expect(at('timeliness-target', P2, '保障应急库物资的时效性')[0]?.message).toContain('≥2年');
    expect(at('timeliness-target', P7, '按时间完成招商业务')[0]?.message).toContain('≥1年');
  });

  it('时效指标 written as 100% with no operator (政策性农房保险)', () => {
    const [f] = at('timeliness-target', P8, '按规定时限缴纳保险');
    expect(f?.message).toContain('100%');
    expect(f?.message).toContain('没有写运算符');
  });
});

describe('the other rows a reviewer would question', () => {
  it('较往年有所提高 beside ≥95% is vague', () => {
    expect(at('target-vague', P3, '提高人民群众防灾减灾意识')).toMatchObject([{ severity: 'warning' }]);
  });

  it('a payment time limit under 经济效益 and a drill share under 生态效益 do not fit their tier-2', () => {
    expect(at('tier2-misfit', P3).map((f) => f.indicator?.no)).toEqual([6, 7]);
  });

  it('projects 1, 4 and 6 share rows copied word for word (info)', () => {
    for (const code of [P1, P4, P6]) expect(at('boilerplate', code).length).toBeGreaterThanOrEqual(5);
  });
});

/** Rows the README (or the task) names as defective: an error anywhere else is a false positive. */
const DEFECTIVE = new Set([
  `${P3}/控制预算成本`,
  `${P3}/演练结束后资金支付时间`,
  `${P3}/汛期结束前完成演练活动比例`,
  `${P3}/农房保险参保农户满意度`,
  `${P6}/每年检查企业个数`,
  `${P7}/满意度投诉率`,
]);

describe('severity counts on the seed', () => {
  const errors = findings.filter((f) => f.severity === 'error');

  it('reports exactly three errors, each on a defective row', () => {
    expect(errors.map((f) => [f.project.code, f.indicator?.name, f.code])).toEqual([
      [P3, '汛期结束前完成演练活动比例', 'duplicate-indicator'],
      [P6, '每年检查企业个数', 'description-mismatch'],
      [P7, '满意度投诉率', 'reverse-with-gte'],
    ]);
  });

  it('has 0 false positives: no error on a sound row', () => {
    const falsePositives = errors.filter((f) => !DEFECTIVE.has(`${f.project.code}/${f.indicator?.name}`));
    expect(falsePositives).toEqual([]);
  });

  it('counts 3 errors, 15 warnings and 20 infos, by code', () => {
    const byCode: Record<string, number> = {};
    for (const f of findings) byCode[`${f.severity} ${f.code}`] = (byCode[`${f.severity} ${f.code}`] ?? 0) + 1;
    expect(byCode).toEqual({
      'error duplicate-indicator': 1,
      'error description-mismatch': 1,
      'error reverse-with-gte': 1,
      'warning cost-differs-from-budget': 1,
      'warning duplicate-indicator': 1,
      'warning name-differs-from-budget': 1,
      'warning satisfaction-subject': 1,
      'warning target-vague': 3, // 应急库 row 5, 救助 row 5, 防震减灾 row 6
      'warning tier2-misfit': 2,
      'warning timeliness-target': 6,
      'info boilerplate': 19,
      'info operator-missing': 1, // 按规定时限缴纳保险 "100%"
    });
  });
});

describe('the findings themselves', () => {
  it('match the Finding schema', () => {
    for (const f of findings) expect(Finding.safeParse(f).success).toBe(true);
  });

  it('come in project order, then row, then code', () => {
    const order = findings.map((f) => [SEED_CODES.indexOf(f.project.code), f.indicator?.no ?? 0, f.code] as const);
    const sorted = [...order].sort((a, b) => a[0] - b[0] || a[1] - b[1] || (a[2] < b[2] ? -1 : a[2] > b[2] ? 1 : 0));
    expect(order).toEqual(sorted);
  });

  it('are the same from the imported goals JSON as from the document', () => {
    const fromJson = checkGoals(loadGoals(join(SAMPLE, 'goals.json')), { tierNames: TIERS });
    const key = (f: Finding) => `${f.project.code}/${f.indicator?.no ?? '-'}/${f.code}/${f.severity}`;
    expect(fromJson.map(key)).toEqual(findings.map(key));
  });
});
