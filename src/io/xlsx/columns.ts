/**
 * The columns of the actuals workbook (实际完成情况填报表), shared by the template writer and the reader so the
 * two cannot drift apart. The reader finds columns by header text, in any order; `aliases` are other names
 * evaluators use for the same column.
 */

export const SHEETS = { notes: '说明', funds: '资金', indicators: '指标' } as const;

/** Labels in column A of the 说明 sheet; the value is in column B. */
export const NOTE_LABELS = { period: '填报类型', asOf: '截止日期', year: '年度' } as const;
export const PERIOD_LABELS = { 'year-end': '年终自评', 'mid-year': '运行监控' } as const;

export const GRADES = ['达成', '部分达成', '未达成'] as const;
export const CAUSES = ['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他'] as const;
export const LIKELIHOODS = ['确定能', '有可能', '完全不可能'] as const;

export type ColumnKind = 'text' | 'number' | 'list';

export interface Column<K extends string = string> {
  key: K;
  header: string;
  aliases?: string[];
  /** Width in characters (a CJK character counts about 2). */
  width: number;
  /** An input the evaluator fills in (unlocked, coloured); otherwise copied from the goal table and locked. */
  input: boolean;
  kind: ColumnKind;
  list?: readonly string[];
  /** Only in the mid-year (运行监控) workbook. */
  midYear?: boolean;
  /** The reader refuses a sheet without it. */
  required?: boolean;
  note?: string;
}

export type FundsKey = 'code' | 'name' | 'initial' | 'adjusted' | 'executed' | 'reason' | 'forecast' | 'achievement';

export const FUNDS_COLUMNS: Column<FundsKey>[] = [
  { key: 'code', header: '项目编码', width: 26, input: false, kind: 'text', required: true },
  { key: 'name', header: '项目名称', width: 34, input: false, kind: 'text' },
  { key: 'initial', header: '年初预算数', aliases: ['年初预算'], width: 13, input: true, kind: 'number' },
  {
    key: 'adjusted',
    header: '全年预算数',
    aliases: ['调整后预算数', '全年预算'],
    width: 13,
    input: true,
    kind: 'number',
  },
  {
    key: 'executed',
    header: '全年执行数',
    aliases: ['执行数', '截至监控日执行数'],
    width: 13,
    input: true,
    kind: 'number',
    required: true,
  },
  { key: 'reason', header: '执行偏差原因', aliases: ['执行率偏差原因'], width: 36, input: true, kind: 'text' },
  { key: 'forecast', header: '全年预计执行数', width: 15, input: true, kind: 'number', midYear: true },
  {
    key: 'achievement',
    header: '年度总体目标完成情况',
    aliases: ['年度总体目标实际完成情况', '实际完成情况'],
    width: 44,
    input: true,
    kind: 'text',
  },
];

export type IndicatorKey =
  | 'code'
  | 'project'
  | 'tier1'
  | 'tier2'
  | 'name'
  | 'target'
  | 'unit'
  | 'weight'
  | 'actual'
  | 'grade'
  | 'score'
  | 'notApplicable'
  | 'cause'
  | 'likelihood'
  | 'reason'
  | 'remedy'
  | 'evidence'
  | 'overrideScore'
  | 'overrideReason';

export const INDICATOR_COLUMNS: Column<IndicatorKey>[] = [
  { key: 'code', header: '项目编码', width: 24, input: false, kind: 'text', required: true },
  { key: 'project', header: '项目名称', width: 22, input: false, kind: 'text' },
  { key: 'tier1', header: '一级指标', width: 11, input: false, kind: 'text' },
  { key: 'tier2', header: '二级指标', width: 14, input: false, kind: 'text' },
  { key: 'name', header: '三级指标', width: 30, input: false, kind: 'text', required: true },
  { key: 'target', header: '指标值', aliases: ['年度指标值'], width: 14, input: false, kind: 'text' },
  { key: 'unit', header: '计量单位', width: 9, input: false, kind: 'text' },
  { key: 'weight', header: '分值', width: 7, input: false, kind: 'number' },
  {
    key: 'actual',
    header: '实际完成值',
    aliases: ['全年实际值', '完成值', '截至监控日完成值'],
    width: 16,
    input: true,
    kind: 'text',
    required: true,
    note: '数值+单位，如 1050家、98%；日期写 2025-11-20',
  },
  { key: 'grade', header: '完成等级', width: 11, input: true, kind: 'list', list: GRADES, note: '定性指标' },
  { key: 'score', header: '档内得分', width: 9, input: true, kind: 'number', note: '定性指标' },
  { key: 'notApplicable', header: '不适用原因', aliases: ['不适用'], width: 20, input: true, kind: 'text' },
  { key: 'cause', header: '偏差原因类别', width: 14, input: true, kind: 'list', list: CAUSES, midYear: true },
  {
    key: 'likelihood',
    header: '完成目标可能性',
    width: 14,
    input: true,
    kind: 'list',
    list: LIKELIHOODS,
    midYear: true,
  },
  {
    key: 'reason',
    header: '偏差原因',
    aliases: ['偏差原因分析', '未完成原因分析'],
    width: 30,
    input: true,
    kind: 'text',
  },
  { key: 'remedy', header: '改进措施', width: 26, input: true, kind: 'text' },
  { key: 'evidence', header: '佐证材料', width: 22, input: true, kind: 'text' },
  { key: 'overrideScore', header: '调整得分', width: 9, input: true, kind: 'number', note: '评价人调整，须写理由' },
  { key: 'overrideReason', header: '调整理由', width: 26, input: true, kind: 'text' },
];

/**
 * The columns of a period's workbook. At mid-year the amounts say the date they stand at (截至6月30日执行数), as
 * the 运行监控表 does; the reader takes any such date as the as-of one.
 */
export function columnsFor<K extends string>(
  columns: Column<K>[],
  period: 'year-end' | 'mid-year',
  asOf?: string,
): Column<K>[] {
  const kept = columns.filter((c) => !c.midYear || period === 'mid-year');
  if (period !== 'mid-year' || !asOf) return kept;
  const [, m, d] = asOf.split('-').map(Number);
  const dated: Record<string, string> = { executed: `截至${m}月${d}日执行数`, actual: `截至${m}月${d}日完成值` };
  return kept.map((c) => (dated[c.key] ? { ...c, header: dated[c.key] as string } : c));
}

/** The budget columns a CSV of the 指标 sheet may carry on a project's first row. */
export const CSV_FUNDS_KEYS: FundsKey[] = ['initial', 'adjusted', 'executed', 'reason', 'forecast', 'achievement'];
