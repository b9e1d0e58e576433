import { type Document, isMap, isSeq, parseDocument, type YAMLMap } from 'yaml';
import { UserError } from '../errors.js';
import { dropBlanks } from '../io/actuals.js';
import { writeFileAtomic } from '../io/write.js';
import { ProjectActuals } from '../model/actuals.js';
import type { GoalDocument } from '../model/goals.js';
import { actualsTemplate, type Period } from '../report/actuals-template.js';
import { BUDGET_FIELDS, INDICATOR_FIELDS } from './fields.js';
import { versionOf, type Workspace } from './workspace.js';

const NUMERIC = new Set(['budget.initial', 'budget.adjusted', 'budget.executed', 'budget.forecast', 'score']);

/** One cell's change, with the value the page last saw there (to detect another writer). */
export interface Change {
  /** `budget.executed`, `achievement`, or an indicator field: `indicators.3.actual` (goal-table row from 0). */
  field: string;
  old: string | null;
  new: string | null;
}

export interface SaveResult {
  version: string;
  /** The file's version before this save ('none' when it did not exist): another writer if not the page's. */
  previous: string;
}

export interface Conflict {
  field: string;
  /** What the file holds now. */
  current: string | null;
}

/**
 * Apply the page's changes to the actuals file and write it atomically. Comments, order and every untouched
 * entry stay as written (the yaml library edits the parsed document in place). A change whose `old` no longer
 * matches the file (another tab or an editor changed that cell) is a conflict: nothing is written then.
 */
export async function saveChanges(
  ws: Workspace,
  period: Period,
  code: string,
  changes: readonly Change[],
  asOf?: string,
): Promise<SaveResult | { conflicts: Conflict[] }> {
  const goals = await ws.goals();
  const table = goals.projects.find((p) => p.code === code);
  if (!table) throw new UserError(`目标表中没有项目编码“${code}”`);
  const path = ws.actualsPath(period);
  const { text, version } = ws.readActualsText(period);
  // The document this server last wrote, while the file is still exactly that: parsing a 200-project file
  // costs a third of a second. Taken out of the cache while it is edited, put back only once written.
  const cached = documents.get(path);
  documents.delete(path);
  const doc = cached?.version === version ? cached.doc : parseDocument(text ?? actualsTemplate(goals, period, asOf));
  if (doc.errors.length > 0) throw new UserError(`${path} 不是有效的 YAML，请先修正该文件`);
  const project = projectNode(doc, goals, code);
  const conflicts: Conflict[] = [];
  const writes: [YAMLMap, string, unknown][] = [];
  for (const c of changes) {
    const [holder, key, kind] = locate(doc, project, table.indicators, c.field);
    const current = cellText(holder.get(key));
    if (current !== blankToNull(c.old)) conflicts.push({ field: c.field, current });
    else writes.push([holder, key, typed(kind, c.new, c.field)]);
  }
  if (conflicts.length > 0) return { conflicts };
  for (const [holder, key, value] of writes) holder.set(key, value);
  // Only this project changed: it must still be what the CLI reads (the rest of the file is as it was).
  const parsed = ProjectActuals.safeParse(dropBlanks(project.toJS(doc)));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new UserError(`无法保存：${issue?.path.join('.') ?? ''} ${issue?.message ?? ''}`.trim());
  }
  const out = doc.toString({ lineWidth: 0 });
  writeFileAtomic(path, out);
  const written = versionOf(out);
  documents.set(path, { version: written, doc });
  return { version: written, previous: version };
}

const documents = new Map<string, { version: string; doc: Document }>();

function projectNode(doc: Document, goals: GoalDocument, code: string): YAMLMap {
  const projects = doc.get('projects', true);
  if (!isSeq(projects)) throw new UserError('实际完成情况文件缺少 projects 列表');
  const found = projects.items.find((n) => isMap(n) && n.get('code') === code);
  if (isMap(found)) return found;
  const t = goals.projects.find((p) => p.code === code);
  const node = doc.createNode({ code, name: t?.name, budget: { executed: null }, indicators: [] }) as YAMLMap;
  projects.items.push(node);
  return node;
}

type Kind = 'number' | 'text';

/** The map and key a field names; an indicator entry missing from the file is added in table order. */
function locate(
  doc: Document,
  project: YAMLMap,
  indicators: readonly { name: string; tier2: string }[],
  field: string,
): [YAMLMap, string, Kind] {
  const bad = () => new UserError(`不能修改字段“${field.slice(0, 80)}”`);
  const parts = field.split('.');
  const kind: Kind = NUMERIC.has(parts[0] === 'indicators' ? (parts[2] ?? '') : field) ? 'number' : 'text';
  if (field === 'achievement') return [project, 'achievement', 'text'];
  if (
    parts[0] === 'budget' &&
    parts.length === 2 &&
    (BUDGET_FIELDS as readonly string[]).includes(parts[1] as string)
  ) {
    let budget: unknown = project.get('budget', true);
    if (!isMap(budget)) {
      budget = doc.createNode({});
      project.set('budget', budget);
    }
    return [budget as YAMLMap, parts[1] as string, kind];
  }
  if (
    parts[0] !== 'indicators' ||
    parts.length !== 3 ||
    !(INDICATOR_FIELDS as readonly string[]).includes(parts[2] as string)
  )
    throw bad();
  const row = Number(parts[1]);
  const ind = Number.isInteger(row) ? indicators[row] : undefined;
  if (!ind) throw bad();
  let list: unknown = project.get('indicators', true);
  if (!isSeq(list)) {
    list = doc.createNode([]);
    project.set('indicators', list);
  }
  const seq = list as unknown as { items: unknown[] };
  // The entry at its own row (as the template writes it), else the n-th entry of that name.
  const same = (n: unknown, i: { name: string; tier2: string }) =>
    isMap(n) && n.get('name') === i.name && (!n.get('tier2') || n.get('tier2') === i.tier2);
  let entry = seq.items[row];
  if (!same(entry, ind)) {
    const nth = indicators.slice(0, row).filter((i) => i.name === ind.name && i.tier2 === ind.tier2).length;
    entry = seq.items.filter((n) => same(n, ind))[nth];
  }
  if (!isMap(entry)) {
    const repeated = indicators.filter((i) => i.name === ind.name).length > 1;
    entry = doc.createNode(repeated ? { name: ind.name, tier2: ind.tier2 } : { name: ind.name });
    seq.items.splice(Math.min(row, seq.items.length), 0, entry);
  }
  return [entry as YAMLMap, parts[2] as string, kind];
}

const blankToNull = (s: string | null | undefined) => (s === null || s === undefined || s.trim() === '' ? null : s);

/** A cell's value as the page shows it: text, or null when blank. */
function cellText(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'object' && v !== null && 'toJSON' in v) return cellText((v as { toJSON(): unknown }).toJSON());
  return blankToNull(String(v));
}

/** Budget figures and in-band scores are numbers; an actual written as a bare number stays a number too. */
function typed(kind: Kind, value: string | null, field: string): unknown {
  const v = blankToNull(value)?.trim() ?? null;
  if (v === null) return null;
  const numeric = /^-?\d+(\.\d+)?$/.test(v);
  if (kind === 'number') {
    if (!numeric) throw new UserError(`“${v.slice(0, 40)}”不是数字（${field}）`);
    return Number(v);
  }
  return numeric && field.endsWith('.actual') ? Number(v) : v;
}
