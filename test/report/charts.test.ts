import { describe, expect, it } from 'vitest';
import { barChart, escapeXml, lineChart, spendingChart } from '../../src/report/charts.js';
import { markdownView, mdEscape } from '../../src/report/render.js';

const PLAN = [
  { label: '3月底', date: '2025-03-31', cumulative: 0.25 },
  { label: '6月底', date: '2025-06-30', cumulative: 0.5 },
  { label: '10月底', date: '2025-10-31', cumulative: 0.75 },
  { label: '12月底', date: '2025-12-31', cumulative: 1 },
];

describe('charts', () => {
  it('escapes every text put into the SVG', () => {
    expect(escapeXml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;');
    const svg = barChart('<script>alert(1)</script>', [{ label: '"><img onerror=x>', value: 1, max: 2, text: '&' }]);
    expect(svg).not.toContain('<script>');
    expect(svg).not.toContain('<img');
    expect(svg).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('draws bars in proportion to the track, clamped to it', () => {
    const svg = barChart('t', [
      { label: '产出指标', value: 25, max: 50, text: '25 / 50' },
      { label: '超出', value: 80, max: 50, text: '80 / 50' },
    ]);
    const widths = [...svg.matchAll(/class="chart-bar" x="150" y="\d+" width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toEqual([190, 380]);
  });

  it('is deterministic and needs no network', () => {
    const a = spendingChart(PLAN, '2025-06-30', 0.2465);
    expect(spendingChart(PLAN, '2025-06-30', 0.2465)).toBe(a);
    expect(a.match(/https?:\/\/[^"]+/g)).toEqual(['http://www.w3.org/2000/svg']);
    expect(a).toContain('12月');
    expect(a).toContain('截至 2025-06-30');
  });

  it('places the spending plan by calendar share of the year', () => {
    const svg = lineChart(
      't',
      [
        {
          name: 'p',
          cls: 'plan',
          points: [
            { x: 0, y: 0 },
            { x: 1, y: 1 },
          ],
        },
      ],
      [],
    );
    // Plot: x from 46 to 624, y from 246 (0%) up to 246 − 200/1.2 (100%).
    expect(svg).toContain('points="46,246 624,79.33"');
  });
});

describe('markdown escaping', () => {
  it('escapes table and inline syntax, and turns newlines into <br>', () => {
    expect(mdEscape('a|b*c_d`e[f]<g>')).toBe('a\\|b\\*c\\_d\\`e\\[f\\]\\<g\\>');
    expect(mdEscape('一\n二\r\n三')).toBe('一<br>二<br>三');
    expect(mdEscape('# 标题')).toBe('\\# 标题');
    expect(mdEscape('- 项')).toBe('\\- 项');
    expect(mdEscape('1. 项')).toBe('1\\. 项');
    expect(mdEscape('-2.00')).toBe('-2.00');
  });

  it('escapes every string of a view and drops the SVG', () => {
    expect(markdownView({ a: ['x|y'], b: { svg: '<svg/>', n: 3, z: null } })).toEqual({
      a: ['x\\|y'],
      b: { svg: '', n: 3, z: null },
    });
  });
});
