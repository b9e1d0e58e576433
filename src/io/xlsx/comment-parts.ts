import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';

/**
 * exceljs reads a sheet's cell comments only from the part names it writes itself (xl/comments1.xml, linked as
 * "../comments1.xml"). openpyxl writes xl/comments/comment1.xml linked by an absolute "/xl/comments/comment1.xml",
 * other writers other names, and exceljs then fails on every sheet ("Cannot read properties of undefined
 * (reading 'comments')"). The readers never need comments (our template's column notes), so a link exceljs
 * cannot resolve is dropped before parsing; the values, formats and merges are untouched. The file on disk is
 * never changed: this works on the bytes read. Called after the zip-bomb checks, so inflating is bounded.
 */

const RELS = /^xl\/worksheets\/_rels\/[^/]+\.rels$/;
const COMMENTS_TYPE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments';
const RELATIONSHIP = /<Relationship\b[^>]*?\/>|<Relationship\b[^>]*>[\s\S]*?<\/Relationship>/g;
/** A comments link exceljs resolves: "../commentsN.xml" to the part xl/commentsN.xml. */
const EXCELJS_TARGET = /\bTarget="\.\.\/(comments\d+\.xml)"/;

export function withReadableComments(bytes: Uint8Array): Uint8Array {
  const rels = unzipSync(bytes, { filter: (f) => RELS.test(f.name) });
  let names: Set<string> | undefined;
  const exists = (part: string) => {
    names ??= partNames(bytes);
    return names.has(part);
  };
  const fixed = new Map<string, string>();
  for (const [name, data] of Object.entries(rels)) {
    const xml = strFromU8(data);
    const out = xml.replace(RELATIONSHIP, (rel) => {
      if (!rel.includes(`Type="${COMMENTS_TYPE}"`)) return rel;
      const target = EXCELJS_TARGET.exec(rel)?.[1];
      return target && exists(`xl/${target}`) ? rel : '';
    });
    if (out !== xml) fixed.set(name, out);
  }
  if (fixed.size === 0) return bytes;
  const files = unzipSync(bytes);
  for (const [name, xml] of fixed) files[name] = strToU8(xml);
  return zipSync(files, { level: 1 });
}

/** Every part name in the zip (the central directory only; nothing is inflated). */
function partNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>();
  unzipSync(bytes, {
    filter: (f) => {
      names.add(f.name);
      return false;
    },
  });
  return names;
}
