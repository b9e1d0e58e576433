import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { jixiao, ROOT, SAMPLE, withTempDir } from '../helpers/cli.js';

/**
 * No message names a code-side field ("缺少实际完成值 actual", "(budget.reason)"): every message the CLI prints on
 * the bad-input fixtures is scanned for a run of three Latin letters outside what the user wrote (quoted text,
 * file names, YAML key paths that locate a cell, option names, command names and the values an option takes).
 */
const GOALS = join(SAMPLE, 'goals.json');
const DOC = join(SAMPLE, 'goals-document.txt');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
const MID = join(SAMPLE, 'actuals-mid-year.yaml');

/** Words a message may hold: commands, option values, formats and rule-set ids the user types. */
const ALLOWED =
  /\b(Word|Excel|WPS|jixiao|import|check|template|score|monitor|report|review|rules|show|list|schema|national|hubei|yunnan|hebei|sichuan|integer|uncapped|linear|reverse|execution|ceiling|over|whole|year|end|mid|table|json|html|pdf|xlsx|docx|csv|yaml|txt|text|goals|actuals|yyyy)\b/g;

/** The message with the user's own text and the places it names taken out. */
function outsideUserText(line: string): string {
  return line
    .replace(/“[^”]*”|"[^"]*"|‘[^’]*’|「[^」]*」|`[^`]*`|解析器原文：.*$/g, '')
    .replace(/\S*[\\/]\S*/g, '') // paths
    .replace(/\S+\.(txt|yaml|yml|json|xlsx|docx|csv|md|html|pdf)\b/gi, '')
    .replace(/--?[a-z][a-z-]*/gi, '') // options
    .replace(/[A-Za-z_$][\w$]*(\[\d+\]|\.[A-Za-z_$][\w$]*)+(?=:)/g, '') // key paths that locate a cell
    .replace(ALLOWED, '');
}

function messages(runs: string[][]): string[] {
  return runs.flatMap((args) => {
    const r = jixiao(args);
    return `${r.stderr}\n${r.status === 0 ? '' : r.stdout}`.split('\n').filter(Boolean);
  });
}

const edit = (dir: string, name: string, from: string, to: string, base = YEAR_END) => {
  const text = readFileSync(base, 'utf8');
  if (!text.includes(from)) throw new Error(`sample has no ${from}`);
  const file = join(dir, name);
  writeFileSync(file, text.replace(from, to));
  return file;
};

describe('messages name no code-side field', () => {
  it('on bad actuals: missing and wrong values, missing reasons, overrides, a partial run', () => {
    withTempDir((dir) => {
      const found = messages([
        ['score', DOC, edit(dir, 'a.yaml', '{ name: 安全生产天数, actual: 365天 }', '{ name: 安全生产天数 }')],
        [
          'score',
          DOC,
          edit(dir, 'b.yaml', '{ name: 安全生产天数, actual: 365天 }', '{ name: 安全生产天数, actual: 365万元 }'),
        ],
        ['score', DOC, edit(dir, 'c.yaml', 'score: 8.5', 'score: 12')],
        ['score', DOC, edit(dir, 'd.yaml', 'code: 13020225P00001210004M', 'code: P404')],
        ['score', DOC, edit(dir, 'e.yaml', 'score: 8.5', 'score: 12'), '--allow-incomplete'],
        ['score', DOC, edit(dir, 'f.yaml', 'actual: 11.2万元 }', 'actual: 11.2万元, override: { score: 1 } }')],
        ['score', DOC, YEAR_END, '--project', 'P404'],
        ['score', DOC, YEAR_END, '--rules', 'sichuan'],
        ['monitor', GOALS, MID, '--as-of', '2025-06-30'],
      ]);
      expect(found.length).toBeGreaterThan(10);
      expect(found.filter((l) => /[a-z]{3,}/.test(outsideUserText(l)))).toEqual([]);
    });
  });

  it('on bad mid-year actuals: a qualitative row with no grade, a light without its reason, a bad cause', () => {
    withTempDir((dir) => {
      const mid = (name: string, from: string, to: string) => edit(dir, name, from, to, MID);
      const found = messages([
        ['monitor', GOALS, mid('m1.yaml', '        grade: 部分达成\n        score: 8\n', '')],
        ['monitor', GOALS, mid('m2.yaml', 'reason: 上半年部分社区反映物资发放通知不及时。, cause: 其他 ', '')],
        ['monitor', GOALS, mid('m3.yaml', 'cause: 制度保障', 'cause: 天气原因')],
        ['monitor', GOALS, mid('m4.yaml', 'likelihood: 有可能', 'likelihood: 也许')],
        ['monitor', GOALS, mid('m5.yaml', 'asOf: 2025-06-30', 'asOf: 2024-06-30')],
        ['monitor', GOALS, mid('m6.yaml', 'period: mid-year', 'period: year-end')],
        ['monitor', GOALS, YEAR_END],
      ]);
      expect(found.length).toBeGreaterThan(7);
      expect(found.filter((l) => /[a-z]{3,}/.test(outsideUserText(l)))).toEqual([]);
    });
  });

  it('on review of filled 自评表: the published tables, a damaged workbook, one that is no 自评表', () => {
    withTempDir((dir) => {
      const cases = join(ROOT, 'test/fixtures/xlsx/cases');
      writeFileSync(join(dir, 'damaged.xlsx'), Buffer.from('PK\x03\x04 not really a zip'));
      const files = readdirSync(cases).map((f) => join(cases, f));
      const found = messages([
        ['review', ...files, join(dir, 'damaged.xlsx'), join(ROOT, 'test/fixtures/xlsx/openpyxl-filled.xlsx')],
        ['review', ...files.filter((f) => f.endsWith('.csv')), '--format', 'csv'],
      ]).filter((l) => !l.startsWith('│') && !l.startsWith('┌') && !l.startsWith('└') && !l.startsWith('├'));
      // The summary table prints file names and project names as cells; its notes and errors are scanned.
      expect(found.length).toBeGreaterThan(3);
      expect(found.filter((l) => /[a-z]{3,}/.test(outsideUserText(l)))).toEqual([]);
    });
  });

  // A rule set's messages name the keys of the YAML file its author edits: those keys (and the values a key takes,
  // ratio, half-up …) are the file's own vocabulary, and any other English word is caught.
  it('on the bad rule sets of test/fixtures', () => {
    const vocabulary = new Set<string>();
    const collect = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(collect);
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) {
          vocabulary.add(k);
          collect(x);
        }
      else if (typeof v === 'string' && /^[a-z][a-z-]*$/.test(v)) for (const w of v.split('-')) vocabulary.add(w);
    };
    for (const f of readdirSync(join(ROOT, 'rules'))) collect(parse(readFileSync(join(ROOT, 'rules', f), 'utf8')));
    for (const w of ['proportional', 'positiv']) vocabulary.delete(w);
    const keys = new RegExp(`\\b(${[...vocabulary].join('|')})\\b`, 'g');
    const rules = readdirSync(join(ROOT, 'test/fixtures/rules')).map((f) => join(ROOT, 'test/fixtures/rules', f));
    const found = messages(rules.map((f) => ['rules', 'show', f]));
    expect(found.length).toBeGreaterThan(rules.length);
    expect(found.filter((l) => /[a-z]{3,}/.test(outsideUserText(l).replace(keys, '')))).toEqual([]);
  });

  it('on the bad goal documents of test/fixtures', () => {
    const docs = readdirSync(join(ROOT, 'test/fixtures/documents')).filter((f) => f.endsWith('.txt'));
    const found = messages(docs.map((f) => ['check', join(ROOT, 'test/fixtures/documents', f)]));
    expect(found.length).toBeGreaterThan(5);
    expect(found.filter((l) => /[a-z]{3,}/.test(outsideUserText(l)))).toEqual([]);
  });

  it.each([
    ['  - 项目 P1 指标“x”: 缺少实际完成值 actual', true],
    ['  - 项目 P1: 须说明原因（budget.reason）', true],
    ['  - 项目 P1: 未完成指标值，须填写偏差原因分析（reason）', true],
    ['  - actuals.yaml: projects[2].indicators[4].grade: 应为以下之一：达成', false],
    ['错误：--project：目标表中没有项目编码 “P404”', false],
  ])('the scan catches %s: %s', (line, caught) => {
    expect(/[a-z]{3,}/.test(outsideUserText(line))).toBe(caught);
  });
});
