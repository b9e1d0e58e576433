import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRuleSet } from '../../src/io/rules.js';
import { mergeRuleData } from '../../src/io/rules-merge.js';

async function withTempDir(fn: (dir: string) => Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-merge-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('merge semantics', () => {
  const base = {
    a: { x: 1, y: [1, 2], z: { deep: 1, keep: 2 } },
    tiers: { weights: { 产出指标: 50, 满意度指标: 10 }, source: 'base' },
    scoring: { positive: { formula: { builtin: 'ratio' }, cap: true } },
    n: 5,
  };

  it('merges objects key by key; arrays, scalars and null replace', () => {
    const out = mergeRuleData(base, { a: { y: [3], z: { deep: 9 } }, n: null });
    expect(out).toEqual({ ...base, a: { x: 1, y: [3], z: { deep: 9, keep: 2 } }, n: null });
  });

  it('replaces formula and tier tables whole', () => {
    const out = mergeRuleData(base, {
      tiers: { weights: { 产出指标: 60 } },
      scoring: { positive: { formula: { expr: 'weight' } } },
    });
    expect(out.tiers).toEqual({ weights: { 产出指标: 60 }, source: 'base' });
    expect(out.scoring).toEqual({ positive: { formula: { expr: 'weight' }, cap: true } });
  });

  it('replaces a source whole: a variant citation keeps none of the base clauses', () => {
    const cited = { basis: '地方实践', cite: [{ id: 'a', clause: '表注' }], note: '基础' };
    const out = mergeRuleData(
      { tiers: { source: cited } },
      { tiers: { source: { basis: '本工具约定', note: '变体' } } },
    );
    expect(out.tiers).toEqual({ source: { basis: '本工具约定', note: '变体' } });
  });

  it('does not modify its inputs', () => {
    const copy = structuredClone(base);
    mergeRuleData(base, { a: { x: 2 } });
    expect(base).toEqual(copy);
  });

  it('lets a variant drop a tier by writing the whole table', async () => {
    await withTempDir(async (dir) => {
      const file = join(dir, 'no-satisfaction.yaml');
      writeFileSync(
        file,
        [
          'id: no-satisfaction',
          'label: 无满意度指标',
          'description: 四川例子，产出与效益两类一级指标。',
          'extends: national',
          'tiers:',
          '  weights: { 产出指标: 60, 效益指标: 30 }',
          '  whenMissing: null',
          '  source: { basis: 地方实践, note: 四川的表：产出60 + 效益30，没有满意度指标。 }',
        ].join('\n'),
      );
      const r = await loadRuleSet(file);
      expect(r.ruleSet.tiers.weights).toEqual({ 产出指标: 60, 效益指标: 30 });
      expect(r.ruleSet.tiers.whenMissing).toBeNull();
    });
  });
});
