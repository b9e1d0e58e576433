import type { GoalTable } from '../../model/goals.js';
import { parseBudget } from './budget.js';
import { parseUnitCell } from './department.js';
import { splitGoals } from './goals.js';
import { parseIndicators } from './indicators.js';
import { parsePlan } from './plan.js';
import { type Problems, projectLabel } from './problems.js';
import { type Block, type BlockKind, isUnitNote, type TableSegment } from './tables.js';
import { firstYear, normLabel, quote } from './text.js';

/** One 绩效目标表: from its labelled blocks to a GoalTable, with every problem reported. */

export interface TableContext {
  /** 0-based position among the tables. */
  index: number;
  /** The document year, for a table whose heading and name carry none. */
  docYear: number;
  problems: Problems;
  lastLine: number;
}

const LABELS: Record<BlockKind, string> = {
  code: '项目编码',
  name: '项目名称',
  budget: '预算规模及资金用途',
  plan: '资金支出计划',
  goals: '绩效目标',
  header: '一级指标 … 指标值确定依据（指标表头）',
};

/** The year of a table: its heading's "20xx年", else its name's, else the document's. */
export function tableYear(seg: TableSegment, name: string | null, docYear: number): number {
  return (seg.heading && firstYear(seg.heading.text)) || (name && firstYear(name)) || docYear;
}

export function parseTable(seg: TableSegment, ctx: TableContext): GoalTable | null {
  const { problems } = ctx;
  const count = problems.count;
  const truncated = seg.endLine >= ctx.lastLine ? '；文档在此结束，可能被截断' : '';
  if (seg.blocks.length === 0 && seg.preamble.every((c) => c.text === '' || isUnitNote(c.text))) {
    const what = seg.heading ? `标题 ${quote(seg.heading.text)} 下面` : '单位行后面';
    problems.error('table-empty', seg.line, `${what}没有绩效目标表的内容（项目编码、预算、指标等）${truncated}`);
    return null;
  }
  const block = (kind: BlockKind): Block | undefined => seg.blocks.find((b) => b.kind === kind);

  const code = single(block('code'), problems);
  const name = single(block('name'), problems);
  const project = projectLabel(ctx.index, code, name);
  const require = (kind: BlockKind, value: unknown) => {
    if (value) return;
    const b = block(kind);
    const message = b
      ? `“${LABELS[kind]}”为空`
      : `绩效目标表缺少“${LABELS[kind]}”${kind === 'header' ? truncated : ''}`;
    problems.error(`missing-${kind}`, b?.label.line ?? seg.line, message, project);
  };
  require('code', code);
  require('name', name);

  let unitCode: string | null = null;
  let unitName: string | null = null;
  for (const cell of seg.preamble) {
    const unit = parseUnitCell(cell.text);
    if (unit && unitCode === null) ({ code: unitCode, name: unitName } = unit);
    else if (cell.text !== '' && !unit && !isUnitNote(cell.text)) {
      problems.error(
        'stray-cell',
        cell.line,
        `无法识别的单元格 ${quote(cell.text)}（应为单位编码名称或“单位：万元”）`,
        project,
      );
    } else if (isUnitNote(cell.text) && !/万元/.test(cell.text)) {
      problems.error(
        'amount-unit',
        cell.line,
        `金额单位 ${quote(cell.text)} 不受支持：绩效目标表的金额应以万元填写`,
        project,
      );
    }
  }

  const year = tableYear(seg, name, ctx.docYear);
  const budgetBlock = block('budget');
  const { budget, useOfFunds } = budgetBlock
    ? parseBudget([budgetBlock.label, ...budgetBlock.cells], budgetBlock.label.line, problems, project)
    : { budget: null, useOfFunds: '' };
  if (!budgetBlock) require('budget', null);

  const planBlock = block('plan');
  const spendingPlan = planBlock ? parsePlan(planBlock.cells, year, problems, project) : [];
  const goalsBlock = block('goals');
  const goals = goalsBlock ? splitGoals(goalsBlock.cells.filter((c) => !c.stray)) : [];

  const header = block('header');
  const indicators = header
    ? parseIndicators([header.label, ...header.cells], { year, problems, project, lastLine: ctx.lastLine })
    : [];
  if (!header) require('header', null);

  if (problems.count > count || !code || !name || !budget) return null;
  return {
    code,
    name,
    year,
    heading: seg.heading?.text ?? null,
    unitCode,
    unitName,
    budget,
    useOfFunds,
    spendingPlan,
    goals,
    indicators,
    line: seg.line,
  };
}

/** The value of a one-value block (项目编码, 项目名称); extra values are a problem. */
function single(block: Block | undefined, problems: Problems): string | null {
  if (!block) return null;
  const values = block.cells.filter((c) => c.text !== '');
  const [first, ...extra] = values;
  for (const cell of extra) {
    problems.error('stray-cell', cell.line, `“${normLabel(block.label.text)}”后面多出单元格 ${quote(cell.text)}`);
  }
  return first?.text ?? null;
}
