import { UserError } from '../../errors.js';

/** Placeholder until the report renderer lands: the command exists and says so. */
export async function runReport(_goals: string, _actuals: string, _opts: { kind: string; format: string }): Promise<void> {
  throw new UserError('jixiao report 尚未完成：请先用 jixiao score / monitor 输出表格或 JSON');
}
