import type { GoalTable } from '../../model/goals.js';
import { parseBudget } from './budget.js';
import { generatedCode } from './code.js';
import { parseUnitCell } from './department.js';
import { tableGoals } from './goals.js';
import { parseIndicators } from './indicators.js';
import { parsePlan } from './plan.js';
import { type Problems, projectLabel } from './problems.js';
import { type Block, type BlockKind, isSubtitle, isUnitNote, isYearNote, type TableSegment } from './tables.js';
import { firstYear, type MoneyUnit, moneyUnitIn, normLabel, quote } from './text.js';

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
  unit: '单位',
  budget: '预算金额（预算数、资金总额等）',
  plan: '资金支出计划',
  goals: '绩效目标',
  longGoals: '中长期目标',
  header: '一级指标 … 指标值确定依据（指标表头）',
  info: '项目信息',
};

/** The year of a table: its heading's "20xx年", else a "(2022年度)" line, else its name's, else the document's. */
export function tableYear(seg: TableSegment, name: string | null, docYear: number): number {
  const note = seg.preamble.find((c) => isYearNote(c.text));
  const noteYear = note ? Number(/20\d{2}/.exec(normLabel(note.text))?.[0]) : null;
  return (seg.heading && firstYear(seg.heading.text)) || noteYear || (name && firstYear(name)) || docYear;
}

/** "1.2025年安全生产专项经费绩效目标表" → "2025年安全生产专项经费": the project a table without 项目名称 is for. */
export function nameFromHeading(heading: string): string | null {
  const name = heading
    .trim()
    .replace(/^\s*(?:\d{1,3}\s*[.．、]|[一二三四五六七八九十]+\s*、|[(（]\s*[\d一二三四五六七八九十]+\s*[)）])\s*/, '')
    .replace(/[(（][^()（）]*[)）]\s*$/, '')
    .replace(/(项目)?(支出)?[績绩]效目[標标]([申审][報报批核])?表$/, '')
    .trim();
  return name === '' ? null : name;
}

interface Unit {
  code: string | null;
  name: string | null;
  money: MoneyUnit | null;
}

export function parseTable(seg: TableSegment, ctx: TableContext): GoalTable | null {
  const { problems } = ctx;
  const count = problems.count;
  const truncated = seg.endLine >= ctx.lastLine ? '；文档在此结束，可能被截断' : '';
  const quiet = (c: { text: string }) => c.text === '' || isUnitNote(c.text) || isYearNote(c.text);
  if (seg.blocks.length === 0 && seg.preamble.every(quiet)) {
    const what = seg.heading ? `标题 ${quote(seg.heading.text)} 下面` : '单位行后面';
    problems.error('table-empty', seg.line, `${what}没有绩效目标表的内容（项目编码、预算、指标等）${truncated}`);
    return null;
  }
  const block = (kind: BlockKind): Block | undefined => seg.blocks.find((b) => b.kind === kind);
  // A table with a 项目名称 column but no budget, goals or indicator header is another table of the document
  // (资金安排表: 序号 | 乡镇名称 | 项目名称 | 金额): said and skipped, not read as a project named "金额".
  if (!block('budget') && !block('header') && !block('goals') && !block('code')) {
    const title = seg.heading ? `${quote(seg.heading.text)}` : '这张表';
    problems.warn(
      'not-goal-table',
      seg.line,
      `${title}没有预算、绩效目标和指标表头，不是绩效目标表（如资金安排表），已跳过`,
    );
    return null;
  }

  const printedCode = single(block('code'), problems);
  // Without 项目名称: a bracketed subtitle naming the project, else the heading's words.
  const subtitle = seg.preamble.find((c) => isSubtitle(c.text));
  const name =
    single(block('name'), problems) ??
    (subtitle
      ? subtitle.text
          .trim()
          .replace(/^[(（]\s*/, '')
          .replace(/\s*[)）]$/, '')
      : null) ??
    (seg.heading ? nameFromHeading(seg.heading.text) : null);
  const unit = unitOf(seg, problems, projectLabel(ctx.index, printedCode, name));
  const code = printedCode ?? (name ? generatedCode(unit.code ?? unit.name, name) : null);
  const project = projectLabel(ctx.index, printedCode, name);
  const require = (kind: BlockKind, value: unknown) => {
    if (value) return;
    const b = block(kind);
    const message = b
      ? `“${LABELS[kind]}”为空`
      : `绩效目标表缺少“${LABELS[kind]}”${kind === 'header' ? truncated : ''}`;
    problems.error(`missing-${kind}`, b?.label.line ?? seg.line, message, project);
  };
  if (!name) {
    problems.error(
      'missing-name',
      block('name')?.label.line ?? seg.line,
      block('name') ? '“项目名称”为空' : '绩效目标表缺少“项目名称”，标题中也没有项目名称',
      project,
    );
  }

  const year = tableYear(seg, name, ctx.docYear);
  const budgetBlock = block('budget');
  const { budget, useOfFunds } = budgetBlock
    ? parseBudget([budgetBlock.label, ...budgetBlock.cells], budgetBlock.label.line, problems, project, unit.money)
    : { budget: null, useOfFunds: '' };
  if (!budgetBlock) require('budget', null);

  const planBlock = block('plan');
  const spendingPlan = planBlock ? parsePlan(planBlock.cells, year, problems, project) : [];
  // "总体目标 | 中长期目标 | 年度目标": the year's goals are the table's; the long-term ones are kept beside them.
  const { goals, longGoals } = tableGoals(seg.blocks);

  const header = block('header');
  const tierWeights: Record<string, number> = {};
  const indicators = header
    ? parseIndicators([header.label, ...header.cells], { year, problems, project, lastLine: ctx.lastLine, tierWeights })
    : [];
  if (!header) require('header', null);

  if (problems.count > count || !code || !name || !budget) return null;
  return {
    code,
    ...(printedCode ? {} : { codeGenerated: true as const }),
    name,
    year,
    heading: seg.heading?.text ?? null,
    unitCode: unit.code,
    unitName: unit.name,
    budget,
    useOfFunds,
    spendingPlan,
    ...(Object.keys(tierWeights).length > 0 ? { tierWeights } : {}),
    goals,
    ...(longGoals ? { longGoals } : {}),
    indicators,
    line: seg.line,
  };
}

/** The unit row (code and name in any shape, "单位：万元") and a 主管部门 / 实施单位 block. */
function unitOf(seg: TableSegment, problems: Problems, project: string): Unit {
  const unit: Unit = { code: null, name: null, money: null };
  const unitBlock = seg.blocks.find((b) => b.kind === 'unit');
  const cells = [...seg.preamble, ...(unitBlock?.cells ?? [])];
  for (const whole of cells) {
    if (whole.text === '' || isYearNote(whole.text) || isSubtitle(whole.text)) continue;
    // "预算单位: 某乡人民政府 金额单位:万元" on one line: the unit, then the money unit.
    const both = /^(.*\S)\s+((?:金额)?单位[:：]\s*(?:万元|元|亿元))$/.exec(whole.text);
    const cell = both ? { ...whole, text: both[1] as string } : whole;
    if (both) unit.money = moneyUnitIn(both[2] as string);
    if (isUnitNote(cell.text)) {
      unit.money = moneyUnitIn(cell.text);
      continue;
    }
    // "填报单位:(盖章)": the stamp's place, no name written.
    if (/^(填报|申报)单位[:：]?\s*[(（]盖章[)）]\s*[:：]?$/.test(cell.text.trim())) continue;
    const found = parseUnitCell(cell.text);
    if (found && unit.name === null) {
      unit.code = found.code;
      unit.name = found.name;
    } else if (found && unitBlock?.cells.includes(whole)) {
      // A second unit (预算单位 above, 实施单位 here): the first names the table's unit.
    } else {
      problems.error(
        'stray-cell',
        cell.line,
        `无法识别的单元格 ${quote(cell.text)}（应为单位编码名称或“单位：万元”）`,
        project,
      );
    }
  }
  return unit;
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
