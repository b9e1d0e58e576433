import type { DepartmentView } from '../department-view.js';
import type { ReportDocument } from '../documents.js';
import type { MonitoringView } from '../monitoring-view.js';
import type { SelfEvaluationView } from '../self-evaluation-view.js';
import { section } from './build.js';
import { departmentDocx } from './department.js';
import { packDocument } from './fonts.js';
import { monitoringDocx } from './monitoring.js';
import { selfEvaluationDocx } from './self-evaluation.js';

/**
 * One report document as a Word file (.docx), built from the view-model the HTML and Markdown templates print.
 * Imported only for --format docx, so other formats never load the docx package or the chart rasteriser.
 */
export async function docxReport(d: ReportDocument): Promise<Uint8Array> {
  switch (d.template) {
    case 'self-evaluation': {
      const v = d.view as SelfEvaluationView;
      return packDocument(`${v.project.name} ${v.title}`, [section(await selfEvaluationDocx(v))]);
    }
    case 'monitoring': {
      const v = d.view as MonitoringView;
      return packDocument(`${v.project.name} ${v.title}`, [section(await monitoringDocx(v))]);
    }
    case 'department': {
      const v = d.view as DepartmentView;
      return packDocument(`${v.unit.name} ${v.title}`, [section(await departmentDocx(v))]);
    }
  }
}
