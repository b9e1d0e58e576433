import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { jixiao, SAMPLE, SEED_CODES } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const GOALS = join(SAMPLE, 'goals.json');
const YEAR_END = join(SAMPLE, 'actuals-year-end.yaml');
/** A4 at 96 dpi: 210 mm = 793.7 CSS px; inside the form's 14 mm side margins, 182 mm = 687.9 px. */
const A4_PX = 794;
const PRINT_PX = 688;

interface ScoreJson {
  projects: {
    code: string;
    total: number;
    budget: { weight: number; score: number; rate: number };
    indicators: { weight: number; score: number }[];
  }[];
}

describe.skipIf(!existsSync(CHROMIUM))('the HTML reports in headless Chromium', () => {
  let dir: string;
  let browser: Browser;
  let scores: ScoreJson;
  const errors: string[] = [];

  async function open(file: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: A4_PX, height: 1123 } });
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${file}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${file}: ${e.message}`));
    await page.goto(pathToFileURL(join(dir, file)).href);
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-browser-'));
    for (const [actuals, kind] of [
      [YEAR_END, 'self-evaluation'],
      [join(SAMPLE, 'actuals-mid-year.yaml'), 'monitoring'],
    ] as const) {
      expect(jixiao(['report', GOALS, actuals, '--kind', kind, '-o', dir]).status).toBe(0);
    }
    const score = jixiao(['score', GOALS, YEAR_END, '--format', 'json']);
    scores = JSON.parse(score.stdout) as ScoreJson;
    // The evaluator's reason carries a script: it must print as text and never run.
    const doc = parse(readFileSync(YEAR_END, 'utf8'));
    doc.projects[1].indicators[1].reason = '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">';
    writeFileSync(join(dir, 'xss.yaml'), stringify(doc));
    expect(jixiao(['report', GOALS, join(dir, 'xss.yaml'), '-o', join(dir, 'xss')]).status).toBe(0);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it.each(SEED_CODES)('%s: every number in the table equals jixiao score --format json', async (code) => {
    const page = await open(`${code}-self-evaluation.html`);
    const texts = (sel: string) => page.locator(sel).allTextContents();
    const [weights, rowScores, budget, total] = await Promise.all([
      texts('tr.indicator td.weight'),
      texts('tr.indicator td.score'),
      texts('tr.funds >> nth=0 >> td.num'),
      texts('.total-score'),
    ]);
    const shown = {
      rows: weights.map((w, i) => ({ weight: w, score: rowScores[i] ?? '' })),
      // 年初预算数 | 全年预算数 | 全年执行数 | 分值 | 执行率 | 得分
      budget: { weight: budget[3] ?? '', rate: budget[4] ?? '', score: budget[5] ?? '' },
      total: total[0] ?? '',
    };
    await page.close();
    const p = scores.projects.find((x) => x.code === code);
    if (!p) throw new Error(code);
    expect(shown.rows.map((r) => [Number(r.weight), Number(r.score)])).toEqual(
      p.indicators.map((i) => [i.weight, i.score]),
    );
    expect(shown.rows.every((r) => /^\d+\.\d{2}$/.test(r.score))).toBe(true);
    expect(Number(shown.budget.weight)).toBe(p.budget.weight);
    expect(Number(shown.budget.score)).toBe(p.budget.score);
    expect(Number.parseFloat(shown.budget.rate)).toBeCloseTo(p.budget.rate * 100, 6);
    expect(Number(shown.total)).toBe(p.total);
  });

  it.each([
    `${SEED_CODES[2]}-self-evaluation.html`,
    `${SEED_CODES[2]}-monitoring.html`,
    'department.html',
    'department-monitoring.html',
  ])('%s fits the A4 width with nothing spilling out of a cell', async (file) => {
    const page = await open(file);
    // A string expression: the test program has no DOM types, the page has the DOM.
    const m = (await page.evaluate(`({
        page: document.documentElement.scrollWidth,
        tables: [...document.querySelectorAll('table.form')].map((t) => t.getBoundingClientRect().width),
        spilling: [...document.querySelectorAll('table.form td, table.form th')]
          .filter((c) => c.scrollWidth > c.clientWidth + 1)
          .map((c) => c.textContent),
      })`)) as { page: number; tables: number[]; spilling: string[] };
    await page.close();
    expect(m.page).toBeLessThanOrEqual(A4_PX);
    for (const w of m.tables) expect(w).toBeLessThanOrEqual(PRINT_PX);
    expect(m.spilling).toEqual([]);
  });

  it('takes a non-empty PNG screenshot of a full report', async () => {
    const page = await open(`${SEED_CODES[2]}-self-evaluation.html`);
    const png = join(dir, 'self-evaluation.png');
    await page.screenshot({ path: png, fullPage: true });
    await page.close();
    expect(readFileSync(png).subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(statSync(png).size).toBeGreaterThan(50_000);
  });

  it('a script in a deviation reason shows as text and does not run', async () => {
    const page = await open(`xss/${SEED_CODES[1]}-self-evaluation.html`);
    const pwned = await page.evaluate('window.__pwned');
    const reason = page.locator('tr.indicator').nth(1).locator('td.deviation span').first();
    const cell = await reason.textContent();
    const visible = await reason.isVisible();
    const images = await page.locator('img').count();
    await page.close();
    expect(pwned).toBeUndefined();
    expect(images).toBe(0);
    expect(visible).toBe(true);
    expect(cell).toContain('<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2">');
  });

  it('no page logged a console error', () => {
    expect(errors).toEqual([]);
  });
});
