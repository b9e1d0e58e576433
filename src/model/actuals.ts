import { z } from 'zod';
import { IsoDate } from './goals.js';

/** 完成情况等级 for qualitative indicators (定性指标). */
export const QualitativeGrade = z.enum(['达成', '部分达成', '未达成']);
/** 完成目标可能性 (monitoring). */
export const Likelihood = z.enum(['确定能', '有可能', '完全不可能']);
/** 偏差原因类别 (monitoring). */
export const DeviationCause = z.enum(['经费保障', '制度保障', '人员保障', '硬件条件保障', '其他']);

const text = z.string().trim();

/** One indicator's outcome as the evaluator enters it. */
export const IndicatorActual = z
  .object({
    /** 三级指标 name, as in the goal table. */
    name: z.string().min(1),
    /** 二级指标; needed only when a name appears twice in a table. */
    tier2: z.string().optional(),
    /** 实际完成值 as written: "1050家", "45.2万元", "2025-11-20", "达成"; or a number in the target's unit. */
    actual: z.union([z.string(), z.number()]).nullable().optional(),
    /** 不适用: the indicator is dropped and weights re-normalised; give the reason as text. */
    notApplicable: text.min(1).optional(),
    /** Qualitative indicators: the grade, and the evaluator's score inside that grade's band. */
    grade: QualitativeGrade.optional(),
    score: z.number().nonnegative().optional(),
    /** 分值 when the unit sets it here rather than in the goal table. */
    weight: z.number().nonnegative().optional(),
    /** 偏差原因分析 and 改进措施. */
    reason: text.optional(),
    remedy: text.optional(),
    /** 佐证材料 */
    evidence: text.optional(),
    /** Evaluator override of the rule's score; counts only with a written reason. */
    override: z.object({ score: z.number().nonnegative(), reason: text.optional() }).optional(),
    /** Monitoring: how the indicator accrues (inferred when absent). */
    kind: z.enum(['cumulative', 'level', 'deadline', 'qualitative']).optional(),
    likelihood: Likelihood.optional(),
    cause: DeviationCause.optional(),
  })
  .strict();

export const ProjectActuals = z
  .object({
    /** 项目编码, as in the goal table. */
    code: z.string().min(1),
    /** 项目名称 (for the reader; checked against the goal table when given). */
    name: z.string().optional(),
    budget: z
      .object({
        /** 年初预算数 (万元); defaults to the goal table's 预算数. */
        initial: z.number().nonnegative().optional(),
        /** 全年预算数 (调整后, 万元); defaults to 年初预算数. */
        adjusted: z.number().nonnegative().optional(),
        /** 全年执行数 (万元), or executed to date at mid-year; absent while not filled in (the project is incomplete). */
        executed: z.number().nonnegative().optional(),
        /** Why execution deviates from plan / is below 100%. */
        reason: text.optional(),
        /** Monitoring: projected year-end execution (万元). */
        forecast: z.number().nonnegative().optional(),
      })
      .strict(),
    /** 年度总体目标 实际完成情况 */
    achievement: text.optional(),
    indicators: z.array(IndicatorActual),
  })
  .strict();

export const ActualsDocument = z
  .object({
    schema: z.literal('jixiao/actuals@1'),
    /** 年终自评 (year-end) or 运行监控 (mid-year, with an as-of date). */
    period: z.enum(['year-end', 'mid-year']),
    asOf: IsoDate.optional(),
    projects: z.array(ProjectActuals),
  })
  .strict()
  .refine((d) => d.period !== 'mid-year' || d.asOf !== undefined, {
    message: '运行监控（mid-year）必须填写截止日期 asOf',
    path: ['asOf'],
  });

export type QualitativeGrade = z.infer<typeof QualitativeGrade>;
export type Likelihood = z.infer<typeof Likelihood>;
export type DeviationCause = z.infer<typeof DeviationCause>;
export type IndicatorActual = z.infer<typeof IndicatorActual>;
export type ProjectActuals = z.infer<typeof ProjectActuals>;
export type ActualsDocument = z.infer<typeof ActualsDocument>;
