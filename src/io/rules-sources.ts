import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Problem } from '../errors.js';
import { type Citation, type RuleSet, type Source, SourceEntry } from '../model/rule-set.js';
import { formatPath, isPlainObject, type KeyPath, type Place, problemAt, readYamlFile } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/**
 * The bibliography (rules/sources.yaml): every document a rule cites, by id. A rule set may add its own entries
 * under `sources:`; the loader checks every cited id exists and hands the cited entries on with the rule set.
 */

export const SOURCES_FILE = 'sources.yaml';

export type Bibliography = Record<string, SourceEntry>;

const CACHE = new Map<string, { entries: Bibliography; problems: Problem[] }>();

/** Read and check `dir/sources.yaml` (once per process); a folder without one has an empty bibliography. */
export function readBibliography(
  dir: string,
  display: (file: string) => string,
): { entries: Bibliography; problems: Problem[] } {
  const file = join(dir, SOURCES_FILE);
  const cached = CACHE.get(file);
  if (cached) return cached;
  const result = existsSync(file) ? parseBibliography(file, display(file)) : { entries: {}, problems: [] };
  CACHE.set(file, result);
  return result;
}

function parseBibliography(file: string, display: string): { entries: Bibliography; problems: Problem[] } {
  const { ruleFile, problems } = readYamlFile(file, display, '文献目录应是以文献 id 为键的映射');
  if (!ruleFile) return { entries: {}, problems };
  const place: Place = (path) => ({ where: `${display}: ${formatPath(path)}`, line: ruleFile.lineOf(path) });
  const entries: Bibliography = {};
  for (const [id, raw] of Object.entries(ruleFile.data)) {
    const found = entryProblems(id, raw, (path, ...alt) => place([id, ...path], ...alt));
    if ('entry' in found) entries[id] = found.entry;
    else problems.push(...found.problems);
  }
  return { entries, problems };
}

/** One entry: the schema, an id a citation can name, and a way for a reader to find the document. */
export function entryProblems(
  id: string,
  raw: unknown,
  place: Place,
): { entry: SourceEntry } | { problems: Problem[] } {
  const problems: Problem[] = [];
  if (!/^[a-z0-9-]+$/.test(id)) {
    problems.push(problemAt(place, 'source_id', [], `文献 id“${id}”只能由小写字母、数字和 - 组成`));
  }
  const parsed = SourceEntry.safeParse(raw, { reportInput: true });
  if (!parsed.success) return { problems: [...problems, ...zodProblems(parsed.error.issues, place)] };
  if (parsed.data.url === null && parsed.data.documentNumber === null) {
    problems.push(
      problemAt(place, 'source_findable', ['url'], '文献要有网址（url）或文号（documentNumber），读者才能查到它'),
    );
  }
  return problems.length > 0 ? { problems } : { entry: parsed.data };
}

/** Every `source` block of a rule set with its key path (`scoring.positive.source`). */
export function sourceBlocks(rs: RuleSet): { path: KeyPath; source: Source }[] {
  const out: { path: KeyPath; source: Source }[] = [];
  const walk = (node: unknown, path: KeyPath) => {
    if (!isPlainObject(node)) return;
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sources' || key === 'dated') continue;
      if (key === 'source' && isPlainObject(value) && 'basis' in value) out.push({ path, source: value as Source });
      else walk(value, [...path, key]);
    }
  };
  walk(rs, []);
  // A dated value's entries each cite their own source, at the place they are written.
  for (const d of rs.dated ?? []) {
    d.entries.forEach((e, i) => {
      out.push({ path: [...d.path, i], source: e.source });
    });
  }
  return out;
}

export const citedIds = (rs: RuleSet): Set<string> =>
  new Set(sourceBlocks(rs).flatMap((b) => b.source.cite.map((c: Citation) => c.id)));

/**
 * Check a parsed rule set's citations against the bibliography plus its own `sources`, and return the entries it
 * cites (what `ruleSet.sources` holds after loading).
 */
export function resolveCitations(
  rs: RuleSet,
  bundled: Bibliography,
  place: Place,
  bibliographyName: string,
): { sources: Bibliography; problems: Problem[] } {
  const own = rs.sources ?? {};
  const problems: Problem[] = [];
  const sources: Bibliography = {};
  for (const { path, source } of sourceBlocks(rs)) {
    source.cite.forEach((c, i) => {
      const entry = own[c.id] ?? bundled[c.id];
      if (entry) sources[c.id] = entry;
      else {
        const msg = `引用的文献“${c.id}”不在 ${bibliographyName} 中，也不在本规则集的 sources 里`;
        problems.push(problemAt(place, 'unknown_source', [...path, 'source', 'cite', i, 'id'], msg));
      }
    });
  }
  for (const [id, entry] of Object.entries(own)) {
    if (entry.url === null && entry.documentNumber === null) {
      const msg = '文献要有网址（url）或文号（documentNumber），读者才能查到它';
      problems.push(problemAt(place, 'source_findable', ['sources', id, 'url'], msg));
    }
    if (!(id in sources)) {
      const msg = `文献“${id}”没有被任何规则引用：删去它，或在规则的 source.cite 中引用它`;
      problems.push(problemAt(place, 'unused_source', ['sources', id], msg));
    }
  }
  // In the order first cited (execution, tiers, …): the order a reader meets them in `rules show`.
  return { sources, problems };
}
