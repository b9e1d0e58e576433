/**
 * Screenshots of every workbench view at 1366×768 (the common office laptop), for docs/.
 * Run: npx tsx scripts/workbench-screenshots.ts — needs /usr/bin/chromium (or JIXIAO_CHROMIUM).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { startServer } from '../src/server/server.js';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = join(ROOT, 'samples/lunan-2025');
const DOCS = join(ROOT, 'docs');
const dir = mkdtempSync(join(tmpdir(), 'jixiao-shots-'));
mkdirSync(DOCS, { recursive: true });
// The sample's year-end actuals with project 1's last rows still blank, and its mid-year actuals.
const actuals = parse(readFileSync(join(SAMPLE, 'actuals-year-end.yaml'), 'utf8'));
for (const i of actuals.projects[0].indicators.slice(4)) i.actual = null;
writeFileSync(join(dir, 'actuals.yaml'), stringify(actuals));
copyFileSync(join(SAMPLE, 'actuals-mid-year.yaml'), join(dir, 'actuals-mid-year.yaml'));
const server = await startServer({ dir, port: 0 });
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({
  executablePath: process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  const shot = (name: string) => page.screenshot({ path: join(DOCS, `workbench-${name}.png`) });
  await page.goto(`${server.url}#start`);
  await page.setInputFiles('#goal-file', join(SAMPLE, 'goals-document.txt'));
  await page.waitForSelector('table.findings');
  await shot('start');
  await page.goto(`${server.url}#projects`);
  await page.waitForSelector('#glance tbody tr');
  await shot('projects');
  await page.goto(`${server.url}#entry/13020225P00001210004M`);
  await page.waitForSelector('#sheet');
  await page.locator('[data-field="indicators.4.actual"]').fill('365');
  await page.locator('[data-field="indicators.5.actual"]').fill('0.97');
  await page.locator('[data-field="indicators.6.actual"]').fill('96万元');
  await page.waitForSelector('[data-problem="indicators.6.actual"] span');
  await page.locator('[data-field="indicators.5.actual"]').focus();
  await shot('entry');
  await page.goto(`${server.url}#midyear`);
  await page.waitForSelector('#monitor');
  await page.locator('details.pace').nth(1).evaluate((d) => d.setAttribute('open', ''));
  await shot('midyear');
  await page.goto(`${server.url}#whatif/13020225P00001610003Q`);
  await page.waitForSelector('#whatif-full');
  await page.selectOption('#whatif-goal', 'total');
  await page.fill('#whatif-total', '100');
  await page.locator('#whatif-total').dispatchEvent('change');
  await page.waitForSelector('#whatif-changes');
  await shot('whatif');
  await page.goto(`${server.url}#outputs`);
  await page.click('button[data-kind="monitoring"][data-format="html"]');
  await page.waitForSelector('#output-files li');
  await shot('outputs');
  process.stdout.write(`screenshots written to ${DOCS}\n`);
} finally {
  await browser.close();
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
