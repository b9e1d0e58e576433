import type { YearComparison } from '../core/compare/index.js';
import type { Monitoring } from '../core/monitoring/index.js';
import type { Evaluation } from '../core/scoring/types.js';
import { UserError } from '../errors.js';
import type { GoalDocument } from '../model/goals.js';
import type { RuleSet } from '../model/rule-set.js';
import { departmentView } from './department-view.js';
import { monitoringView } from './monitoring-view.js';
import { selfEvaluationView } from './self-evaluation-view.js';

export type ReportKind = 'self-evaluation' | 'monitoring' | 'department';

/** One output file before rendering: its name without extension, the template, and the view-model. */
export interface ReportDocument {
  base: string;
  template: ReportKind;
  view: object;
}

export type ReportData =
  | { goals: GoalDocument; ruleSet: RuleSet; evaluation: Evaluation; comparison?: YearComparison }
  | { goals: GoalDocument; ruleSet: RuleSet; monitoring: Monitoring };

/**
 * A file name from a 项目编码: letters, digits, '-', '_' and '.', never a path or a dot-name, so no code can
 * write outside the output folder. Free text (project names) never becomes a file name.
 */
export function fileBase(code: string): string {
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]{0,99}$/.test(code) || code.includes('..')) {
    throw new UserError(`项目编码“${code}”不能用作文件名（只允许字母、数字、-、_ 和 .），已停止生成报告`);
  }
  // Windows opens CON, NUL, COM1 … with any extension as the device, not a file in the folder.
  if (/^(con|prn|aux|nul|com[0-9]|lpt[0-9])(\.|$)/i.test(code)) {
    throw new UserError(`项目编码“${code}”是 Windows 的保留设备名，不能用作文件名，已停止生成报告`);
  }
  return code;
}

/**
 * File names a run claims, refused when two would be one file: the same 项目编码 twice, codes that differ only in
 * case (Windows and macOS disks take ABC-… and abc-… for one file), or a code named like the summary.
 */
export function fileClaims(): { project(code: string, suffix: string): string; summary(base: string): void } {
  const seen = new Map<string, string>();
  const claim = (base: string, code: string | null) => {
    const other = seen.get(base.toLowerCase());
    if (other !== undefined) {
      const clash =
        code === null
          ? `项目编码“${other}”的报告文件（${base}）与部门汇总报告同名`
          : other === code
            ? `项目编码“${code}”重复，两个项目会写入同一个文件`
            : `项目编码“${code}”与“${other}”只差大小写，会写入同一个文件（${base}）`;
      throw new UserError(`${clash}，已停止生成报告`);
    }
    if (code !== null) seen.set(base.toLowerCase(), code);
  };
  return {
    project(code, suffix) {
      const base = `${fileBase(code)}-${suffix}`;
      claim(base, code);
      return base;
    },
    summary: (base) => claim(base, null),
  };
}

/**
 * The documents of a run: one per project for self-evaluation and monitoring, then the department summary;
 * only the summary for kind department. Year-end data gives department.*, mid-year data department-monitoring.*.
 */
export function reportDocuments(kind: ReportKind, data: ReportData): ReportDocument[] {
  const { goals, ruleSet } = data;
  const docs: ReportDocument[] = [];
  const claim = fileClaims();
  const add = (code: string, suffix: string, template: ReportKind, view: () => object) => {
    const base = claim.project(code, suffix);
    docs.push({ base, template, view: view() });
  };
  const summary = (base: string) => {
    claim.summary(base);
    docs.push({ base, template: 'department', view: departmentView(data) });
  };
  if ('evaluation' in data) {
    if (kind === 'monitoring') throw new UserError('运行监控报告需要年中数据（“period: mid-year”）');
    if (kind === 'self-evaluation') {
      for (const p of data.evaluation.projects) {
        const previous = data.comparison?.projects.find((c) => c.code === p.code);
        add(p.code, 'self-evaluation', 'self-evaluation', () =>
          selfEvaluationView(p, goals, ruleSet, data.evaluation, previous),
        );
      }
    }
    summary('department');
    return docs;
  }
  if (kind === 'self-evaluation') throw new UserError('自评表和自评报告需要年终数据（“period: year-end”）');
  if (kind === 'monitoring') {
    for (const p of data.monitoring.projects) {
      add(p.code, 'monitoring', 'monitoring', () => monitoringView(p, data.monitoring, goals, ruleSet));
    }
  }
  summary('department-monitoring');
  return docs;
}
