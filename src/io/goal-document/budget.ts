import type { Budget } from '../../model/goals.js';
import type { Cell } from './lines.js';
import type { Problems } from './problems.js';
import { normLabel, parseAmount, quote } from './text.js';

/**
 * 预算规模及资金用途: "预算数 | 50.00 | 其中：财政资金 | 50.00 | 其他资金 | (blank)", then the 资金用途 text in the
 * next row (whose first cell, the merged label, is blank). Amounts are 万元 as printed; a blank amount is null.
 */

type Field = keyof Budget | 'label';

const LABEL = '预算数';
const NAMES: Record<keyof Budget, string> = { total: '预算数', fiscal: '财政资金', other: '其他资金' };

function fieldOf(cell: Cell): Field | null {
  const s = normLabel(cell.text);
  if (/^(年度)?预算(数|金额)(\(万元\))?$/.test(s)) return 'total';
  if (/^(其中:?)?财政(资金|拨款)(\(万元\))?$/.test(s)) return 'fiscal';
  if (/^其他资金(\(万元\))?$/.test(s)) return 'other';
  if (/^(资金用途|预算规模(及资金用途)?)$/.test(s)) return 'label';
  return null;
}

export interface BudgetBlock {
  budget: Budget | null;
  useOfFunds: string;
}

/** `cells`: the block, from its label (预算规模及资金用途, or 预算数 when the table has no group label). */
export function parseBudget(cells: Cell[], labelLine: number, problems: Problems, project: string): BudgetBlock {
  const real = cells.filter((c) => !c.stray);
  const amounts: Partial<Record<keyof Budget, number | null>> = {};
  const uses: string[] = [];
  const count = problems.count;
  for (let k = 0; k < real.length; k++) {
    const cell = real[k] as Cell;
    const field = fieldOf(cell);
    if (field === 'label') continue;
    if (field === null) {
      if (cell.text !== '') uses.push(cell.text);
      continue;
    }
    const next = real[k + 1];
    let value: number | null = null;
    if (next && fieldOf(next) === null) {
      const amount = parseAmount(next.text);
      if (amount !== undefined) {
        value = amount;
        k++;
      } else if (next.row === cell.row) {
        // On the label's own row, the cell is the amount, badly written.
        problems.error('budget-amount', next.line, `${NAMES[field]} ${quote(next.text)} 不是金额（万元）`, project);
        k++;
      }
      // Otherwise the amount cell is missing and the next row (资金用途) begins: the amount is blank.
    }
    amounts[field] = value;
  }
  const total = amounts.total;
  if (total === undefined) problems.error('budget-missing', labelLine, `缺少“${LABEL}”`, project);
  else if (total === null && problems.count === count) {
    problems.error('budget-missing', labelLine, `“${LABEL}”为空`, project);
  }
  return {
    budget: total == null ? null : { total, fiscal: amounts.fiscal ?? null, other: amounts.other ?? null },
    useOfFunds: uses.join('\n'),
  };
}
