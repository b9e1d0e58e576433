/**
 * Problems in user input. Collected, not thrown one by one, wherever a whole file can be checked in one pass.
 * `where` names the place a user can find: file, project, row, cell.
 */
export interface Problem {
  code: string;
  /** Chinese, for the user. */
  message: string;
  where?: string;
  severity?: 'error' | 'warning';
}

/** A user-facing failure: the CLI prints the problems and exits with `exitCode`. */
export class UserError extends Error {
  readonly problems: Problem[];
  readonly exitCode: number;

  constructor(message: string, problems: Problem[] = [], exitCode = 2) {
    super(message);
    this.name = 'UserError';
    this.problems = problems;
    this.exitCode = exitCode;
  }

  /** The message and the problems, one per line (the first 200, then how many more). */
  describe(): string {
    return [this.message, ...problemLines(this.problems)].join('\n');
  }
}

/** A list printed for a person stops here: a broken 1,000,000-row CSV is not worth a million lines. */
export const LISTED_PROBLEMS = 200;

/** Problems as `  - where: message` lines, the first `limit` of them and a line saying how many are left out. */
export function problemLines(problems: readonly Problem[], limit = LISTED_PROBLEMS, indent = '  '): string[] {
  const lines = problems.slice(0, limit).map((p) => `${indent}- ${p.where ? `${p.where}: ` : ''}${p.message}`);
  if (problems.length > limit) {
    lines.push(`${indent}……另有 ${problems.length - limit} 处未列出（共 ${problems.length} 处；请先改正上面这些）`);
  }
  return lines;
}
