import type { Budget } from '../../model/goals.js';
import type { Cell } from './lines.js';
import type { Problems } from './problems.js';
import { type MoneyUnit, moneyUnitIn, normLabel, quote, readMoney, toWanYuan } from './text.js';

/**
 * 预算规模及资金用途: "预算数 | 50.00 | 其中：财政资金 | 50.00 | 其他资金 | (blank)", then the 资金用途 text in the
 * next row (whose first cell, the merged label, is blank). Label variants of other templates: 年度资金总额 for
 * 预算数; 当年财政拨款 / 上级资金 / 本级资金 for the fiscal part (added up when several are printed).
 * Amounts are converted to 万元 exactly, from the unit written in the cell ("250万", "12000元"), in the label
 * ("预算数(元)") or on the table's 单位 line; a blank amount is null. Without 预算数 the fiscal funds are the total.
 */

type Field = 'total' | 'projectTotal' | 'fiscal' | 'other' | 'label' | 'ignore';

const NAMES: Record<Exclude<Field, 'label' | 'ignore'>, string> = {
  total: '预算数',
  projectTotal: '项目总预算',
  fiscal: '财政资金',
  other: '其他资金',
};
const UNIT_SUFFIX = '(\\((?:万元|元|亿元)\\))?:?';
/** The year's budget: 预算数, 年度资金总额, 当年年度预算, 本年度申请市财政预算资金, 下达中央预算内投资 … */
const TOTAL = new RegExp(
  `^((年度)?(本级)?预算(数|金额)|(年度|当年)资金(申请)?总额|(项目)?资金总额|项目总资金|当年(年度)?预算(资金)?|本年度(申请)?[市县区省]?(本级)?财政预算(资金)?|下达(中央预算内)?投资(资金)?)${UNIT_SUFFIX}$`,
);
/** The whole project's budget over its years (项目总预算): the budget only when the table prints no year's one. */
const PROJECT_TOTAL = new RegExp(`^项目总(预算|投资)${UNIT_SUFFIX}$`);
const FISCAL = new RegExp(`^(其中:?)?(当年)?(财政(资金|拨款)|上级(财政)?资金|本级(财政)?资金)${UNIT_SUFFIX}$`);
const OTHER = new RegExp(`^(其中:?)?(当年)?其[他它]资金${UNIT_SUFFIX}$`);

export function fieldOf(text: string): Field | null {
  const s = splitCell(text).label;
  if (TOTAL.test(s)) return 'total';
  if (PROJECT_TOTAL.test(s)) return 'projectTotal';
  if (FISCAL.test(s)) return 'fiscal';
  if (OTHER.test(s)) return 'other';
  if (/^(资金用途|预算规模(及资金用途)?|(项目资金|资金情况)(\((万元|元|亿元)\))?(预算执行\d+分)?)$/.test(s))
    return 'label';
  // Fields some templates print inside the budget block that are no amount: read past with their value.
  if (/^(财政资金(预算分类|科目代码)|资金性质|(年度)?预算执行率|分值|该项目支出上级资金)$/.test(s)) return 'ignore';
  return null;
}

/** "年度资金总额:16", "其中:上级资金16": a label with its amount in the same cell. */
const INLINE = /^(.*?[^\d.,:])[:]?([\d][\d.,]*(?:万元|元|亿元|万)?)$/;

const isAmountLabel = (s: string) => TOTAL.test(s) || PROJECT_TOTAL.test(s) || FISCAL.test(s) || OTHER.test(s);

/** A cell as its label and the amount written in the same cell ("年度资金总额:16" → 年度资金总额, 16), if any. */
function splitCell(text: string): { label: string; amount: string | null } {
  const s = normLabel(text);
  const m = INLINE.exec(s);
  return m?.[1] && m[2] && isAmountLabel(m[1]) ? { label: m[1], amount: m[2] } : { label: s, amount: null };
}

export interface BudgetBlock {
  budget: Budget | null;
  useOfFunds: string;
}

/**
 * `cells`: the block, from its label (预算规模及资金用途, or 预算数 when the table has no group label).
 * `tableUnit`: the money unit of the table's 单位 line, when it has one.
 */
export function parseBudget(
  cells: Cell[],
  labelLine: number,
  problems: Problems,
  project: string,
  tableUnit: MoneyUnit | null,
): BudgetBlock {
  const real = cells.filter((c) => !c.stray);
  const amounts: Partial<Record<keyof Budget | 'projectTotal', number | null>> = {};
  const printed = new Set<MoneyUnit>();
  const uses: string[] = [];
  let blockUnit = tableUnit;
  const count = problems.count;
  for (let k = 0; k < real.length; k++) {
    const cell = real[k] as Cell;
    const field = fieldOf(cell.text);
    const labelUnit = field ? bracketUnit(cell.text) : null;
    if (field === 'label') {
      if (labelUnit) blockUnit = labelUnit;
      continue;
    }
    if (field === null) {
      if (cell.text !== '') uses.push(cell.text);
      continue;
    }
    if (field === 'ignore') {
      if (real[k + 1] && fieldOf((real[k + 1] as Cell).text) === null) k++;
      continue;
    }
    const inline = splitCell(cell.text).amount;
    const next = inline ? { ...cell, text: inline } : real[k + 1];
    let value: number | null = null;
    if (next && (inline || fieldOf(next.text) === null)) {
      const money = readMoney(next.text);
      if (money !== undefined) {
        if (money) {
          const unit = money.unit ?? labelUnit ?? blockUnit ?? '万元';
          printed.add(unit);
          value = toWanYuan(money.digits, unit);
        }
        if (!inline) k++;
      } else if (next.row === cell.row) {
        // On the label's own row, the cell is the amount, badly written.
        problems.error('budget-amount', next.line, `${NAMES[field]} ${quote(next.text)} 不是金额（万元）`, project);
        if (!inline) k++;
      }
      // Otherwise the amount cell is missing and the next row (资金用途) begins: the amount is blank.
    }
    if (field === 'fiscal' && typeof amounts.fiscal === 'number' && value !== null) {
      // 上级资金 + 本级资金 are parts to add; 当年财政拨款 under 财政资金 is the same money again ("其中：").
      if (!nestedFiscal(cell.text)) amounts.fiscal = sumWan(amounts.fiscal, value);
    } else if (!(field in amounts) || value !== null) amounts[field] = value;
  }
  let total = amounts.total ?? amounts.projectTotal;
  // "只有财政资金": a table that prints no 预算数 has the fiscal funds as its whole budget.
  if (total === undefined && typeof amounts.fiscal === 'number') {
    total = sumWan(amounts.fiscal, amounts.other ?? 0);
  }
  if (total === undefined) problems.error('budget-missing', labelLine, '缺少“预算数”', project);
  else if (total === null && problems.count === count) {
    problems.error('budget-missing', labelLine, '“预算数”为空', project);
  }
  const unit = printed.size === 1 ? [...printed][0] : undefined;
  return {
    budget:
      total == null
        ? null
        : {
            total,
            fiscal: amounts.fiscal ?? null,
            other: amounts.other ?? null,
            ...(unit && unit !== '万元' ? { unit } : {}),
          },
    useOfFunds: uses.join('\n'),
  };
}

/** "其中：当年财政拨款" under a 财政资金 already read: a part of it, not more money. */
function nestedFiscal(label: string): boolean {
  return /^(其中:?)?当年财政(拨款|资金)/.test(normLabel(label));
}

/** "预算数（元）" → 元. */
function bracketUnit(label: string): MoneyUnit | null {
  const m = /\((亿元|万元|元)\)$/.exec(normLabel(label));
  return m ? moneyUnitIn(m[1] as string) : null;
}

/** a + b in 万元 without float artefacts (amounts carry at most 6 decimals once converted from 元). */
function sumWan(a: number, b: number): number {
  return Math.round((a + b) * 1e8) / 1e8;
}
