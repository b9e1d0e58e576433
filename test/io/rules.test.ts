import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { listRuleSets, loadRuleSet, RULES_DIR } from '../../src/io/rules.js';
import { ROOT } from '../helpers/cli.js';

const FIXTURES = join(ROOT, 'test/fixtures/rules');

/** Like helpers' withTempDir, but waits for an async body before removing the folder. */
async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-rules-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function failure(nameOrPath: string, opts?: { rulesDir?: string }): Promise<UserError> {
  try {
    await loadRuleSet(nameOrPath, opts);
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error(`${nameOrPath} loaded, expected a UserError`);
}

/** Leaf paths where two JSON values differ. */
function diffPaths(a: unknown, b: unknown, path = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b) && !path.endsWith('source')) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].flatMap((k) => diffPaths(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path];
}

describe('rules/national.yaml', () => {
  it('holds the national numbers', async () => {
    const { ruleSet: r, chain, formulas } = await loadRuleSet('national');
    expect(chain).toEqual([join(RULES_DIR, 'national.yaml')]);
    expect(formulas).toEqual({});
    expect(r.execution).toMatchObject({ weight: 10, cap: 1, formula: { builtin: 'rate' }, explainBelow: null });
    expect(r.tiers.weights).toEqual({ 产出指标: 50, 效益指标: 30, 满意度指标: 10 });
    expect(r.tiers.whenMissing).toEqual({ 满意度指标: '效益指标' });
    expect(r.allocation.method).toBe('equal');
    expect(r.scoring.positive).toMatchObject({ formula: { builtin: 'ratio' }, cap: true });
    expect(r.scoring.reverse).toMatchObject({ formula: { builtin: 'inverse-ratio' }, cap: true });
    expect(r.scoring.equal).toMatchObject({ formula: { builtin: 'equal' }, cap: true });
    expect(r.scoring.range).toMatchObject({ formula: { builtin: 'range' }, cap: true });
    expect(r.scoring.deadline.lateShare).toBe(0);
    expect(r.scoring.qualitative.bands.map((b) => [b.grade, b.label, b.min, b.max])).toEqual([
      ['达成', '达成年度指标', 0.8, 1],
      ['部分达成', '部分达成年度指标并具有一定效果', 0.6, 0.8],
      ['未达成', '未达成年度指标且效果较差', 0, 0.6],
    ]);
    expect(r.scoring.notApplicable.method).toBe('within-tier');
    expect(r.scoring.overAchievement.explainAt).toBeNull();
    expect(r.grades.bands).toEqual([
      { grade: '优', min: 90 },
      { grade: '良', min: 80 },
      { grade: '中', min: 60 },
      { grade: '差', min: 0 },
    ]);
    expect(r.rounding.indicator).toEqual({ decimals: 2, mode: 'half-up' });
    expect(r.rounding.total).toEqual({ decimals: 2, mode: 'half-up' });
    expect(r.totalCeiling.byExecutionRate).toBe(false);
    expect(r.monitoring).toMatchObject({ planBetweenMilestones: 'step', amberGap: -10, redGap: -20 });
  });

  it('cites a document, local practice or software for every rule, and marks the unverified ones', async () => {
    const { ruleSet: r } = await loadRuleSet('national');
    const sources = [
      r.execution,
      r.tiers,
      r.allocation,
      ...Object.values(r.scoring),
      r.grades,
      r.rounding,
      r.totalCeiling,
    ].map((block) => block.source);
    if (r.monitoring) sources.push(r.monitoring.source);
    // Every block says how far it is established, and cites a document or says in words what it rests on.
    for (const s of sources) expect(s.cite.length > 0 || (s.note ?? '').length > 10).toBe(true);
    for (const s of [r.grades.source, r.scoring.overAchievement.source, r.scoring.notApplicable.source])
      expect(s.basis).toBe('未证实');
    expect(r.tiers.source.note).toContain('未证实');
    expect(r.tiers.source.cite.map((c) => c.id)).toContain('zhongjiang-2022-water-selfeval');
    expect(r.rounding.source.basis).toBe('软件实现');
    expect(r.monitoring?.source.basis).toBe('本工具约定');
    // Every cited document is handed on with the rule set, findable by URL or document number.
    const cited = new Set(sources.flatMap((s) => s.cite.map((c) => c.id)));
    expect(Object.keys(r.sources ?? {}).sort()).toEqual([...cited].sort());
    for (const e of Object.values(r.sources ?? {})) expect(e.url ?? e.documentNumber).toBeTruthy();
  });
});

const NATIONAL_IDENTITY = ['id', 'label', 'description', 'extends'];
const VARIANTS: Record<string, string[]> = {
  'hubei-20': ['execution.weight', 'execution.source', 'tiers.weights.产出指标', 'tiers.source', 'tiers.fromTable'],
  'yunnan-20': ['execution.weight', 'execution.source', 'tiers.weights.产出指标', 'tiers.source'],
  'hebei-integer': ['rounding.indicator.decimals', 'rounding.total.decimals', 'rounding.source'],
  'yunnan-uncapped': [
    'execution.weight',
    'execution.source',
    'tiers.weights.产出指标',
    'tiers.source',
    'scoring.positive.cap',
    'scoring.positive.source',
    'rounding.indicator.decimals',
    'rounding.total.decimals',
    'rounding.source',
  ],
  'linear-reverse': ['scoring.reverse.formula.builtin', 'scoring.reverse.source'],
  'execution-ceiling': ['totalCeiling.byExecutionRate', 'totalCeiling.source'],
  'over-130': ['scoring.overAchievement.explainAt', 'scoring.overAchievement.source'],
  sichuan: ['execution.explainBelow', 'execution.source'],
  'whole-score': ['scoring.notApplicable.method', 'scoring.notApplicable.source'],
};

describe('variants extend national and change only what they say', () => {
  it('lists every rule file, national first, ids matching file names', () => {
    const entries = listRuleSets();
    expect(entries[0]).toMatchObject({ id: 'national', extends: null });
    expect(entries.map((e) => e.id).sort()).toEqual(['national', ...Object.keys(VARIANTS)].sort());
    for (const e of entries) expect(basename(e.file)).toBe(`${e.id}.yaml`);
    for (const e of entries.slice(1)) expect(e.extends).toBe(e.id === 'yunnan-uncapped' ? 'yunnan-20' : 'national');
  });

  it.each(Object.entries(VARIANTS))('%s', async (id, changed) => {
    const national = (await loadRuleSet('national')).ruleSet;
    const variant = await loadRuleSet(id);
    const parent = id === 'yunnan-uncapped' ? ['yunnan-20.yaml'] : [];
    expect(variant.chain.map((f) => basename(f))).toEqual(['national.yaml', ...parent, `${id}.yaml`]);
    expect(variant.ruleSet.id).toBe(id);
    const { sources: _n, ...n } = national;
    const { sources: _v, ...v } = variant.ruleSet;
    expect(diffPaths(n, v).sort()).toEqual([...NATIONAL_IDENTITY, ...changed].sort());
  });

  it('states the numbers each variant is about', async () => {
    const get = async (id: string) => (await loadRuleSet(id)).ruleSet;
    expect((await get('hubei-20')).tiers.weights).toEqual({ 产出指标: 40, 效益指标: 30, 满意度指标: 10 });
    expect((await get('yunnan-20')).execution.weight).toBe(20);
    expect((await get('hebei-integer')).rounding).toMatchObject({
      indicator: { decimals: 0, mode: 'half-up' },
      total: { decimals: 0, mode: 'half-up' },
    });
    expect((await get('hebei-integer')).rounding.source.cite[0]?.clause).toContain('8.62');
    expect((await get('yunnan-uncapped')).scoring.positive.cap).toBe(false);
    expect((await get('over-130')).scoring.overAchievement.explainAt).toBe(1.3);
    expect((await get('sichuan')).execution.explainBelow).toBe(0.9);
    expect((await get('sichuan')).execution.source.cite[0]?.id).toBe('qingshen-sichuan-selfeval');
  });
});

/** Every fixture states, in its first line, the words its error must contain. */
const fixtures = readdirSync(FIXTURES)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const first = readFileSync(join(FIXTURES, f), 'utf8').split('\n')[0] ?? '';
    const keywords = first
      .replace(/^# expect:/, '')
      .split('|')
      .map((k) => k.trim());
    return { f, keywords, ok: first.startsWith('# expect:') };
  });

describe('invalid rule files: one per failure mode, each message names the file and the key', () => {
  it('has the expected failure modes', () => {
    expect(fixtures.every((x) => x.ok)).toBe(true);
    expect(fixtures.length).toBeGreaterThanOrEqual(12);
  });

  it.each(fixtures.map((x) => [x.f, x.keywords] as const))('%s', async (f, keywords) => {
    const text = (await failure(join(FIXTURES, f))).describe();
    for (const k of keywords) expect(text).toContain(k);
  });
});

describe('loadRuleSet', () => {
  it('reports every problem at once', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'many.yaml');
      const text = readFileSync(join(RULES_DIR, 'national.yaml'), 'utf8')
        .replace('id: national', 'id: many')
        .replace('  weight: 10\n', '  weight: "10"\n')
        .replace('{ builtin: ratio }', '{ builtin: nope }')
        .replace('  lateShare: 0\n', '  lateShare: 2\n')
        .replace(/(rounding:\n(?:.*\n)*?) {2}source:\n(?: {4}.*\n)+/, '$1');
      writeFileSync(file, text);
      const err = await failure(file);
      const where = err.problems.map((p) => p.where?.replace(`${dir}/`, ''));
      expect(where).toEqual(
        expect.arrayContaining([
          'many.yaml: execution.weight',
          'many.yaml: scoring.deadline.lateShare',
          'many.yaml: rounding.source',
        ]),
      );
      expect(err.describe()).toContain('缺少来源 source');
    });
  });

  it('names a missing built-in name and lists the known ones', async () => {
    const text = (await failure('nowhere')).describe();
    expect(text).toContain('nowhere');
    expect(text).toContain('hebei-integer');
  });

  it('resolves bare names in rulesDir', async () => {
    await withTempDir(async (dir) => {
      writeFileSync(join(dir, 'national.yaml'), readFileSync(join(RULES_DIR, 'national.yaml')));
      writeFileSync(
        join(dir, 'local.yaml'),
        'id: local\nlabel: 本地\ndescription: 本地口径。\nextends: national\nexecution:\n  weight: 10\n  source: { basis: 地方实践, note: 测试用例的来源。 }\n',
      );
      const r = await loadRuleSet('local', { rulesDir: dir });
      expect(r.chain).toEqual([join(dir, 'national.yaml'), join(dir, 'local.yaml')]);
    });
  });

  it('compiles expr formulas by rule path', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'custom.yaml');
      writeFileSync(
        file,
        [
          'id: custom',
          'label: 自定义公式',
          'description: 正向指标用自定义公式。',
          'extends: national',
          'scoring:',
          '  positive:',
          "    formula: { expr: 'min(actual / target, 1) * weight' }",
          '    source: { basis: 软件实现, note: 测试用自定义公式。 }',
        ].join('\n'),
      );
      const r = await loadRuleSet(file);
      expect(Object.keys(r.formulas)).toEqual(['scoring.positive']);
      const scope = { actual: 90, target: 100, weight: 20, ratio: 0.9, inverse: 100 / 90, rate: 1, cap: 1 };
      expect(r.formulas['scoring.positive']?.evaluate(scope)).toBe(18);
    });
  });
});
