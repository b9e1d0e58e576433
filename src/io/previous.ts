import { UserError } from '../errors.js';
import { PreviousEvaluation } from '../model/previous.js';
import { decode } from './decode.js';
import { readInput } from './read-input.js';
import { formatPath } from './yaml-file.js';
import { zodProblems } from './zod-problems.js';

const WHAT = '上年评分结果';

/** `--previous FILE`: last year's `jixiao score --format json` output, checked for what the comparison reads. */
export function readPrevious(path: string): PreviousEvaluation {
  const { text } = decode(readInput(path, WHAT), path);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new UserError(`无法读取${WHAT} ${path}：不是有效的 JSON（应为上年 jixiao score --format json 的输出）`);
  }
  const schema = (data as { schema?: unknown } | null)?.schema;
  if (schema !== 'jixiao/evaluation@2') {
    throw new UserError(
      `无法读取${WHAT} ${path}：schema 应为 jixiao/evaluation@2（上年 jixiao score --format json 的输出），实际为“${String(schema ?? '（无）')}”`,
    );
  }
  const parsed = PreviousEvaluation.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    const problems = zodProblems(parsed.error.issues, (p) => ({
      where: `${path}: ${formatPath(p) || '(根)'}`,
      line: undefined,
    }));
    if (parsed.error.issues.some((i) => i.path.length === 1 && i.path[0] === 'period'))
      throw new UserError(`无法读取${WHAT} ${path}：应为年终自评的评分结果（“period: year-end”），这是运行监控结果`);
    throw new UserError(`无法读取${WHAT} ${path}：格式不对`, problems);
  }
  return parsed.data;
}
