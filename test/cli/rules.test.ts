import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, ROOT } from '../helpers/cli.js';
import { runGuarded } from '../helpers/module-guard.js';

describe('jixiao rules list', () => {
  it('prints every rule set with its name and parent', () => {
    const r = jixiao(['rules', 'list']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/id\s.*名称.*继承自/);
    for (const id of ['national', 'hubei-20', 'yunnan-20', 'hebei-integer', 'sichuan', 'linear-reverse']) {
      expect(r.stdout).toContain(id);
    }
    expect(r.stdout).toContain('全国通用');
  });
});

describe('jixiao rules show', () => {
  it('prints every rule of national with its numbers and source', async () => {
    const r = jixiao(['rules', 'show', 'national']);
    expect(r.status).toBe(0);
    const out = r.stdout;
    // Long lines wrap within 100 columns under their own text (a URL, which cannot break, excepted).
    const { displayWidth } = await import('../../src/report/terminal/width.js');
    expect(out.split('\n').filter((l) => displayWidth(l) > 100 && !/https?:/.test(l))).toEqual([]);
    const flat = out.replace(/\n\s+/g, '');
    expect(flat).toContain('财预〔2020〕10号');
    // Citations in words: the document, its clause, and its URL in the bibliography; no internal code or path.
    expect(flat).toContain('《中江县2022年财政衔接资金实施项目绩效自评表');
    expect(flat).toContain('表下注1“一级指标分值统一设置为：产出指标50分');
    expect(flat).toContain('【参考文献】');
    expect(flat).toContain('https://chacewang.com/newsdetail/news242266.html');
    expect(out).not.toMatch(/\bS[0-9]{1,2}\b|\bC[1-5]\b|domain-rules|shared|未读到|\.yaml/);
    expect(flat).toContain('来源（未证实）');
    expect(flat).toContain('产出指标 50 分、效益指标 30 分、满意度指标 10 分');
    expect(flat).toContain('满意度指标的分值并入效益指标');
    expect(flat).toContain('部分达成（部分达成年度指标并具有一定效果）：分值的 60%（含）至 80%（不含）');
    expect(flat).toContain('优：90 分及以上');
    expect(flat).toContain('保留 2 位小数，四舍五入');
    // 16 rule blocks (指标值为 0 的指标 among them), and 4 entries of the values dated by year (定性分档, 一级成本指标), each with its own source.
    expect(out.match(/来源（/g)?.length).toBe(20);
    expect(flat).toContain('实际值为 0 得满分；大于 0 得 0 分（不论上面的计分公式）');
    expect(out).toContain(
      '【按年度取值：定性指标分档（2020-02-25 之前）】\n  取值：达成 80%–100%、部分达成 50%–80%、未达成 0%–50%',
    );
  });

  it('shows a variant with the chain it resolved', () => {
    const r = jixiao(['rules', 'show', 'linear-reverse']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('继承关系：national → linear-reverse');
    expect(r.stdout).toContain('内置公式 linear-reverse');
  });

  it('--format json gives the resolved rule set and its chain', () => {
    const r = jixiao(['rules', 'show', 'hebei-integer', '--format', 'json']);
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.chain).toEqual(['national', 'hebei-integer']);
    expect(json.ruleSet.rounding.source.cite[0].id).toBe('langfang-2019-food-school-selfeval');
    expect(json.ruleSet.sources['langfang-2019-food-school-selfeval'].url).toBe(
      'http://www.lfsp.cn/newsinfo/1158053.html',
    );
    expect(json.ruleSet.id).toBe('hebei-integer');
    expect(json.ruleSet.rounding.indicator).toEqual({ decimals: 0, mode: 'half-up' });
    expect(json.ruleSet.rounding.total.decimals).toBe(0);
    expect(json.ruleSet.execution.weight).toBe(10);
  });

  it('loads a rule file by path', () => {
    const r = jixiao(['rules', 'show', 'rules/sichuan.yaml']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('执行率低于 90% 时须说明原因');
  });

  it('refuses an unknown name clearly', () => {
    const r = jixiao(['rules', 'show', 'guangdong']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('找不到规则集“guangdong”');
    expect(r.stderr).toContain('national');
    expect(r.stderr).not.toContain('内部错误');
  });

  it('reports a broken file with file, key path and line', () => {
    const r = jixiao(['rules', 'show', 'test/fixtures/rules/non-number-weight.yaml']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('test/fixtures/rules/non-number-weight.yaml: execution.weight: 应为数字，实际为字符串');
  });

  it('refuses an unknown format', () => {
    const r = jixiao(['rules', 'show', 'national', '--format', 'xml']);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain('--format');
  });
});

/** mathjs costs 0.5–0.9 s to import, so only a rule set with an `expr` formula may load it. */
const guarded = (args: string[]) => runGuarded(args, ['mathjs']);

function loadFromSource(name: string) {
  const script = `const { loadRuleSet } = await import('./src/io/rules.ts');
    try { await loadRuleSet(${JSON.stringify(name)}); console.log('LOADED'); } catch (e) { console.log(e.message); }`;
  return guarded(['--import', 'tsx', '--input-type=module', '-e', script]);
}

describe('start-up cost: mathjs is loaded only for expr formulas', () => {
  it('src/io/rules.ts loads national and every variant without mathjs', () => {
    for (const name of ['national', 'hubei-20', 'linear-reverse']) {
      const r = loadFromSource(name);
      expect(r.out).toContain('LOADED');
      expect(r.out).not.toContain('LOADED:mathjs');
    }
  });

  it('the guard does catch mathjs when a rule set has an expr formula', () => {
    const r = loadFromSource(join(ROOT, 'test/fixtures/rules/forbidden-formula.yaml'));
    expect(r.out).toContain('LOADED:mathjs');
  });

  it('the built CLI shows national without mathjs', () => {
    const r = guarded([join(ROOT, 'dist/cli/bin.js'), 'rules', 'show', 'national']);
    expect(r.out).not.toContain('LOADED:mathjs');
    expect(r.status).toBe(0);
  });
});
