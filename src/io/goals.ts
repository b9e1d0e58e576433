import { basename } from 'node:path';
import { UserError } from '../errors.js';
import { GoalDocument } from '../model/goals.js';
import { decode } from './decode.js';
import { parseGoalDocument } from './goal-document/index.js';
import { readInput } from './read-input.js';
import { formatPath } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

/**
 * The goal tables a command works on: an imported goals JSON (`jixiao import` output), or the goal document
 * itself (.txt), imported on the fly.
 */
export function loadGoals(path: string): GoalDocument {
  const bytes = readInput(path, '目标表');
  if (!/\.json$/i.test(path)) return parseGoalDocument(decode(bytes, path).text, { source: basename(path) });
  let data: unknown;
  try {
    data = JSON.parse(decode(bytes, path).text);
  } catch (err) {
    throw new UserError(`目标表 ${path} 不是有效的 JSON：${(err as Error).message}`);
  }
  const parsed = GoalDocument.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, (p) => ({
      where: `${path}: ${formatPath(p) || '(根)'}`,
      line: undefined,
    }));
    throw new UserError(`目标表 ${path} 格式不对（应为 jixiao import 生成的 JSON）`, problems);
  }
  return parsed.data;
}
