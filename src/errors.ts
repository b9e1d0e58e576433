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

  /** The message and every problem, one per line. */
  describe(): string {
    const lines = [this.message];
    for (const p of this.problems) lines.push(`  - ${p.where ? `${p.where}: ` : ''}${p.message}`);
    return lines.join('\n');
  }
}
