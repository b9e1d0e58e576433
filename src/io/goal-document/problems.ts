import type { Problem } from '../../errors.js';

/** Problems found while reading one document, each naming the file, the line and (when known) the project. */
export class Problems {
  readonly list: Problem[] = [];
  /** What was read with a doubt or skipped (a blank template row): reported, not refused. */
  readonly warnings: Problem[] = [];

  constructor(private readonly source: string | null) {}

  /** "goals.txt 第 54 行" */
  at(line: number, project?: string): string {
    const file = this.source ?? '文档';
    return `${file} 第 ${line} 行${project ? `（${project}）` : ''}`;
  }

  error(code: string, line: number, message: string, project?: string): void {
    this.list.push({ code, message, where: this.at(line, project), severity: 'error' });
  }

  warn(code: string, line: number, message: string, project?: string): void {
    this.warnings.push({ code, message, where: this.at(line, project), severity: 'warning' });
  }

  /** A problem about a range of lines or the whole file. */
  errorWhere(code: string, where: string, message: string): void {
    this.list.push({ code, message, where, severity: 'error' });
  }

  warnWhere(code: string, where: string, message: string): void {
    this.warnings.push({ code, message, where, severity: 'warning' });
  }

  get count(): number {
    return this.list.length;
  }
}

/** How a project is named in messages: 项目 13020225P00001210004M「2025年安全生产专项经费」. */
export function projectLabel(index: number, code: string | null, name: string | null): string {
  if (code && name) return `项目 ${code}「${name}」`;
  if (code) return `项目 ${code}`;
  if (name) return `项目「${name}」`;
  return `第 ${index + 1} 个绩效目标表`;
}
