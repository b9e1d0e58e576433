import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { type RunningServer, startServer } from '../../src/server/server.js';
import { jixiao, SAMPLE, SEED_CODES } from '../helpers/cli.js';

const CHROMIUM = '/usr/bin/chromium';
const CODE = SEED_CODES[0] as string;
/** Project 1 as the sample fills it in (the actuals the keyboard types). */
const PROJECT_1 = ['1086家', '96%', '2025-12-20', '48.6万元', '365天', '97%', '96%'];

interface ScoreJson {
  projects: {
    code: string;
    total: number;
    grade: string;
    budget: { score: number };
    indicators: { score: number }[];
  }[];
}

describe.skipIf(!existsSync(CHROMIUM))('the workbench in headless Chromium', () => {
  let dir: string;
  let server: RunningServer;
  let browser: Browser;
  const errors: string[] = [];

  async function open(hash = ''): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, acceptDownloads: true });
    const page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    await page.goto(`${server.url}${hash}`);
    return page;
  }

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'jixiao-wb-'));
    // Every project as the sample fills it in, except project 1, left blank for the keyboard.
    const actuals = parse(readFileSync(join(SAMPLE, 'actuals-year-end.yaml'), 'utf8'));
    const p1 = actuals.projects[0];
    p1.budget.executed = null;
    for (const i of p1.indicators) i.actual = null;
    writeFileSync(join(dir, 'actuals.yaml'), stringify(actuals));
    copyFileSync(join(SAMPLE, 'actuals-mid-year.yaml'), join(dir, 'actuals-mid-year.yaml'));
    server = await startServer({ dir, port: 0 });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('opens the seed document: projects, budgets, indicator counts and the review findings with rows', async () => {
    const page = await open('#start');
    await page.setInputFiles('#goal-file', join(SAMPLE, 'goals-document.txt'));
    await page.waitForSelector('#import-projects');
    expect(await page.locator('#import-result h2').first().textContent()).toContain('8 个项目、57 个指标');
    const rows = await page.locator('#import-projects tbody tr').allTextContents();
    expect(rows).toHaveLength(8);
    expect(rows[0]).toContain(CODE);
    expect(rows[0]).toContain('50.00');
    const check = JSON.parse(jixiao(['check', join(dir, 'goals.json'), '--format', 'json']).stdout) as {
      findings: unknown[];
    };
    expect(await page.locator('table.findings tbody tr').count()).toBe(check.findings.length);
    expect(existsSync(join(dir, 'goals.json'))).toBe(true);
    await page.context().close();
  });

  it('fills project 1 by keyboard, shows each row’s score as it goes, saves; jixiao score agrees', async () => {
    const page = await open(`#entry/${CODE}`);
    await page.waitForSelector('#sheet');
    await page.keyboard.type('48.6');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('#budget-score').textContent()).toBe('9.72');
    for (const [row, value] of PROJECT_1.entries()) {
      const score = page.locator(`tr[data-row="${row}"] td.score`);
      expect(await score.textContent()).toBe('—');
      expect(await page.evaluate("document.activeElement?.getAttribute('data-field')")).toBe(
        `indicators.${row}.actual`,
      );
      await page.keyboard.type(value);
      await page.keyboard.press('Enter');
      await expect.poll(() => score.textContent()).not.toBe('—');
    }
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('已保存');
    const shown = {
      rows: await page.locator('tr.indicator td.score').allTextContents(),
      budget: await page.locator('#budget-score').textContent(),
      total: await page.locator('#total').textContent(),
    };
    const r = jixiao(['score', join(dir, 'goals.json'), join(dir, 'actuals.yaml'), '--format', 'json']);
    expect(r.stderr).toBe('');
    const p = (JSON.parse(r.stdout) as ScoreJson).projects[0];
    expect(shown.rows).toEqual(p?.indicators.map((i) => i.score.toFixed(2)));
    expect(shown.budget).toBe(p?.budget.score.toFixed(2));
    expect(shown.total).toBe(`总分 ${p?.total.toFixed(2)}（${p?.grade}）`);
    // The explanation steps of a row are on the page.
    expect(await page.locator('tr[data-row="0"] .steps').textContent()).toContain('1086');
    await page.context().close();
  });

  it('shows a wrong unit, text in a number and 0.93 in a % cell at the cell; a missed target asks for its reason', async () => {
    const page = await open(`#entry/${CODE}`);
    await page.waitForSelector('#sheet');
    const cell = (f: string) => page.locator(`[data-field="${f}"]`);
    const problem = (f: string) => page.locator(`[data-problem="${f}"]`);
    await cell('indicators.3.actual').fill('48.6%');
    await expect.poll(() => problem('indicators.3.actual').textContent()).toContain('单位不一致');
    expect(await page.locator('tr[data-row="3"] td.score').textContent()).toBe('—');
    await cell('indicators.3.actual').fill('48.6万元');
    await cell('budget.executed').fill('四十八');
    await expect.poll(() => problem('budget.executed').textContent()).toContain('应填写数字');
    await cell('budget.executed').fill('48.6');
    await cell('indicators.1.actual').fill('0.93');
    await expect.poll(() => problem('indicators.1.actual').textContent()).toContain('是 93% 吗');
    expect(await page.locator('tr[data-row="1"] td.score').textContent()).toBe('—');
    await problem('indicators.1.actual').locator('button.ask').click();
    expect(await cell('indicators.1.actual').inputValue()).toBe('93%');
    await expect.poll(() => problem('indicators.1.reason').textContent()).toContain('请填写偏差原因');
    // The evaluator's text is text: a script typed into a reason never runs.
    await cell('indicators.1.reason').fill('<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>');
    await cell('indicators.1.reason').press('Enter');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('已保存');
    await page.reload();
    await page.waitForSelector('#sheet');
    expect(await cell('indicators.1.reason').inputValue()).toContain('<script>');
    expect(await page.evaluate('window.__pwned')).toBeUndefined();
    await page.context().close();
  });

  it('undoes the last change in the file too', async () => {
    const page = await open(`#entry/${CODE}`);
    await page.waitForSelector('#sheet');
    const before = readFileSync(join(dir, 'actuals.yaml'), 'utf8');
    await page.locator('[data-field="indicators.0.evidence"]').fill('临时佐证');
    await page.locator('[data-field="indicators.0.evidence"]').press('Enter');
    await expect.poll(() => readFileSync(join(dir, 'actuals.yaml'), 'utf8')).toContain('临时佐证');
    await page.click('#undo');
    await expect.poll(() => readFileSync(join(dir, 'actuals.yaml'), 'utf8')).toBe(before);
    expect(await page.locator('[data-field="indicators.0.evidence"]').inputValue()).toBe('2025年度执法检查台账');
    await expect.poll(() => page.locator('#save-state').textContent()).toBe('已保存');
    await page.context().close();
  });

  it('mid-year at 2025-06-30 shows the lights of the monitoring sample', async () => {
    const page = await open('#midyear');
    await page.waitForSelector('#monitor');
    expect(await page.locator('#as-of').inputValue()).toBe('2025-06-30');
    const m = JSON.parse(
      jixiao([
        'monitor',
        join(dir, 'goals.json'),
        join(dir, 'actuals-mid-year.yaml'),
        '--as-of',
        '2025-06-30',
        '--format',
        'json',
      ]).stdout,
    ) as { projects: { code: string; execution: { status: string } }[] };
    const lights = await page
      .locator('#monitor tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.getAttribute('data-code'),
          tr.querySelector('.light')?.className.replace('light light-', ''),
        ]),
      );
    expect(lights).toEqual(m.projects.map((p) => [p.code, p.execution.status]));
    expect(new Set(lights.map((l) => l[1])).size).toBeGreaterThan(1);
    await page.context().close();
  });

  it('downloads the 自评表 xlsx that jixiao report writes, and it opens', async () => {
    const page = await open('#outputs');
    await page.click('button[data-kind="self-evaluation"][data-format="xlsx"]');
    const link = page.locator('#output-files a', { hasText: `${CODE}-self-evaluation.xlsx` });
    await link.waitFor({ timeout: 60_000 });
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    const saved = join(dir, 'downloaded.xlsx');
    await download.saveAs(saved);
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(saved);
    const sheet = wb.getWorksheet('自评表');
    const texts: string[] = [];
    sheet?.eachRow((row) => row.eachCell((c) => texts.push(String(c.value ?? ''))));
    expect(texts.join(' ')).toContain('2025年安全生产专项经费');
    expect(readFileSync(saved)).toEqual(readFileSync(join(dir, 'out', `${CODE}-self-evaluation.xlsx`)));
    await page.context().close();
  }, 90_000);

  it('prints markup in a goal document’s names as text on every page', async () => {
    const xssDir = mkdtempSync(join(tmpdir(), 'jixiao-wb-xss-'));
    const xss = await startServer({ dir: xssDir, port: 0 });
    const evil = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>';
    const text = readFileSync(join(SAMPLE, 'goals-document.txt'), 'utf8')
      .replace('\t2025年应急库经费\n', `\t2025年应急库经费${evil}\n`)
      .replace('\t防灾演练次数\n', `\t防灾演练次数${evil}\n`);
    writeFileSync(join(xssDir, 'evil.txt'), text);
    try {
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await page.goto(`${xss.url}#start`);
      await page.setInputFiles('#goal-file', join(xssDir, 'evil.txt'));
      await page.waitForSelector('#import-projects');
      expect(await page.locator('#import-projects').textContent()).toContain(`2025年应急库经费${evil}`);
      const code = SEED_CODES[1] as string;
      for (const hash of ['#projects', `#entry/${code}`, `#whatif/${code}`]) {
        await page.goto(`${xss.url}${hash}`);
        await page.waitForSelector('table');
        await expect.poll(() => page.locator('#view').textContent()).toContain(evil);
        expect(await page.locator('#view img, #view script').count()).toBe(0);
      }
      expect(await page.evaluate('window.__pwned')).toBeUndefined();
      await context.close();
    } finally {
      await xss.close();
      rmSync(xssDir, { recursive: true, force: true });
    }
  });

  it('raised no page errors', () => {
    expect(errors).toEqual([]);
  });
});
