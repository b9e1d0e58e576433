import type { Source, SourceEntry } from '../model/rule-set.js';

/**
 * A rule's `source` in words, for every output (reports, JSON, `rules show`): the document's title, number and
 * the clause read, never the id the rule set uses to point at it. The one place citations are worded.
 */

export type Bibliography = Readonly<Record<string, SourceEntry>>;

/** 《title》（财预〔2020〕10号）, or 《title》 for a published table with no document number. */
export function documentName(entry: SourceEntry): string {
  const title = /^[《“]/.test(entry.title) ? entry.title : `《${entry.title}》`;
  return entry.documentNumber ? `${title}（${entry.documentNumber}）` : title;
}

/** Each citation as "document: clause"; an id missing from the bibliography (never after loading) says so. */
export function citationLines(source: Source, sources: Bibliography): string[] {
  return source.cite.map((c) => {
    const entry = sources[c.id];
    return entry ? `${documentName(entry)}：${c.clause}` : `（文献目录中没有这条文献）：${c.clause}`;
  });
}

/** One paragraph: the basis, each document with its clause, then the note. */
export function citationText(source: Source, sources: Bibliography): string {
  const cites = citationLines(source, sources);
  const sentences = [...(cites.length > 0 ? [cites.join('；')] : []), ...(source.note ? [source.note] : [])];
  return `【${source.basis}】${sentences.map((t) => (/[。！？]$/.test(t) ? t : `${t}。`)).join('')}`;
}

export interface BibliographyEntryView {
  /** [1], [2] … in order of first citation. */
  ref: string;
  name: string;
  issuer: string;
  date: string;
  url: string | null;
  read: string;
  status: string;
}

/** The documents these sources cite, in order of first citation: the report's 参考文献. */
export function bibliography(used: readonly Source[], sources: Bibliography): BibliographyEntryView[] {
  const ids = [...new Set(used.flatMap((s) => s.cite.map((c) => c.id)))].filter((id) => sources[id]);
  return ids.map((id, i) => {
    const e = sources[id] as SourceEntry;
    return {
      ref: `[${i + 1}]`,
      name: documentName(e),
      issuer: e.issuer,
      date: e.date ?? '日期未注明',
      url: e.url,
      read: e.read,
      status: e.status,
    };
  });
}

/** A bibliography entry on one line, for plain-text outputs (terminal, JSON, workbook cells). */
export function bibliographyLine(b: BibliographyEntryView): string {
  return `${b.ref} ${b.issuer}：${b.name}，${b.date}。${b.url ? `网址：${b.url}。` : ''}所据内容：${b.read}（${b.status}）`;
}
