/**
 * Zips for fuzz inputs that are the same bytes in every run. exceljs and docx stamp the time into
 * docProps/core.xml and into each zip entry, and fflate's zipSync stamps the current time unless told: without
 * this, a seed generated at 03:00 and one at 04:00 differ, and byte mutations (and so replays) would too.
 */
import { type Unzipped, unzipSync, zipSync } from 'fflate';

/**
 * 2025-01-01 00:00 in local time: zip entries store local date and time fields, so a local date gives the same
 * bytes in every time zone (a UTC instant gave other bytes under vitest's Asia/Shanghai than in a UTC shell).
 */
const fixed = () => new Date(2025, 0, 1); // made at each call: the time zone may be set after this module loads
const STAMPED = '2025-01-01T00:00:00.000Z';
const STAMP = /(<dcterms:(?:created|modified)\b[^>]*>)[^<]*(<\/dcterms:(?:created|modified)>)/g;

/** The files zipped again, stored (no compression), with fixed entry times. */
export function rezip(files: Unzipped): Uint8Array {
  return zipSync(files, { level: 0, mtime: fixed() });
}

/** A generated workbook or document with its creation and modification times fixed, zipped as rezip does. */
export function stableZip(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const core = files['docProps/core.xml'];
  if (core) {
    const text = new TextDecoder().decode(core).replace(STAMP, `$1${STAMPED}$2`);
    files['docProps/core.xml'] = new TextEncoder().encode(text);
  }
  return rezip(files);
}
