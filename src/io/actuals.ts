import { relative } from 'node:path';
import { UserError } from '../errors.js';
import { ActualsDocument } from '../model/actuals.js';
import type { GoalDocument } from '../model/goals.js';
import { fileKind, notActuals } from './input-kind.js';
import { placeInChain, readYamlFile } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/**
 * The evaluator's actuals (YAML or JSON; JSON is YAML). Every schema problem is reported at once with the key
 * path and line: `actuals.yaml: projects[2].indicators[4].grade: 应为以下之一：达成、部分达成、未达成（第 61 行）`.
 */
export function loadActuals(path: string): ActualsDocument {
  const display = relative(process.cwd(), path) || path;
  const { ruleFile, problems } = readYamlFile(
    path,
    display,
    '实际完成情况文件应是一个键值映射（schema、period、projects）',
  );
  if (!ruleFile) throw wrongKind(path) ?? new UserError(`无法读取实际完成情况 ${display}`, problems);
  const parsed = ActualsDocument.safeParse(dropBlanks(ruleFile.data), { reportInput: true });
  if (!parsed.success) {
    const other = wrongKind(path);
    if (other) throw other;
    throw new UserError(
      `实际完成情况 ${display} 有 ${parsed.error.issues.length} 处问题`,
      zodProblems(parsed.error.issues, placeInChain([ruleFile])),
    );
  }
  return parsed.data;
}

/** The file is of another kind (a goals JSON, a goal document, a score result): say so instead of its problems. */
function wrongKind(path: string): UserError | null {
  const kind = fileKind(path);
  return kind && kind !== 'actuals' ? notActuals(path, kind) : null;
}

/** A blank cell in the template (`reason:`) loads as null: treat it as not filled in. */
export function dropBlanks(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(dropBlanks);
  if (v === null || typeof v !== 'object') return v;
  return Object.fromEntries(
    Object.entries(v).flatMap(([k, x]) => (x === null || x === '' ? [] : [[k, dropBlanks(x)]])),
  );
}

/**
 * Actuals from any supported file: YAML/JSON here; a filled workbook (.xlsx) or a CSV of its indicator sheet
 * through src/io/xlsx/actuals.ts, imported only when needed (exceljs costs ~0.5 s to load).
 */
export async function readActuals(path: string, goals: GoalDocument): Promise<ActualsDocument> {
  if (/\.(xlsx|csv)$/i.test(path)) {
    const { readActualsTable } = await import('./xlsx/actuals.js');
    return readActualsTable(path, goals);
  }
  return loadActuals(path);
}
