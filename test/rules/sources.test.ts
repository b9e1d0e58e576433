import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listRuleSets, loadRuleSet, RULES_DIR } from '../../src/io/rules.js';
import { citedIds, readBibliography } from '../../src/io/rules-sources.js';

/** Internal research codes (S5, C1), the research file's name and its remarks: none may reach a reader. */
const INTERNAL = /\bS[0-9]{1,2}\b|\bC[1-5]\b|domain-rules|\.\.\/shared|未读到|shared\/cases/;

async function problemsOf(file: string): Promise<string> {
  try {
    await loadRuleSet(file);
  } catch (err) {
    if (err instanceof UserError) return err.describe();
    throw err;
  }
  throw new Error(`${file} loaded`);
}

function withRuleFile(text: string, fn: (file: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-sources-'));
  const file = join(dir, 'local.yaml');
  writeFileSync(file, text);
  return fn(file).finally(() => rmSync(dir, { recursive: true, force: true }));
}

const LOCAL = 'id: local\nlabel: 本地\ndescription: 本地口径。\nextends: national\nexecution:\n  weight: 10\n';

describe('rules/sources.yaml', () => {
  const { entries, problems } = readBibliography(RULES_DIR, (f) => f);

  it('reads without problems, every entry findable by URL or document number', () => {
    expect(problems).toEqual([]);
    expect(Object.keys(entries).length).toBeGreaterThanOrEqual(10);
    for (const e of Object.values(entries)) expect(e.url ?? e.documentNumber).toBeTruthy();
    expect(entries['caiyu-2020-10']).toMatchObject({ documentNumber: '财预〔2020〕10号', date: '2020-02-25' });
  });

  it('every entry is cited by some bundled rule set, and every cited id exists', async () => {
    const cited = new Set<string>();
    for (const e of listRuleSets()) for (const id of citedIds((await loadRuleSet(e.id)).ruleSet)) cited.add(id);
    expect([...cited].sort()).toEqual(Object.keys(entries).sort());
  });

  it('holds no internal code, research file name or remark, nor do the rule sets', () => {
    for (const name of ['sources.yaml', ...listRuleSets().map((e) => `${e.id}.yaml`)]) {
      expect(readFileSync(join(RULES_DIR, name), 'utf8')).not.toMatch(INTERNAL);
    }
  });
});

describe('citations in a rule set', () => {
  it('refuses an id that is in no bibliography', () =>
    withRuleFile(
      `${LOCAL}  source:\n    basis: 地方实践\n    cite:\n      - { id: no-such-doc, clause: 第三条 }\n`,
      async (file) => {
        const text = await problemsOf(file);
        expect(text).toContain('local.yaml: execution.source.cite[0].id');
        expect(text).toContain('引用的文献“no-such-doc”不在');
      },
    ));

  it('accepts a rule set that brings its own entry, and hands it on', () =>
    withRuleFile(
      `${LOCAL}  source:\n    basis: 地方实践\n    cite:\n      - { id: county-notice, clause: 第五条 }\n` +
        'sources:\n  county-notice:\n    title: 关于开展2025年度绩效自评工作的通知\n    issuer: 某县财政局\n' +
        '    documentNumber: 某财绩〔2025〕1号\n    date: 2025-12-01\n    url: null\n    read: 第五条 执行率 10 分\n    status: 地方实践\n',
      async (file) => {
        const r = (await loadRuleSet(file)).ruleSet;
        expect(r.sources?.['county-notice']?.documentNumber).toBe('某财绩〔2025〕1号');
        expect(r.execution.source.cite).toEqual([{ id: 'county-notice', clause: '第五条' }]);
      },
    ));

  it('refuses an own entry nobody cites, and one a reader cannot find', () =>
    withRuleFile(
      `${LOCAL}  source: { basis: 本工具约定, note: 本地约定的分值。 }\n` +
        'sources:\n  lost:\n    title: 某表\n    issuer: 某单位\n    documentNumber: null\n    date: null\n    url: null\n    read: 第一条的内容\n    status: 未证实\n',
      async (file) => {
        const text = await problemsOf(file);
        expect(text).toContain('local.yaml: sources.lost');
        expect(text).toContain('没有被任何规则引用');
        expect(text).toContain('网址（url）或文号（documentNumber）');
      },
    ));

  it('refuses a source written as a sentence, saying how to write one', () =>
    withRuleFile(`${LOCAL}  source: 地方实践：本县通知\n`, async (file) => {
      const text = await problemsOf(file);
      expect(text).toContain('local.yaml: execution.source');
      expect(text).toContain('basis');
      expect(text).toContain('cite');
    }));

  it('refuses a source with neither a citation nor a note', () =>
    withRuleFile(`${LOCAL}  source: { basis: 地方实践 }\n`, async (file) => {
      expect(await problemsOf(file)).toContain('要么引用文献（cite），要么写明说明（note）');
    }));
});
