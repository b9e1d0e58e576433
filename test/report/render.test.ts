import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { BUILTIN_TEMPLATES, getRenderer } from '../../src/report/render.js';
import { selfEvaluationView } from '../../src/report/self-evaluation-view.js';
import { withTempDir } from '../helpers/cli.js';
import { loadSample, RELIEF, type Sample } from './fixture.js';

let sample: Sample;
beforeAll(async () => {
  sample = await loadSample();
});

/** The relief project with `reason` as the evaluator's text on its first indicator. */
function viewWithReason(reason: string) {
  const p = sample.project(RELIEF);
  const first = p.indicators[0];
  if (!first) throw new Error('no indicator');
  const changed = { ...p, indicators: [{ ...first, reason }, ...p.indicators.slice(1)] };
  return selfEvaluationView(changed, sample.goals, sample.ruleSet, sample.evaluation);
}

function overlay(files: Record<string, string>, fn: (dir: string) => void) {
  withTempDir((dir) => {
    mkdirSync(join(dir, 'partials'));
    for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
    fn(dir);
  });
}

const failure = (fn: () => unknown): UserError => {
  try {
    fn();
  } catch (err) {
    if (err instanceof UserError) return err;
    throw err;
  }
  throw new Error('expected a UserError');
};

describe('render', () => {
  it('compiles once per template folder and renders the same bytes every time', () => {
    const r = getRenderer();
    expect(getRenderer()).toBe(r);
    const view = viewWithReason('原因');
    expect(r.render('self-evaluation', 'html', view)).toBe(r.render('self-evaluation', 'html', view));
  });

  it('prints a <script> in a deviation reason as text', () => {
    const html = getRenderer().render('self-evaluation', 'html', viewWithReason('<script>window.__pwned=1</script>'));
    expect(html).toContain('偏差原因：&lt;script&gt;window.__pwned&#x3D;1&lt;/script&gt;');
    expect(html).not.toContain('<script>window');
    expect(html).not.toMatch(/<script/i);
  });

  it('keeps a Markdown table row whole when a cell holds a pipe, a newline or HTML', () => {
    const md = getRenderer().render('self-evaluation', 'md', viewWithReason('甲|乙\n<b>丙</b>'));
    const row = md.split('\n').find((l) => l.includes('联合组织应急预案演练次数 |'));
    expect(row).toContain('偏差原因：甲\\|乙<br>\\<b\\>丙\\</b\\>');
    expect(row?.split(/(?<!\\)\|/).length).toBe(10);
  });

  it('names the template and the field when a template asks for a field the view lacks', () => {
    overlay({ 'self-evaluation.html.hbs': '<h1>{{title}}</h1>\n<p>{{project.nmae}}</p>' }, (dir) => {
      const err = failure(() => getRenderer(dir).render('self-evaluation', 'html', viewWithReason('x')));
      expect(err.message).toMatch(/self-evaluation\.html\.hbs 第 2 行第 6 列：字段“nmae”在数据中不存在/);
    });
  });

  it('names the partial, not its caller, when the partial is at fault', () => {
    overlay({ 'partials/funds.html.hbs': '{{#each funds}}<tr>{{labl}}</tr>{{/each}}' }, (dir) => {
      const err = failure(() => getRenderer(dir).render('self-evaluation', 'html', viewWithReason('x')));
      expect(err.message).toMatch(/partials\/funds\.html\.hbs 第 1 行第 \d+ 列：字段“labl”/);
    });
  });

  it('overlays a single partial and keeps the built-in files for the rest', () => {
    overlay({ 'partials/funds.html.hbs': '<tr><td>自定义资金块 {{moneyUnit}}</td></tr>' }, (dir) => {
      const html = getRenderer(dir).render('self-evaluation', 'html', viewWithReason('x'));
      expect(html).toContain('<tr><td>自定义资金块 万元</td></tr>');
      expect(html).not.toContain('<th>年初预算数</th>');
      expect(html).toContain('偏差原因分析及改进措施');
    });
  });

  it('refuses helpers outside the allow-list, a missing template and a missing folder', () => {
    overlay({ 'self-evaluation.html.hbs': '{{uppercase title}}' }, (dir) => {
      const err = failure(() => getRenderer(dir).render('self-evaluation', 'html', viewWithReason('x')));
      expect(err.message).toMatch(/self-evaluation\.html\.hbs 有错误：.*unknown helper uppercase/);
    });
    expect(failure(() => getRenderer().render('annual', 'html', {})).message).toBe(
      '找不到模板 annual.html.hbs（内置模板文件夹中都没有）',
    );
    expect(failure(() => getRenderer('/nonexistent/templates')).message).toMatch(/模板文件夹 .* 不存在/);
  });

  it('built-in templates print SVG raw only through chart.svg, and call no helpers but each/if/unless', () => {
    const files = [
      ...readdirSync(BUILTIN_TEMPLATES).filter((f) => f.endsWith('.hbs')),
      ...readdirSync(join(BUILTIN_TEMPLATES, 'partials')).map((f) => `partials/${f}`),
    ];
    for (const f of files) {
      const text = readFileSync(join(BUILTIN_TEMPLATES, f), 'utf8');
      for (const m of text.matchAll(/\{\{\{\s*([^}]*)\}\}\}/g)) expect(`${f}: ${m[1]}`).toBe(`${f}: chart.svg`);
      for (const m of text.matchAll(/\{\{[#/]?\s*([a-z]+)\s+[^}]/g)) expect(['each', 'if', 'unless']).toContain(m[1]);
    }
  });
});
