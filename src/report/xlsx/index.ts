import type { DepartmentView } from '../department-view.js';
import type { ReportData, ReportDocument } from '../documents.js';
import type { MonitoringView } from '../monitoring-view.js';
import type { SelfEvaluationView } from '../self-evaluation-view.js';
import { departmentWorkbook } from './department.js';
import { monitoringWorkbook } from './monitoring.js';
import { selfEvaluationWorkbook } from './self-evaluation.js';

/**
 * One report document as a printable workbook: the 自评表 (read back by `jixiao review`), the 运行监控表 or the
 * department summary. Imported only for --format xlsx.
 */
export async function reportWorkbook(d: ReportDocument, data: ReportData): Promise<Uint8Array> {
  switch (d.template) {
    case 'self-evaluation':
      if (!('evaluation' in data)) throw new Error('a self-evaluation document needs year-end data');
      return selfEvaluationWorkbook(data.evaluation, data.goals, (d.view as SelfEvaluationView).project.id);
    case 'monitoring':
      return monitoringWorkbook(d.view as MonitoringView);
    case 'department':
      return departmentWorkbook(d.view as DepartmentView);
  }
}
