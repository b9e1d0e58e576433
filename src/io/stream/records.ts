import { rowContext } from '../../core/target/context.js';
import { type ParseContext, parseTarget } from '../../core/target/parse.js';
import type { Problem } from '../../errors.js';
import { UserError } from '../../errors.js';
import { ProjectActuals } from '../../model/actuals.js';
import { GoalTable } from '../../model/goals.js';
import type { Target } from '../../model/target.js';
import { formatPath, type Place } from '../yaml-file.js';
import { zodProblems } from '../zod-problems.js';
import type { LineReader } from './lines.js';

/** One non-blank line of a JSON Lines input: its number, what JSON.parse gave, or why it could not. */
export interface RawRecord {
  line: number;
  value: unknown;
  problem?: Problem;
}

/** The header a JSON Lines file may start with: `{"schema": "jixiao/goals@1"}` / `{"schema": "jixiao/actuals@1", "period": "year-end"}`. */
const HEADERS = { goals: 'jixiao/goals@1', actuals: 'jixiao/actuals@1' } as const;

/** One non-blank line of a JSON Lines input, not parsed yet. */
export interface RawLine {
  line: number;
  text: string;
}

/** Readers whose first non-blank line has been looked at (a header there is checked and skipped). */
const started = new WeakSet<LineReader>();

/**
 * The next non-blank line of `reader`, null at the end. The file's first line may be its header
 * (`{"schema": …}` without a 项目编码): checked (an actuals header must say year-end) and skipped. Lines are
 * not parsed here, so the parsing can be spread over worker threads (recordOf).
 */
export function nextLine(reader: LineReader, kind: keyof typeof HEADERS): RawLine | null {
  for (;;) {
    const text = reader.next();
    if (text === null) return null;
    if (text.trim() === '') continue;
    const line = reader.line;
    if (!started.has(reader)) {
      started.add(reader);
      if (text.includes('"schema"')) {
        const head = recordOf(text, line, reader.path).value;
        if (isObject(head) && 'schema' in head && !('code' in head)) {
          checkHeader(head, kind, reader, line);
          continue;
        }
      }
    }
    return { line, text };
  }
}

/** A line as JSON: what JSON.parse gave, or why it could not. */
export function recordOf(text: string, line: number, path: string): RawRecord {
  try {
    return { line, value: JSON.parse(text) };
  } catch (err) {
    const at = /position (\d+)/.exec((err as Error).message)?.[1];
    const where = `${path} 第 ${line} 行`;
    const message = `不是有效的 JSON${at === undefined ? '' : `（第 ${Number(at) + 1} 个字符附近）`}：每行应是一个完整的 JSON 对象`;
    return { line, value: null, problem: { code: 'bad-json', where, message } };
  }
}

function checkHeader(value: Record<string, unknown>, kind: keyof typeof HEADERS, reader: LineReader, line: number) {
  const at = `${reader.path} 第 ${line} 行`;
  if (value.schema !== HEADERS[kind]) {
    const other = kind === 'goals' ? '实际完成情况' : '目标表';
    const swapped = value.schema === HEADERS[kind === 'goals' ? 'actuals' : 'goals'];
    throw new UserError(
      `${at}：文件头的 schema 是“${String(value.schema)}”，应为 ${HEADERS[kind]}${swapped ? `（这是${other}文件：两个文件是否写反了？）` : ''}`,
    );
  }
  if (kind === 'actuals' && value.period !== undefined && value.period !== 'year-end') {
    throw new UserError(
      `${at}：这是运行监控数据（“period: ${String(value.period)}”），年终自评评分需要“period: year-end”；运行监控请用 jixiao monitor`,
    );
  }
}

export const isObject = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/** The 项目编码 a raw record names, when it names one. */
export const codeOf = (r: RawRecord | null): string | null =>
  r && isObject(r.value) && typeof r.value.code === 'string' ? r.value.code : null;

const placeAt =
  (file: string, line: number): Place =>
  (path) => ({
    where: `${file} 第 ${line} 行${path.length > 0 ? ` ${formatPath(path)}` : ''}`,
    line: undefined,
  });

/** A goal table line checked by its schema, each target parsed from what the table printed (as readGoals does). */
export function goalTableOf(r: RawRecord, file: string): { table?: GoalTable; problems: Problem[] } {
  if (r.problem) return { problems: [r.problem] };
  const parsed = GoalTable.safeParse(r.value, { reportInput: true });
  if (!parsed.success) return { problems: zodProblems(parsed.error.issues, placeAt(file, r.line)) };
  const table = parsed.data;
  for (const ind of table.indicators) ind.target = targetOf(ind.target.raw, rowContext(ind, table.year));
  return { table, problems: [] };
}

/**
 * Targets repeat across a large set (≥95%, ≥90%, 按时完成): each distinct one is parsed once. Bounded, so memory
 * stays constant; shared targets are frozen (nothing downstream may change one).
 */
const TARGETS = new Map<string, Target>();
const TARGET_CACHE_SIZE = 4096;

function targetOf(raw: string, ctx: ParseContext): Target {
  const key = `${ctx.year}|${ctx.cost ? 1 : 0}|${ctx.unit ?? ''}|${raw}`;
  let t = TARGETS.get(key);
  if (t === undefined) {
    if (TARGETS.size >= TARGET_CACHE_SIZE) TARGETS.clear();
    t = Object.freeze(parseTarget(raw, ctx));
    TARGETS.set(key, t);
  }
  return t;
}

/** A project's actuals line checked by its schema (blank values as not filled in, as in the YAML). */
export function projectActualsOf(r: RawRecord, file: string): { entry?: ProjectActuals; problems: Problem[] } {
  if (r.problem) return { problems: [r.problem] };
  const parsed = ProjectActuals.safeParse(dropBlanksInPlace(r.value), { reportInput: true });
  if (!parsed.success) return { problems: zodProblems(parsed.error.issues, placeAt(file, r.line)) };
  return { entry: parsed.data, problems: [] };
}

/** dropBlanks of io/actuals without copies: the value is this line's own, fresh from JSON.parse. */
function dropBlanksInPlace(v: unknown): unknown {
  if (Array.isArray(v)) {
    for (const x of v) dropBlanksInPlace(x);
  } else if (v !== null && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const k in o) {
      const x = o[k];
      if (x === null || x === '') delete o[k];
      else if (typeof x === 'object') dropBlanksInPlace(x);
    }
  }
  return v;
}
