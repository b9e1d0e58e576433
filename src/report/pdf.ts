import { existsSync } from 'node:fs';
import { UserError } from '../errors.js';

/** Debian's chromium; JIXIAO_CHROMIUM points elsewhere (another distribution, a test without a browser). */
export const CHROMIUM = process.env.JIXIAO_CHROMIUM ?? '/usr/bin/chromium';

/** Flags that work as root, offline, in a container (dependencies.md §3). */
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** 第 N 页 共 M 页 at the foot of every page, in the @page bottom margin (Chromium fills the two spans). */
const FOOTER =
  "<div style=\"width:100%;text-align:center;font-size:8pt;font-family:'Noto Serif CJK SC','SimSun',serif\">" +
  '第 <span class="pageNumber"></span> 页 共 <span class="totalPages"></span> 页</div>';

export interface PdfPrinter {
  /** One HTML document (self-contained: inline CSS and SVG, system fonts) to an A4 PDF. */
  print(html: string): Promise<Uint8Array>;
  close(): Promise<void>;
}

/**
 * One browser for all the files of a run: launching Chromium costs a second or more, a page a few milliseconds.
 * Imported only for --format pdf, so other formats never load playwright-core.
 */
export async function openPdfPrinter(executablePath = CHROMIUM): Promise<PdfPrinter> {
  if (!existsSync(executablePath)) {
    throw new UserError(
      `生成 PDF 需要 Chromium，但没有找到 ${executablePath}。` +
        '请安装（Debian/Ubuntu：apt-get install chromium fonts-noto-cjk），或用环境变量 JIXIAO_CHROMIUM 指定路径；也可改用 --format html。',
    );
  }
  const { chromium } = await import('playwright-core');
  let browser: Awaited<ReturnType<typeof chromium.launch>>;
  try {
    browser = await chromium.launch({ executablePath, args: ARGS });
  } catch (err) {
    throw new UserError(`无法启动 Chromium（${executablePath}）：${(err as Error).message.split('\n')[0]}`);
  }
  // Reports hold no script; a script in user text (escaped anyway) could not run either.
  const context = await browser.newContext({ offline: true, javaScriptEnabled: false });
  return {
    async print(html) {
      const page = await context.newPage();
      try {
        await page.setContent(html, { waitUntil: 'load' });
        // preferCSSPageSize: the templates' @page rule sets A4 and the form margins.
        const pdf = await page.pdf({
          format: 'A4',
          printBackground: true,
          preferCSSPageSize: true,
          displayHeaderFooter: true,
          headerTemplate: '<span></span>',
          footerTemplate: FOOTER,
        });
        return new Uint8Array(pdf);
      } finally {
        await page.close();
      }
    },
    async close() {
      await browser.close();
    },
  };
}
