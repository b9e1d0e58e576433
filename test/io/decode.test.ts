import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { decode, firstInvalidUtf8 } from '../../src/io/decode.js';
import { encodeGbk, encodeUtf8Bom, encodeUtf16 } from '../fixtures/documents/encode.js';
import { SEED } from '../helpers/cli.js';

const seedBytes = readFileSync(SEED);
const seed = seedBytes.toString('utf8');
const utf8 = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));

/** The UserError message `decode` throws for these bytes. */
function failure(bytes: Uint8Array): string {
  try {
    decode(bytes, 'goals.txt');
  } catch (err) {
    expect(err).toBeInstanceOf(UserError);
    return (err as UserError).message;
  }
  throw new Error('decode did not fail');
}

describe('decode: text encodings', () => {
  it('reads the seed as UTF-8 unchanged', () => {
    const r = decode(seedBytes);
    expect(r.encoding).toBe('utf-8');
    expect(r.text).toBe(seed);
  });

  it('drops a UTF-8 byte-order mark', () => {
    const r = decode(encodeUtf8Bom('第一部分\n'));
    expect(r).toEqual({ text: '第一部分\n', encoding: 'utf-8-bom' });
  });

  it('decodes UTF-16LE and UTF-16BE with a byte-order mark', () => {
    expect(decode(encodeUtf16(seed, 'le'))).toEqual({ text: seed, encoding: 'utf-16le' });
    expect(decode(encodeUtf16(seed, 'be'))).toEqual({ text: seed, encoding: 'utf-16be' });
  });

  it('detects GBK from known bytes: 你好 = C4E3 BAC3', () => {
    const r = decode(new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]));
    expect(r).toEqual({ text: '你好\n', encoding: 'gb18030' });
  });

  it('detects the whole seed encoded as GBK, with ≥ ≤ 【】 and full-width punctuation', () => {
    const bytes = encodeGbk(seed);
    expect(firstInvalidUtf8(bytes)).toBeGreaterThanOrEqual(0);
    const r = decode(bytes);
    expect(r.encoding).toBe('gb18030');
    expect(r.text).toBe(seed);
  });

  it('returns empty text for an empty file (the importer reports it)', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8' });
  });

  it('keeps CR LF and form feeds for the tokeniser, and drops a DOS end-of-file mark', () => {
    expect(decode(utf8('a\r\nb\f\u001a')).text).toBe('a\r\nb\f');
  });
});

describe('decode: refusing what is not text', () => {
  it('names NUL bytes with line and byte position', () => {
    const message = failure(utf8('第一行\n第二\u0000行'));
    expect(message).toContain('goals.txt');
    expect(message).toContain('第 2 行');
    expect(message).toContain('NUL');
    expect(message).toContain('二进制');
  });

  it('hints at UTF-16 without a byte-order mark', () => {
    const le = Buffer.from('项目编码 abc\n'.repeat(20), 'utf16le');
    expect(failure(le)).toContain('没有 BOM 的 UTF-16');
  });

  it.each([
    ['a .docx (ZIP)', [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00], 'ZIP'],
    ['an old .doc', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1], '.doc'],
    ['a PDF', [...Buffer.from('%PDF-1.7\n')], 'PDF'],
  ])('says %s is not plain text and how to export it', (_name, bytes, what) => {
    const message = failure(Uint8Array.from(bytes));
    expect(message).toContain(what);
    expect(message).toContain('另存为');
  });

  it('refuses bytes that are neither UTF-8 nor GBK, naming where UTF-8 broke', () => {
    const message = failure(Uint8Array.from([...Buffer.from('abc\n第二行\n'), 0xff, 0xfe, 0xfd, 0x80]));
    expect(message).toContain('第 3 行');
    expect(message).toContain('UTF-8');
    expect(message).toContain('GBK');
  });

  it('does not take Latin-1 text for GBK (no Chinese in it)', () => {
    expect(failure(Uint8Array.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0xe0, 0x20, 0x6c, 0x61]))).toContain('无法识别编码');
  });

  it('refuses control characters as binary', () => {
    expect(failure(utf8('项目编码\n\u0001\u0002'))).toContain('控制字符');
  });

  it('refuses a UTF-16 byte-order mark followed by broken data', () => {
    expect(failure(Uint8Array.from([0xff, 0xfe, 0x00, 0xd8, 0x41]))).toContain('UTF-16LE');
  });

  it('refuses NUL after a UTF-8 byte-order mark', () => {
    expect(failure(encodeUtf8Bom('第一部分\n\u0000'))).toContain('第 2 行有控制字符 0x00');
  });

  it('refuses UTF-32', () => {
    expect(failure(Uint8Array.from([0xff, 0xfe, 0x00, 0x00, 0x41, 0, 0, 0]))).toContain('UTF-32');
  });
});

describe('firstInvalidUtf8', () => {
  it.each([
    [[0x41, 0x42], -1],
    [[...Buffer.from('绩效')], -1],
    [[...Buffer.from('😀')], -1],
    [[0x41, 0xc0, 0x80], 1], // overlong
    [[0xe7, 0xbb], 0], // truncated sequence
    [[0xed, 0xa0, 0x80], 0], // surrogate
    [[0x41, 0x80], 1], // lone continuation byte
    [[0xf5, 0x80, 0x80, 0x80], 0], // beyond U+10FFFF
  ])('%j → %i', (bytes, expected) => {
    expect(firstInvalidUtf8(Uint8Array.from(bytes))).toBe(expected);
  });
});
