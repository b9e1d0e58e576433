import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE, withTempDir } from '../helpers/cli.js';

const GOALS = join(SAMPLE, 'goals.json');
const MID = join(SAMPLE, 'actuals-mid-year.yaml');

describe('jixiao monitor', () => {
  it('prints JSON with execution as shares, indicator pace and the forecast, equal to the committed sample', () => {
    const r = jixiao(['monitor', GOALS, MID, '--as-of', '2025-06-30', '--format', 'json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.projects[1].execution).toMatchObject({
      planned: 0.5,
      executed: 0.2,
      timeProgress: 0.4959,
      gap: -0.3,
      status: 'red',
    });
    expect(out.projects[4].forecast).toEqual({ total: 99.21, grade: '优', budgetScore: 10, executed: 20, rate: 1 });
    expect(out.projects[0].indicators[0]).toMatchObject({
      name: '每年检查企业个数',
      expected: 495.8904,
      projected: 1048.6188,
      status: 'green',
    });
    expect(r.stdout).toBe(readFileSync(join(SAMPLE, 'monitoring-2025-06-30.json'), 'utf8'));
  });

  it('prints a Chinese table by default', () => {
    const r = jixiao(['monitor', GOALS, MID, '--as-of', '2025-06-30']);
    expect(r.status).toBe(0);
    for (const h of [
      '计划进度',
      '序时进度',
      '实际执行',
      '红灯',
      '黄灯',
      '预计得分',
      '项目汇总（8 个项目）',
      '系统建议：完',
      '预计得分 99.21（优），其中预算执行率 10.00 分',
    ])
      expect(r.stdout).toContain(h);
  });

  it('refuses a malformed --as-of, and one that differs from the file', () => {
    const bad = jixiao(['monitor', GOALS, MID, '--as-of', '2025/06/30']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--as-of 应为 yyyy-MM-dd');
    const notADay = jixiao(['monitor', GOALS, MID, '--as-of', '2025-02-30']);
    expect(notADay.status).toBe(2);
    expect(notADay.stderr).toContain('有效日期');
    const other = jixiao(['monitor', GOALS, MID, '--as-of', '2025-07-31']);
    expect(other.status).toBe(2);
    expect(other.stderr).toContain('与');
    expect(other.stderr).toContain('asOf: 2025-06-30');
  });

  it('refuses year-end actuals', () => {
    const r = jixiao(['monitor', GOALS, join(SAMPLE, 'actuals-year-end.yaml'), '--as-of', '2025-06-30']);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('period: mid-year');
  });

  it('names the project and indicator of a missing to-date value', () => {
    withTempDir((dir) => {
      const file = join(dir, 'mid.yaml');
      writeFileSync(
        file,
        readFileSync(MID, 'utf8').replace('{ name: 每年检查企业个数, actual: 520家 }', '{ name: 每年检查企业个数 }'),
      );
      const r = jixiao(['monitor', GOALS, file, '--as-of', '2025-06-30']);
      expect(r.status).toBe(2);
      expect(r.stderr).toContain(
        '项目 13020225P00001210004M（2025年安全生产专项经费） 指标“每年检查企业个数”: 缺少实际完成值',
      );
    });
  });
});
