import { InputError } from './read-input.js';

/**
 * Bytes of a text file → string, finding the encoding a Chinese office PC may have used:
 * UTF-8 (with or without BOM), UTF-16LE/BE with BOM, or GBK/GB18030 (Windows "ANSI" in China).
 * Binary files (Office, PDF, anything with NUL bytes) are refused with a message saying what they look like.
 */

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncodingName;
}

/** How an encoding is named to users. */
export const ENCODING_LABELS: Record<TextEncodingName, string> = {
  'utf-8': 'UTF-8',
  'utf-8-bom': 'UTF-8（带 BOM）',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  gb18030: 'GBK/GB18030',
};

const SAVE_AS = '请在 Word 中用“另存为 → 纯文本（.txt）”导出后再导入';

/** Known binary formats by their first bytes. */
const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], '一个 ZIP 压缩包（.docx / .xlsx 等 Office 文件就是这种格式）'],
  [[0xd0, 0xcf, 0x11, 0xe0], '旧版 Office 文件（.doc / .xls）'],
  [[0x25, 0x50, 0x44, 0x46], '一个 PDF 文件'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], '一个 RTF 文件'],
  [[0x89, 0x50, 0x4e, 0x47], '一张 PNG 图片'],
  [[0xff, 0xd8, 0xff], '一张 JPEG 图片'],
];

export function decode(bytes: Uint8Array, source = '文件', saveAs = SAVE_AS): DecodedText {
  const fail = (what: string) => new InputError(`无法读取 ${source}：${what}`, what);
  const starts = (sig: number[]) => sig.every((b, i) => bytes[i] === b);

  if (starts([0xef, 0xbb, 0xbf])) return checked(strict('utf-8', bytes.subarray(3), fail), 'utf-8-bom', fail, saveAs);
  if (starts([0xff, 0xfe, 0x00, 0x00]) || starts([0x00, 0x00, 0xfe, 0xff])) {
    throw fail(`这是 UTF-32 编码的文本，不受支持；请另存为 UTF-8`);
  }
  if (starts([0xff, 0xfe])) return checked(strict('utf-16le', bytes.subarray(2), fail), 'utf-16le', fail, saveAs);
  if (starts([0xfe, 0xff])) return checked(strict('utf-16be', bytes.subarray(2), fail), 'utf-16be', fail, saveAs);

  const signature = SIGNATURES.find(([sig]) => starts(sig));
  if (signature) throw fail(`这是${signature[1]}，不是纯文本；${saveAs}`);
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const utf16 = looksLikeUtf16WithoutBom(bytes) ? '（像是没有 BOM 的 UTF-16 文本，请另存为 UTF-8）' : '';
    throw fail(
      `第 ${lineAt(bytes, nul)} 行（第 ${nul + 1} 字节）有 NUL 字节，看起来是二进制文件而不是纯文本${utf16}；${saveAs}`,
    );
  }

  const bad = firstInvalidUtf8(bytes);
  if (bad < 0) return checked(new TextDecoder('utf-8').decode(bytes), 'utf-8', fail, saveAs);
  const gb = tryGb18030(bytes);
  if (gb !== null) return checked(gb, 'gb18030', fail, saveAs);
  throw fail(
    `第 ${lineAt(bytes, bad)} 行（第 ${bad + 1} 字节）不是有效的 UTF-8，整个文件也不是 GBK/GB18030 文本，无法识别编码；请另存为 UTF-8 后再导入`,
  );
}

function strict(encoding: string, bytes: Uint8Array, fail: (what: string) => InputError): string {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    throw fail(`文件开头标明是 ${encoding.toUpperCase()} 编码，但内容无法按此编码解码（文件可能已损坏）`);
  }
}

/** Refuse decoded text with control characters (other than tab, line breaks, form feed): not a text document. */
function checked(
  text: string,
  encoding: TextEncodingName,
  fail: (what: string) => InputError,
  saveAs: string,
): DecodedText {
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 0x1a) end--; // DOS end-of-file marks
  const clean = text.slice(0, end);
  const bad = firstControl(clean);
  if (bad >= 0) {
    const line = clean.slice(0, bad).split('\n').length;
    const code = clean.charCodeAt(bad).toString(16).padStart(2, '0');
    throw fail(
      `第 ${line} 行有控制字符 0x${code}，看起来是二进制文件而不是纯文本（按 ${ENCODING_LABELS[encoding]} 读取）；${saveAs}`,
    );
  }
  return { text: clean, encoding };
}

/** Index of the first C0 control character other than \t \n \v \f \r, or DEL; -1 if none. */
function firstControl(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && (c < 0x09 || c > 0x0d)) || c === 0x7f) return i;
  }
  return -1;
}

/** GB18030 text: decodes without error, has Chinese, and its other characters are ones Chinese text uses. */
function tryGb18030(bytes: Uint8Array): string | null {
  let text: string;
  try {
    text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
  const wide = [...text].filter((ch) => ch.charCodeAt(0) > 0x7f);
  const cjk = wide.filter((ch) => /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/.test(ch)).length;
  const plausible = wide.filter((ch) => PLAUSIBLE.test(ch)).length;
  return cjk > 0 && plausible >= wide.length * 0.9 ? text : null;
}

/** Characters of ordinary Chinese documents: CJK, their punctuation, full-width forms, common symbols. */
const PLAUSIBLE =
  /[\u00a0-\u00ff\u0370-\u04ff\u2000-\u22ff\u2460-\u25ff\u2e80-\u2fdf\u3000-\u312f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef]/;

/** Byte offset of the first byte that is not valid UTF-8, or -1. */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const b = bytes[i] as number;
    const [n, min] =
      b < 0x80
        ? [0, 0]
        : b >= 0xc2 && b <= 0xdf
          ? [1, 0x80]
          : b >= 0xe0 && b <= 0xef
            ? [2, 0x800]
            : b >= 0xf0 && b <= 0xf4
              ? [3, 0x10000]
              : [-1, 0];
    if (n < 0) return i;
    let cp = n === 0 ? b : b & (0x3f >> n);
    for (let k = 1; k <= n; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += n + 1;
  }
  return -1;
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Many NULs, nearly all at odd (LE) or even (BE) offsets. */
function looksLikeUtf16WithoutBom(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  let even = 0;
  let odd = 0;
  sample.forEach((b, i) => {
    if (b === 0) {
      if (i % 2 === 0) even++;
      else odd++;
    }
  });
  const half = sample.length / 2;
  return Math.max(even, odd) > half * 0.3 && Math.min(even, odd) < Math.max(even, odd) * 0.05;
}
