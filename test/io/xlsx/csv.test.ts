import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { scoreDocument } from '../../../src/core/scoring/index.js';
import { UserError } from '../../../src/errors.js';
import { loadActuals } from '../../../src/io/actuals.js';
import { loadGoals } from '../../../src/io/goals.js';
import { loadRuleSet } from '../../../src/io/rules.js';
import { readActualsTable } from '../../../src/io/xlsx/actuals.js';
import { readCsvGrid } from '../../../src/io/xlsx/grid.js';
import type { ActualsDocument } from '../../../src/model/actuals.js';
import { encodeGbk } from '../../fixtures/documents/encode.js';
import { SAMPLE } from '../../helpers/cli.js';
import { inTempDir } from './fill.js';

const goals = loadGoals(join(SAMPLE, 'goals.json'));
const yaml = loadActuals(join(SAMPLE, 'actuals-year-end.yaml'));
const rules = await loadRuleSet('national');

const HEAD = ['项目编码', '二级指标', '三级指标', '实际完成值', '完成等级', '档内得分', '不适用原因', '偏差原因'];
const MORE = ['改进措施', '佐证材料', '调整得分', '调整理由'];
const FUNDS = ['年初预算数', '全年预算数', '全年执行数', '执行偏差原因', '年度总体目标完成情况'];

/** The 指标 sheet as CSV rows, with the funds on each project's first row (or left out). */
function csvRows(doc: ActualsDocument, withFunds = true): (string | number)[][] {
  const rows: (string | number)[][] = [[...HEAD, ...MORE, ...(withFunds ? FUNDS : [])]];
  for (const p of doc.projects) {
    const table = goals.projects.find((t) => t.code === p.code);
    p.indicators.forEach((i, k) => {
      const tier2 = table?.indicators[k]?.tier2 ?? '';
      const b = p.budget;
      const funds =
        k === 0 ? [b.initial ?? '', b.adjusted ?? '', b.executed ?? '', b.reason ?? '', p.achievement ?? ''] : [];
      rows.push([
        ...[p.code, tier2, i.name, i.actual ?? '', i.grade ?? '', i.score ?? '', i.notApplicable ?? '', i.reason ?? ''],
        ...[i.remedy ?? '', i.evidence ?? '', i.override?.score ?? '', i.override?.reason ?? ''],
        ...(withFunds ? (funds.length > 0 ? funds : FUNDS.map(() => '')) : []),
      ]);
    });
  }
  return rows;
}

async function read(bytes: Uint8Array | string): Promise<ActualsDocument> {
  return inTempDir(async (dir) => {
    const path = join(dir, 'actuals.csv');
    writeFileSync(path, bytes);
    return readActualsTable(path, goals);
  });
}

async function failure(bytes: string): Promise<string> {
  const err = await read(bytes).then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(UserError);
  return (err as UserError).describe();
}

describe('readActualsTable: a CSV of the 指标 sheet', () => {
  const text = stringify(csvRows(yaml));

  it.each([
    ['UTF-8 with BOM', `\ufeff${text}`],
    ['UTF-8 without BOM', text],
    ['GBK (Excel on Chinese Windows)', encodeGbk(text)],
  ])('%s: scores exactly as the YAML does', async (_name, bytes) => {
    const doc = await read(bytes);
    expect(doc.period).toBe('year-end');
    expect(scoreDocument(goals, doc, rules)).toEqual(scoreDocument(goals, yaml, rules));
  });

  it('without budget columns: says the funds are missing and how to give them', async () => {
    const message = await failure(stringify(csvRows(yaml, false)));
    expect(message).toContain('CSV 中没有资金数据（缺少“全年执行数”列）');
    expect(message).toContain('填在每个项目的第一行');
  });

  it('a project whose rows carry no 全年执行数, and two different amounts for one project', async () => {
    const rows = csvRows(yaml);
    const executed = FUNDS.indexOf('全年执行数') + HEAD.length + MORE.length;
    const firstOf = (code: string) => rows.findIndex((r) => r[0] === code);
    const p1 = firstOf(yaml.projects[0]?.code ?? '');
    const p2 = firstOf(yaml.projects[1]?.code ?? '');
    (rows[p1] as (string | number)[])[executed] = '';
    (rows[p2 + 1] as (string | number)[])[executed] = 61;
    const message = await failure(stringify(rows));
    expect(message).toContain(`actuals.csv 第${p2 + 2}行 全年执行数: 与第${p2 + 1}行填写的 “60” 不一致`);
    expect(message).toContain(`actuals.csv 第${p1 + 1}行 全年执行数: 项目 ${yaml.projects[0]?.code} 缺少全年执行数`);
  });

  it('an .xlsx renamed to .csv is refused with a hint', async () => {
    const message = await failure('PK\u0003\u0004 not really');
    expect(message).toContain('这是 Excel 工作簿而不是 CSV 文本');
  });

  it('reads stray quotes as written, and says on which line a quote is never closed', async () => {
    const head = `${HEAD.join(',')}\n`;
    const grid = await inTempDir(async (dir) => {
      writeFileSync(join(dir, 'a.csv'), `${head}P1,数量指标,巡查"次数",10次\nP1,质量指标,"整改"率,95%\n`);
      return readCsvGrid(join(dir, 'a.csv'), '实际完成情况');
    });
    expect(grid.rows.slice(1).map((r) => r.map((c) => c.value))).toEqual([
      ['P1', '数量指标', '巡查"次数"', '10次'],
      ['P1', '质量指标', '"整改"率', '95%'],
    ]);
    // The open quote is in the record on line 4 (a quoted cell above holds a line break: lines and records part).
    const open = `${head}P1,数量指标,"多行\n说明",10次\nP1,质量指标,"合格率,95%\nP1,时效指标,完成时间,6月\n`;
    const message = await failure(open);
    expect(message).toContain('CSV 格式错误，从第4行开始的那条记录里，有一个引号到文件结尾都没有闭合');
    expect(message.replace('actuals.csv', '')).not.toMatch(/[A-Za-z]{4}/);
  });
});
