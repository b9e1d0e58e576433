import { z } from 'zod';
import { Target } from './target.js';

/** yyyy-MM-dd */
export const IsoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, '日期应为 yyyy-MM-dd');

export const Indicator = z.object({
  /** 一级指标: 产出指标 / 效益指标 / 满意度指标 (/ 成本指标). */
  tier1: z.string().min(1),
  /** 二级指标: 数量指标, 质量指标, 时效指标, 成本指标, 经济效益指标 … */
  tier2: z.string().min(1),
  /** 三级指标 name. */
  name: z.string().min(1),
  /** 绩效指标描述 */
  description: z.string(),
  /** 指标值, parsed once. */
  target: Target,
  /** 指标值确定依据 */
  basis: z.string(),
  /**
   * 中长期 / 长期 / 中期指标值 printed beside the year's 指标值 (label as printed): kept as written and shown as
   * context; the year's 指标值 is the one scored.
   */
  longTerm: z.array(z.object({ label: z.string(), raw: z.string() })).optional(),
  /** 分值 where the table states it; otherwise the rule set allocates weights. */
  weight: z.number().nonnegative().optional(),
  /** Line in the source document where the row starts (for messages). */
  line: z.number().int().optional(),
});

/** 资金支出计划: cumulative share (0–1) of the budget to be spent by a date. */
export const PlanMilestone = z.object({
  label: z.string(),
  date: IsoDate,
  cumulative: z.number().min(0).max(1),
});

export const Budget = z.object({
  /** 预算数 (万元) */
  total: z.number(),
  /** 其中：财政资金 (万元) */
  fiscal: z.number().nullable(),
  /** 其他资金 (万元); null when the cell is blank. */
  other: z.number().nullable(),
  /** The unit the table printed its amounts in, when not 万元 ("元", "万", "亿元"); the figures above are 万元. */
  unit: z.enum(['元', '万', '亿元']).optional(),
});

/** 项目绩效目标表 */
export const GoalTable = z.object({
  code: z.string().min(1),
  /** The table printed no 项目编码: `code` was made from the unit and project name (the same table, the same code). */
  codeGenerated: z.literal(true).optional(),
  name: z.string().min(1),
  year: z.number().int(),
  /** Heading line as printed, when the table has one. */
  heading: z.string().nullable(),
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  budget: Budget,
  /** 资金用途 */
  useOfFunds: z.string(),
  spendingPlan: z.array(PlanMilestone),
  /** 一级指标分值 as the table prints them beside the tier ("成本指标(10分)"); absent when it prints none. */
  tierWeights: z.record(z.string(), z.number().nonnegative()).optional(),
  /** 绩效目标 (numbered items, numbering removed) */
  goals: z.array(z.string()),
  /** 中长期 / 长期 / 中期目标 printed beside the year's (label as printed): context, not this year's goals. */
  longGoals: z.object({ label: z.string(), items: z.array(z.string()) }).optional(),
  indicators: z.array(Indicator),
  line: z.number().int().optional(),
});

/** 部门: the unit and its department-wide goal texts. */
export const Department = z.object({
  unitCode: z.string().nullable(),
  unitName: z.string().nullable(),
  goals: z.object({
    /** 总体绩效目标 */
    overall: z.string(),
    /** 分项绩效目标 */
    detailed: z.string(),
    /** 工作保障措施 */
    measures: z.string(),
  }),
});

/** The imported goal document: what `jixiao import` writes and every other command reads. */
export const GoalDocument = z.object({
  schema: z.literal('jixiao/goals@1'),
  source: z.string().nullable(),
  year: z.number().int(),
  department: Department,
  projects: z.array(GoalTable),
});

export type Indicator = z.infer<typeof Indicator>;
export type PlanMilestone = z.infer<typeof PlanMilestone>;
export type Budget = z.infer<typeof Budget>;
export type GoalTable = z.infer<typeof GoalTable>;
export type Department = z.infer<typeof Department>;
export type GoalDocument = z.infer<typeof GoalDocument>;
