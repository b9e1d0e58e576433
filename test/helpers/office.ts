import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** LibreOffice's command, where installed (Debian: libreoffice-writer, libreoffice-calc). */
export const SOFFICE = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find((p) => existsSync(p));
export const hasPoppler = spawnSync('pdftotext', ['-v']).status === 0;
/** Why a test that opens files in LibreOffice is skipped here; empty when it can run. */
export const officeMissing = !SOFFICE
  ? 'LibreOffice (soffice) is not installed: apt-get install libreoffice-writer libreoffice-calc'
  : !hasPoppler
    ? 'poppler-utils (pdftotext) is not installed'
    : '';

/**
 * Open each file in LibreOffice and print it to PDF in `outDir`, as a user's "export as PDF" would. A private
 * profile per call: two soffice processes sharing one profile wait on each other's lock or fail.
 */
export function officeToPdf(files: readonly string[], outDir: string): string[] {
  if (!SOFFICE) throw new Error(officeMissing);
  const profile = mkdtempSync(join(tmpdir(), 'jixiao-lo-'));
  try {
    const r = spawnSync(
      SOFFICE,
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--convert-to',
        'pdf',
        '--outdir',
        outDir,
        ...files,
      ],
      { encoding: 'utf8', timeout: 180_000 },
    );
    if (r.status !== 0) throw new Error(`soffice failed (${r.status}): ${r.stderr}`);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  return files.map((f) => join(outDir, basename(f).replace(/\.[^.]+$/, '.pdf')));
}

/**
 * A PDF's text: in reading layout (pdftotext -layout), or `raw` in content order (a wrapped cell stays together);
 * `first`/`last` limit it to those pages.
 */
export const pdfText = (pdf: string, o: { raw?: boolean; first?: number; last?: number } = {}) =>
  spawnSync(
    'pdftotext',
    [
      o.raw ? '-raw' : '-layout',
      ...(o.first ? ['-f', String(o.first)] : []),
      ...(o.last ? ['-l', String(o.last)] : []),
      pdf,
      '-',
    ],
    { encoding: 'utf8' },
  ).stdout;

/** A PDF's page count (pdfinfo). */
export function pdfPages(pdf: string): number {
  const info = spawnSync('pdfinfo', [pdf], { encoding: 'utf8' }).stdout;
  return Number(/^Pages:\s+(\d+)/m.exec(info)?.[1] ?? Number.NaN);
}
