import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { GoalDocument } from '../../src/model/goals.js';
import type { Target } from '../../src/model/target.js';
import { jixiao, SHARED, withTempDir } from '../helpers/cli.js';

/**
 * The three real goal documents of other units through the real binary: import → check → template → score →
 * report. Counts, budgets to 0.01 万元 and every parsed target are asserted against the printed strings.
 */

const DIR = join(SHARED, 'goal-docs');

/** What a reader sees of a report: md as it is, html without tags (entities decoded), an xlsx's cell texts. */
function readerText(format: string, bytes: Buffer): string {
  if (format === 'md') return bytes.toString('utf8');
  if (format === 'html') {
    return bytes
      .toString('utf8')
      .replace(/<[^>]*>/g, ' ')
      .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
      .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
      .replace(/&(gt|lt|amp|quot);/g, (_, e: string) => ({ gt: '>', lt: '<', amp: '&', quot: '"' })[e] ?? '');
  }
  const parts = unzipSync(bytes);
  return Object.keys(parts)
    .filter((k) => /^xl\/(sharedStrings|worksheets\/sheet\d+)\.xml$/.test(k))
    .map((k) => strFromU8(parts[k] as Uint8Array))
    .join('\n')
    .replace(
      /&(gt|lt|amp|quot|apos);/g,
      (_, e: string) => ({ gt: '>', lt: '<', amp: '&', quot: '"', apos: "'" })[e] ?? '',
    );
}

/** A parsed target in one line: what the score will compare with. */
function reading(t: Target): string {
  switch (t.direction) {
    case 'positive':
    case 'reverse':
    case 'equal': {
      const sign = { '>=': '≥', '>': '>', '=': '=', '<': '<', '<=': '≤' }[t.op];
      return `${sign}${t.value}${t.unit ?? ''}${t.asCost ? '（成本）' : ''}${t.implicitOp ? '（未写比较符）' : ''}`;
    }
    case 'range':
      return `${t.min}~${t.max}${t.unit ?? ''}`;
    case 'deadline':
      return `${t.from ? `${t.from}起 ` : ''}期限${t.date}${t.recurring ? '（每年）' : ''}`;
    case 'qualitative':
      return `定性:${t.sense}${t.note ? '（含数字的文字）' : ''}`;
    case 'invalid':
      return `无法识别:${t.problem.code}`;
    case 'not-applicable':
      return '不适用';
    case 'compound':
      return t.parts.map(reading).join(' 且 ');
  }
}

interface Case {
  file: string;
  projects: number;
  rows: number;
  blank: number;
  budgets: number[];
  /** The budgets as the 自评表 prints them (万元, two decimals). */
  printedBudgets: string[];
  targets: [string, string][];
  /** Check codes that must appear, and ones that must not. */
  flagged: string[];
  notFlagged: string[];
}

const cases: Case[] = [
  {
    file: 'hunan-nanyue-2018-poverty-goals.txt',
    projects: 2,
    rows: 27,
    blank: 0,
    budgets: [214.06, 10],
    printedBudgets: ['214.06', '10.00'],
    targets: [
      ['>=1102人', '≥1102人'],
      ['>=1102人', '≥1102人'],
      ['=10个', '=10个'],
      ['第一年按总投资额返本20%,分红按8%分红', '定性:state（含数字的文字）'],
      ['每年12月底前', '期限2018-12-31（每年）'],
      ['=5年', '=5年'],
      ['=23万元/个', '=23万元/个'],
      ['>=8%', '≥8%'],
      ['=46.16万元', '=46.16万元'],
      ['>=1102人', '≥1102人'],
      ['>=95%', '≥95%'],
      ['>=20平方米', '≥20平方米'],
      ['>=4个', '≥4个'],
      ['>=60亩', '≥60亩'],
      ['>=98%', '≥98%'],
      ['>=95%', '≥95%'],
      ['<=475元/亩', '≤475元/亩'],
      ['<=2875元/个', '≤2875元/个'],
      ['<=3000元/平方米', '≤3000元/平方米'],
      ['>=6万元', '≥6万元'],
      ['>=2.61万元', '≥2.61万元'],
      ['>=60000人', '≥60000人'],
      ['>=29人', '≥29人'],
      ['>=90%', '≥90%'],
      ['>=90%', '≥90%'],
      ['>=90%', '≥90%'],
      ['>=90%', '≥90%'],
    ],
    flagged: ['placeholder-left', 'name-target-mismatch'],
    notFlagged: ['target-invalid', 'tier1-missing'],
  },
  {
    file: 'hunan-xiangxi-special-school-2023-goals.txt',
    projects: 1,
    rows: 10,
    blank: 5,
    budgets: [30],
    printedBudgets: ['30.00'],
    targets: [
      ['17元/人.每天', '≤17元/人/天（成本）（未写比较符）'],
      ['95%以上', '≥95%'],
      ['168', '≥168（未写比较符）'],
      ['90%以上', '≥90%'],
      ['90%以上', '≥90%'],
      ['90%以上', '≥90%'],
      ['2023年12月31日', '期限2023-12-31'],
      ['大于90%', '>90%'],
      ['有所减轻', '定性:improve'],
      ['有所提升', '定性:improve'],
    ],
    flagged: ['direction-inferred', 'operator-missing'],
    notFlagged: ['target-invalid', 'tier1-missing'],
  },
  {
    file: 'hunan-xiangtan-sanitation-2023-goals.txt',
    projects: 1,
    rows: 7,
    blank: 3,
    budgets: [250],
    printedBudgets: ['250.00'],
    targets: [
      ['10辆', '≥10辆（未写比较符）'],
      ['≥80M', '≥80米'],
      ['优良', '定性:achieve'],
      ['2023.07-2024.01', '2023-07-01起 期限2024-01-31'],
      ['250万', '≤250万元（成本）（未写比较符）'],
      ['≥85%', '≥85%'],
      ['≥90%', '≥90%'],
    ],
    flagged: ['direction-inferred'],
    notFlagged: ['target-invalid', 'tier1-missing'],
  },
];

/** Actuals that meet every target exactly (a deadline on its day, a qualitative row 达成), all money spent. */
function actualsMeeting(doc: GoalDocument, change: Record<string, string> = {}): string {
  const lines = ['schema: jixiao/actuals@1', 'period: year-end', 'projects:'];
  for (const p of doc.projects) {
    const t = p.budget.total;
    lines.push(
      `  - code: ${p.code}`,
      '    budget:',
      `      initial: ${t}`,
      `      adjusted: ${t}`,
      `      executed: ${t}`,
    );
    lines.push('    indicators:');
    for (const i of p.indicators) {
      lines.push(`      - name: ${JSON.stringify(i.name)}`);
      const x = i.target;
      const actual =
        change[i.name] ??
        (x.direction === 'deadline'
          ? x.date
          : x.direction === 'range'
            ? `${x.max}${x.unit ?? ''}`
            : x.direction === 'qualitative' ||
                x.direction === 'invalid' ||
                x.direction === 'not-applicable' ||
                x.direction === 'compound'
              ? null
              : `${x.value}${x.unit ?? ''}`);
      lines.push(actual === null ? '        grade: 达成' : `        actual: ${JSON.stringify(actual)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

interface Scored {
  projects: {
    code: string;
    total: number;
    budget: { adjusted: number };
    incomplete: unknown;
    indicators: { name: string; weight: number; score: number; explanation: { steps: { kind: string }[] } }[];
  }[];
}

describe.each(cases)('$file through the CLI', (c) => {
  const source = join(DIR, c.file);
  const printed = readFileSync(source, 'utf8');

  it('imports, checks, makes a template, scores and reports', () => {
    withTempDir((dir) => {
      const goals = join(dir, 'goals.json');
      const imported = jixiao(['import', source, '-o', goals]);
      expect(imported.status).toBe(0);
      expect(imported.stderr).toContain(`已导入 ${c.projects} 个项目、${c.rows} 个指标`);
      expect(imported.stderr.match(/空白的模板行/g) ?? []).toHaveLength(c.blank);
      const doc = JSON.parse(readFileSync(goals, 'utf8')) as GoalDocument;

      // Budgets in 万元 to 0.01; every target string as printed, and what it was read as.
      expect(doc.projects.map((p) => Math.round(p.budget.total * 100) / 100)).toEqual(c.budgets);
      const targets = doc.projects.flatMap((p) => p.indicators.map((i) => i.target));
      expect(targets.map((t) => [t.raw, reading(t)])).toEqual(c.targets);
      for (const t of targets) expect(printed).toContain(`\t${t.raw}\n`);

      const check = jixiao(['check', goals, '--format', 'json']);
      const codes = new Set((JSON.parse(check.stdout) as { findings: { code: string }[] }).findings.map((f) => f.code));
      for (const code of c.flagged) expect(codes).toContain(code);
      for (const code of c.notFlagged) expect(codes).not.toContain(code);
      // The .txt itself is a GOALS argument too: the same findings.
      expect(jixiao(['check', source, '--format', 'json']).stdout).toBe(check.stdout);

      const template = jixiao(['template', goals]);
      expect(template.status).toBe(0);
      for (const p of doc.projects) for (const i of p.indicators) expect(template.stdout).toContain(i.name);

      const actuals = join(dir, 'actuals.yaml');
      writeFileSync(actuals, actualsMeeting(doc));
      const score = jixiao(['score', goals, actuals, '--format', 'json']);
      expect(score.stderr).not.toContain('错误');
      expect(score.status).toBe(0);
      const scored = JSON.parse(score.stdout) as Scored;
      expect(scored.projects.map((p) => p.total)).toEqual(c.budgets.map(() => 100));
      expect(scored.projects.map((p) => p.budget.adjusted)).toEqual(c.budgets);

      for (const format of ['md', 'html', 'xlsx']) {
        const out = join(dir, `reports-${format}`);
        const report = jixiao(['report', goals, actuals, '--format', format, '-o', out]);
        expect(report.status, report.stderr).toBe(0);
        expect(readdirSync(out).sort()).toEqual(
          [...doc.projects.map((p) => `${p.code}-self-evaluation.${format}`), `department.${format}`].sort(),
        );
        doc.projects.forEach((p, k) => {
          const form = readerText(format, readFileSync(join(out, `${p.code}-self-evaluation.${format}`)));
          expect(form).toContain(p.name);
          // A workbook keeps the budget as a number formatted 0.00; md and html print it.
          expect(form).toContain(format === 'xlsx' ? `<v>${c.budgets[k]}</v>` : c.printedBudgets[k]);
          // Every row's 指标值 as the table printed it, and the score of a table met in full.
          for (const i of p.indicators) expect(form).toContain(i.target.raw);
          expect(form).toContain('100');
          // The generated id is never printed as a code: the workbook form has no 项目编码 cell at all.
          if (format === 'xlsx') expect(form).not.toContain(p.code);
          else expect(form).toContain('未填写项目编码');
        });
        const summary = readerText(format, readFileSync(join(out, `department.${format}`)));
        for (const p of doc.projects) expect(summary).toContain(p.name);
      }
    });
  });
});

describe('a cost overrun never scores full marks', () => {
  it.each([
    ['hunan-xiangtan-sanitation-2023-goals.txt', '控制在预算成本内', '270万元'],
    ['hunan-xiangxi-special-school-2023-goals.txt', '学生补助标准', '18元/人/天'],
    ['hunan-nanyue-2018-poverty-goals.txt', '流转土地补助标准', '500元/亩'],
  ])('%s: %s at %s', (file, name, actual) => {
    withTempDir((dir) => {
      const goals = join(dir, 'goals.json');
      expect(jixiao(['import', join(DIR, file), '-o', goals]).status).toBe(0);
      const doc = JSON.parse(readFileSync(goals, 'utf8')) as GoalDocument;
      writeFileSync(join(dir, 'actuals.yaml'), actualsMeeting(doc, { [name]: actual }));
      const score = jixiao(['score', goals, join(dir, 'actuals.yaml'), '--format', 'json']);
      expect(score.status).toBe(0);
      const row = (JSON.parse(score.stdout) as Scored).projects
        .flatMap((p) => p.indicators)
        .find((i) => i.name === name);
      expect(row).toBeDefined();
      expect(row?.score).toBeLessThan(row?.weight ?? 0);
      expect(row?.score).toBeGreaterThan(0);
    });
  });

  it('says the direction was inferred from the cost row', () => {
    withTempDir((dir) => {
      const goals = join(dir, 'goals.json');
      jixiao(['import', join(DIR, 'hunan-xiangtan-sanitation-2023-goals.txt'), '-o', goals]);
      const doc = JSON.parse(readFileSync(goals, 'utf8')) as GoalDocument;
      writeFileSync(join(dir, 'actuals.yaml'), actualsMeeting(doc, { 控制在预算成本内: '270万元' }));
      const table = jixiao(['score', goals, join(dir, 'actuals.yaml')]);
      expect(table.stdout.replace(/[│\s]/g, '')).toContain('未写比较符，按成本指标理解为≤');
    });
  });
});
