import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTarget } from '../../src/core/target/parse.js';
import { UserError } from '../../src/errors.js';
import { splitGoals } from '../../src/io/goal-document/goals.js';
import { parseGoalDocument, serializeGoalDocument } from '../../src/io/goal-document/index.js';
import type { Cell } from '../../src/io/goal-document/lines.js';
import { milestoneMonth, monthEnd } from '../../src/io/goal-document/plan.js';
import { GoalDocument } from '../../src/model/goals.js';
import { SEED, SEED_CODES } from '../helpers/cli.js';

const seed = readFileSync(SEED, 'utf8');
const lines = seed.split('\n');
const parse = (text: string, source: string | null = 'goals.txt') => parseGoalDocument(text, { source });
const doc = parse(seed);

/** The problems a document is refused with. */
function problems(text: string, source = 'goals.txt'): { where: string; message: string }[] {
  try {
    parse(text, source);
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    const e = err as UserError;
    expect(e.message).toContain(source);
    return e.problems.map((p) => ({ where: p.where ?? '', message: p.message }));
  }
  throw new Error('the document was imported');
}

/** Replace line `n` (1-based) of the seed. */
function withLine(n: number, text: string | null, source = lines): string {
  const copy = [...source];
  if (text === null) copy.splice(n - 1, 1);
  else copy[n - 1] = text;
  return copy.join('\n');
}

/** The document without `line` fields, to compare documents laid out differently. */
const content = (d: GoalDocument) => JSON.parse(JSON.stringify(d, (k, v) => (k === 'line' ? undefined : v)));

describe('parseGoalDocument: the seed', () => {
  it('holds 8 projects and 57 indicators, in document order', () => {
    expect(doc.schema).toBe('jixiao/goals@1');
    expect(doc.source).toBe('goals.txt');
    expect(doc.year).toBe(2025);
    expect(doc.projects.map((p) => p.code)).toEqual(SEED_CODES);
    expect(doc.projects.map((p) => p.indicators.length)).toEqual([7, 7, 8, 7, 7, 7, 7, 7]);
    expect(doc.projects.flatMap((p) => p.indicators)).toHaveLength(57);
    expect(doc.projects.map((p) => p.line)).toEqual([10, 102, 195, 295, 387, 479, 571, 662]);
  });

  it('validates against the GoalDocument schema', () => {
    expect(GoalDocument.safeParse(JSON.parse(serializeGoalDocument(doc))).success).toBe(true);
  });

  it('keeps headings as printed, and null for the two tables without one', () => {
    expect(doc.projects.map((p) => p.heading)).toEqual([
      '1.2025年安全生产专项经费绩效目标表',
      '2.2025年应急库经费绩效目标表',
      '3.2025年自然灾害救助专项资金（12.165）绩效目标表',
      '4.安全生产专家费绩效目标表',
      '5.防震减灾宣传和地震台维修和人员经费绩效目标表',
      '6.视频全覆盖绩效目标表',
      null,
      null,
    ]);
    expect(doc.projects.slice(6).map((p) => p.name)).toEqual(['招商引进专项业务费', '政策性农房保险']);
  });

  it('reads the budgets in 万元: they add up to 226.85, 其他资金 blank → null', () => {
    expect(doc.projects.map((p) => p.budget.total)).toEqual([50, 60, 12.17, 50, 20, 10.12, 20, 4.56]);
    const sum = doc.projects.reduce((s, p) => s + p.budget.total, 0);
    expect(Math.round(sum * 100) / 100).toBe(226.85);
    for (const p of doc.projects) {
      expect(p.budget.fiscal).toBe(p.budget.total);
      expect(p.budget.other).toBeNull();
    }
  });

  it('reads 资金用途, even before a trailing tab run', () => {
    expect(doc.projects[0]?.useOfFunds).toBe('保障全区安全生产体系建设');
    expect(doc.projects[2]?.useOfFunds).toBe('通过引导社会力量资金参与救灾工作，充分发挥财政资金的放大作用');
  });

  it('reads every spending plan as 3月底 25%, 6月底 50%, 10月底 75%, 12月底 100% of 2025', () => {
    for (const p of doc.projects) {
      expect(p.spendingPlan).toEqual([
        { label: '3月底', date: '2025-03-31', cumulative: 0.25 },
        { label: '6月底', date: '2025-06-30', cumulative: 0.5 },
        { label: '10月底', date: '2025-10-31', cumulative: 0.75 },
        { label: '12月底', date: '2025-12-31', cumulative: 1 },
      ]);
    }
  });

  it('strips the numbering from 绩效目标', () => {
    expect(doc.projects.map((p) => p.goals)).toEqual([
      ['保障全区安全生产体系建设'],
      ['消除隐患，保证安全度汛，减少人民生命和财产损失情况'],
      ['通过引导社会力量资金参与救灾工作，充分发挥财政资金的放大作用'],
      ['保证全区企业安全生产稳定'],
      ['提高全区防震减灾意识，增强全区人民抗震减灾能力'],
      ['保证全区企业安全生产稳定'],
      ['为招商引资提供便利，为居民增收'],
      ['推动农房保险政策落实'],
    ]);
  });

  it('carries a blank (merged) 一级指标 cell down from the row above', () => {
    const p3 = doc.projects[2];
    expect(p3?.indicators.map((i) => [i.tier1, i.tier2])).toEqual([
      ['产出指标', '数量指标'],
      ['产出指标', '质量指标'],
      ['产出指标', '时效指标'],
      ['产出指标', '成本指标'],
      ['效益指标', '社会效益指标'],
      ['效益指标', '经济效益指标'],
      ['效益指标', '生态效益指标'],
      ['满意度指标', '服务对象满意度指标'],
    ]);
    expect(p3?.indicators[5]).toMatchObject({
      tier1: '效益指标',
      tier2: '经济效益指标',
      name: '演练结束后资金支付时间',
      description: '1月以内',
      basis: '根据实际情况所得',
      line: 275,
    });
    expect(p3?.indicators[5]?.target.raw).toBe('≤1月');
  });

  it('reads indicator rows whole, with the line each starts on', () => {
    expect(doc.projects[0]?.indicators[0]).toMatchObject({
      tier1: '产出指标',
      tier2: '数量指标',
      name: '每年检查企业个数',
      description: '保障每年检查企业次数不低于1000家',
      basis: '唐字【2014】21号',
      line: 54,
    });
    // The row ending in a stray tab ("唐汛【2022】3号\t") is still six cells.
    expect(doc.projects[1]?.indicators[5]).toMatchObject({ name: '保障突发应急事件处置', basis: '唐汛【2022】3号' });
  });

  it('parses each 指标值 once with parseTarget and the table year', () => {
    for (const p of doc.projects) {
      for (const i of p.indicators) expect(i.target).toEqual(parseTarget(i.target.raw, { year: p.year }));
    }
    const raws = doc.projects.flatMap((p) => p.indicators.map((i) => i.target.raw));
    expect(raws.slice(0, 7)).toEqual(['≥1000家', '≥95%', '≤2025年', '≤50万元', '≥365天', '≥95%', '≥95%']);
    expect(raws).toContain('100%');
  });

  it('keeps the published defects as they are', () => {
    const video = doc.projects[5]?.indicators[0];
    expect(video?.description).toBe('保障每年用视频检查企业次数不低于1000家');
    expect(video?.target.raw).toBe('≥1500家');
    expect(doc.projects[2]?.indicators[3]?.target.raw).toBe('≤12.16万元');
    expect(doc.projects[2]?.indicators[7]?.name).toBe('农房保险参保农户满意度');
    expect(doc.projects[6]?.indicators[6]).toMatchObject({ name: '满意度投诉率' });
  });

  it('reads the department: unit from the tables, the three texts from 第一部分', () => {
    expect(doc.department.unitCode).toBe('450001');
    expect(doc.department.unitName).toBe('唐山市路南区应急管理局本级');
    expect(doc.department.goals.overall.startsWith('负责全区应急管理工作，指导各单位')).toBe(true);
    expect(doc.department.goals.overall.endsWith('组织开展安全生产巡查、考核工作。')).toBe(true);
    expect(doc.department.goals.detailed.startsWith('区应急管理局加强、优化、统筹全区应急能力建设')).toBe(true);
    expect(doc.department.goals.measures.startsWith('区应急管理局要加强事中事后监管')).toBe(true);
    for (const text of Object.values(doc.department.goals)) expect(text).not.toContain('bookmark');
    for (const p of doc.projects) expect([p.unitCode, p.unitName]).toEqual(['450001', '唐山市路南区应急管理局本级']);
  });

  it('serialises deterministically: 2-space indent, schema key order, trailing newline', () => {
    const json = serializeGoalDocument(doc);
    expect(json).toBe(serializeGoalDocument(parse(seed)));
    expect(json.endsWith('}\n')).toBe(true);
    expect(json.startsWith('{\n  "schema": "jixiao/goals@1",\n  "source": "goals.txt",\n  "year": 2025,\n')).toBe(true);
    expect(Object.keys(JSON.parse(json).projects[0])).toEqual([
      'code',
      'name',
      'year',
      'heading',
      'unitCode',
      'unitName',
      'budget',
      'useOfFunds',
      'spendingPlan',
      'goals',
      'indicators',
      'line',
    ]);
  });
});

describe('parseGoalDocument: other layouts of the same tables', () => {
  const base = content(doc);
  const isCellLine = (l: string) => /^ *\t/.test(l);
  const isBlank = (l: string) => /^[^\S\t]*$/.test(l);
  /** Join each run of cell lines into one line: "\tA\tB\tC". */
  const rowsOnOneLine = (text: string) =>
    text
      .split('\n')
      .reduce<string[]>((out, l) => {
        const last = out[out.length - 1];
        if (last !== undefined && isCellLine(l) && isCellLine(last)) out[out.length - 1] = last + l.replace(/^ +/, '');
        else out.push(l);
        return out;
      }, [])
      .join('\n');
  const withoutBlankLines = (text: string) =>
    text
      .split('\n')
      .filter((l) => !isBlank(l))
      .join('\n');
  const variants: [string, (t: string) => string][] = [
    ['without blank lines between rows', withoutBlankLines],
    ['with each row on one line', rowsOnOneLine],
    ['with rows on one line and no blank lines', (t) => withoutBlankLines(rowsOnOneLine(t))],
    ['with CR LF line ends', (t) => t.replace(/\n/g, '\r\n')],
    ['with extra blank and whitespace-only lines', (t) => t.replace(/\n\n/g, '\n \n\u3000\n\n')],
    ['with stray spaces before the first tab', (t) => t.replace(/\n\t/g, '\n  \t')],
    ['with a BOM', (t) => `\ufeff${t}`],
  ];
  it.each(variants)('imports the seed %s to the same content', (_name, transform) => {
    const text = transform(seed);
    expect(text).not.toBe(seed);
    expect(content(parse(text))).toEqual(base);
  });

  it('reads a merged 二级指标 cell under a merged 一级指标 as the one above', () => {
    const text = withLine(62, '\t');
    expect(parse(text).projects[0]?.indicators[1]).toMatchObject({ tier1: '产出指标', tier2: '数量指标' });
  });

  it('reads a multi-line cell (paragraph lines right under the cell line)', () => {
    const text = withLine(43, '\t1.保障全区安全生产体系建设\n2.完成年度检查计划\n3.开展培训');
    expect(parse(text).projects[0]?.goals).toEqual(['保障全区安全生产体系建设', '完成年度检查计划', '开展培训']);
  });

  it('leaves out part titles, section titles and notes around the tables', () => {
    const text = [
      ...lines.slice(0, 9),
      '第二部分 项目绩效目标',
      '',
      ...lines.slice(9, 101),
      '',
      '注：金额单位为万元。',
      '填报人：张三',
      ...lines.slice(101),
    ].join('\n');
    expect(content(parse(text))).toEqual(content(doc));
    const withTitle = [...lines.slice(0, 9), '四、项目绩效目标', ...lines.slice(9)].join('\n');
    expect(parse(withTitle).department.goals).toEqual(doc.department.goals);
  });

  it('joins the paragraphs of a department section, and reads text on the title line', () => {
    const text = [
      ' 第一部分',
      '[bookmark: x]一、总体绩效目标：第一段',
      '第二段',
      '二、分项绩效目标',
      '甲',
      '三、保障措施',
      '乙',
    ];
    const d = parse([...text, ...lines.slice(9)].join('\n'));
    expect(d.department.goals).toEqual({ overall: '第一段\n第二段', detailed: '甲', measures: '乙' });
  });

  it('reads an optional 分值 column into weight', () => {
    const table = [
      '1.2025年测试项目绩效目标表',
      '\t450001唐山市路南区应急管理局本级\t单位：万元',
      '',
      '\t项目编码\tT001\t项目名称\t测试项目',
      '',
      '\t预算规模及资金用途\t预算数\t1,000.5\t其中：财政资金\t1000.5\t其他资金\t',
      '\t\t测试用途',
      '',
      '\t资金支出计划（%）\t6月\t12月末',
      '\t\t40%\t100%',
      '',
      '\t绩效目标\t1.甲；2.乙',
      '',
      '\t一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据\t分值',
      '\t产出指标\t数量指标\t次数\t\t≥3次\t\t20',
      '\t\t质量指标\t合格率\t\t100%\t依据\t',
    ].join('\n');
    const p = parse(table).projects[0];
    expect(p?.budget).toEqual({ total: 1000.5, fiscal: 1000.5, other: null });
    expect(p?.useOfFunds).toBe('测试用途');
    expect(p?.spendingPlan).toEqual([
      { label: '6月', date: '2025-06-30', cumulative: 0.4 },
      { label: '12月末', date: '2025-12-31', cumulative: 1 },
    ]);
    expect(p?.goals).toEqual(['甲', '乙']);
    expect(p?.indicators.map((i) => [i.tier1, i.tier2, i.name, i.basis, i.weight])).toEqual([
      ['产出指标', '数量指标', '次数', '', 20],
      ['产出指标', '质量指标', '合格率', '依据', undefined],
    ]);
  });
});

describe('parseGoalDocument: years and dates', () => {
  it('takes a table year from its project name when it has no heading', () => {
    const text = seed.replace('\t招商引进专项业务费\n', '\t2024年招商引进专项业务费\n');
    const d = parse(text);
    expect(d.year).toBe(2025);
    expect(d.projects[6]?.year).toBe(2024);
    expect(d.projects[6]?.spendingPlan[0]?.date).toBe('2024-03-31');
    expect(d.projects[7]?.year).toBe(2025);
  });

  it('takes the document year from the project names, then --year, then the cells, never the file name', () => {
    const noHeadingYears = seed.replace(/(\]\d\.)2025年/g, '$1');
    expect(parse(noHeadingYears).year).toBe(2025);
    const noNameYears = noHeadingYears.replace(/\t2025年/g, '\t');
    expect(parseGoalDocument(noNameYears, { source: 'lunan-2026-goals.txt' }).year).toBe(2025); // "2025年12月31日前"
    expect(parseGoalDocument(noNameYears, { source: null, year: 2024 }).year).toBe(2024);
    const noYears = noNameYears.replace(/20(2[0-9])年/g, '');
    expect(problems(noYears, 'lunan-2026-goals.txt')[0]?.message).toContain('无法确定文档的年度');
    expect(problems(noYears)[0]?.message).toContain('--year');
  });

  it.each([
    ['3月底', 2025, 3, '2025-03-31'],
    ['6月末', 2025, 6, '2025-06-30'],
    ['9月', 2025, 9, '2025-09-30'],
    ['１２月底', 2025, 12, '2025-12-31'],
    ['年底', 2025, 12, '2025-12-31'],
    ['2月底', 2024, 2, '2024-02-29'],
    ['2月底', 2025, 2, '2025-02-28'],
  ])('%s of %i → month %i, %s', (label, year, month, date) => {
    expect(milestoneMonth(label)).toBe(month);
    expect(monthEnd(year, month)).toBe(date);
  });

  it('maps "N月末" in a document to the last day of month N', () => {
    expect(parse(withLine(33, '\t9月末')).projects[0]?.spendingPlan[2]).toEqual({
      label: '9月末',
      date: '2025-09-30',
      cumulative: 0.75,
    });
  });

  it.each(['13月底', '三季度末', '下半年'])('refuses the milestone %s, naming its line', (word) => {
    const found = problems(withLine(33, `\t${word}`));
    expect(found).toHaveLength(1);
    expect(found[0]?.where).toContain('goals.txt 第 33 行');
    expect(found[0]?.where).toContain('13020225P00001210004M');
    expect(found[0]?.message).toContain(word);
  });

  it('refuses a plan whose shares do not match its dates or go down', () => {
    expect(problems(withLine(40, null))[0]?.message).toContain('4 个时间、3 个比例');
    expect(problems(withLine(39, '\t45%'))[0]).toMatchObject({ where: expect.stringContaining('第 39 行') });
  });
});

describe('splitGoals', () => {
  const cells = (...texts: string[]): Cell[] => texts.map((text, i) => ({ text, line: i + 1, stray: false, row: 0 }));
  it.each([
    [['1.保障全区安全生产体系建设'], ['保障全区安全生产体系建设']],
    [['1、甲；2、乙；3、丙。'], ['甲', '乙', '丙。']],
    [
      ['（1）甲', '（2）乙'],
      ['甲', '乙'],
    ],
    [['1.完成12.165万元资金拨付；2.按期完成'], ['完成12.165万元资金拨付', '按期完成']],
    [['保障安全生产'], ['保障安全生产']],
    [['一、甲\n二、乙'], ['甲', '乙']],
  ])('%j → %j', (input, expected) => {
    expect(splitGoals(cells(...input))).toEqual(expected);
  });
});

describe('parseGoalDocument: refused documents', () => {
  it.each(['', '  \n\t\n\u3000\n'])('refuses an empty document %j', (text) => {
    expect(problems(text)).toEqual([{ where: 'goals.txt 第 1 行', message: expect.stringContaining('空') }]);
  });

  it('refuses a document with no project tables', () => {
    const found = problems(lines.slice(0, 9).join('\n'));
    expect(found[0]?.where).toBe('goals.txt 第 1–9 行');
    expect(found[0]?.message).toContain('没有找到项目绩效目标表');
  });

  it('refuses a table that ends in the middle of the indicator header', () => {
    const found = problems(lines.slice(0, 49).join('\n'));
    expect(found).toHaveLength(1);
    expect(found[0]?.where).toContain('第 49 行');
    // Only what the table cannot do without is named (描述 and 依据 are optional columns).
    expect(found[0]?.message).toContain('只有 一级指标、二级指标、三级指标，缺少 指标值；');
    expect(found[0]?.message).toContain('截断');
  });

  it('refuses a last row with too few cells', () => {
    const found = problems(lines.slice(0, 98).join('\n'));
    expect(found).toEqual([
      { where: expect.stringContaining('第 96 行'), message: expect.stringContaining('只有 3 个单元格') },
    ]);
    expect(found[0]?.message).toContain('截断');
  });

  it('refuses a row with a missing cell in the middle of a table, naming it', () => {
    const found = problems(withLine(57, null));
    expect(found).toEqual([
      { where: expect.stringContaining('第 54 行'), message: expect.stringContaining('只有 5 个单元格') },
    ]);
    expect(found[0]?.message).not.toContain('截断');
  });

  it('refuses a row with too many cells', () => {
    expect(problems(withLine(58, '\t≥1000家\n\t多余'))).toEqual([
      { where: expect.stringContaining('第 54 行'), message: expect.stringContaining('有 7 个单元格') },
    ]);
  });

  it('gives a table without 项目编码 a stable code made from the unit and project name, marked as generated', () => {
    const first = parse(withLine(14, null, withLine(15, null).split('\n'))).projects[0];
    const again = parse(withLine(14, null, withLine(15, null).split('\n'))).projects[0];
    expect(first).toMatchObject({ codeGenerated: true, name: '2025年安全生产专项经费' });
    expect(first?.code).toMatch(/^auto-[0-9a-f]{16}$/);
    expect(again?.code).toBe(first?.code);
    expect(doc.projects[0]).not.toHaveProperty('codeGenerated');
  });

  it('refuses a first indicator row with a blank 一级指标', () => {
    expect(problems(withLine(54, '\t'))[0]?.message).toContain('一级指标为空');
  });

  it('refuses a 预算数 that is not an amount', () => {
    expect(problems(withLine(21, '\t五十万'))).toEqual([
      { where: expect.stringContaining('第 21 行'), message: '预算数 “五十万” 不是金额（万元）' },
    ]);
  });

  it('refuses a 项目编码 used by two tables', () => {
    const text = seed.replace('13020225P00001610003Q', '13020225P00001210004M');
    expect(problems(text)[0]).toMatchObject({
      where: expect.stringContaining('第 102 行'),
      message: expect.stringContaining('第 10 行'),
    });
  });

  it('refuses stray text inside a table', () => {
    const found = problems(withLine(60, '\n这里有一段说明'));
    expect(found).toEqual([{ where: 'goals.txt 第 61 行', message: expect.stringContaining('“这里有一段说明”') }]);
  });

  it('refuses a heading with nothing under it at the end of the file', () => {
    const found = problems(`${lines.slice(0, 101).join('\n')}\n7.2025年新项目绩效目标表\n`);
    expect(found[0]).toMatchObject({ where: 'goals.txt 第 102 行', message: expect.stringContaining('截断') });
  });

  it('reports every problem of the document in one pass', () => {
    let copy = withLine(33, '\t13月底'); // table 1
    copy = withLine(243, null, copy.split('\n')); // table 3: row at 240 loses a cell
    copy = withLine(397, '\t二十', copy.split('\n')); // table 5: 预算数 not an amount
    const found = problems(copy);
    expect(found.map((p) => p.where)).toEqual([
      expect.stringContaining('第 33 行'),
      expect.stringContaining('第 240 行'),
      expect.stringContaining('第 397 行'),
    ]);
  });

  it('never fails with an internal error on a truncated or damaged seed', () => {
    for (let n = 1; n <= lines.length; n++) {
      for (const text of [lines.slice(0, n).join('\n'), withLine(n, null)]) {
        try {
          parse(text);
        } catch (err) {
          expect(err).toBeInstanceOf(UserError);
          for (const p of (err as UserError).problems) expect(p.where).toMatch(/第 \d+(–\d+)? 行/);
        }
      }
    }
  });
});
