import { z } from 'zod';

/**
 * Last year's score JSON (`jixiao score --format json`, schema jixiao/evaluation@2), read for the year-over-year
 * comparison: only what the comparison uses is checked; everything else in the file is left as it is.
 */
const PreviousIndicator = z.object({
  tier1: z.string(),
  tier2: z.string(),
  name: z.string(),
  status: z.string(),
  weight: z.number(),
  score: z.number(),
  actual: z.object({ raw: z.string() }).nullable(),
});

const PreviousProject = z.object({
  code: z.string().min(1),
  name: z.string(),
  year: z.number().int(),
  total: z.number(),
  grade: z.string().nullable(),
  incomplete: z.unknown().nullable(),
  indicators: z.array(PreviousIndicator),
});

export const PreviousEvaluation = z.object({
  schema: z.literal('jixiao/evaluation@2'),
  period: z.literal('year-end'),
  projects: z.array(PreviousProject),
});

export type PreviousIndicator = z.infer<typeof PreviousIndicator>;
export type PreviousProject = z.infer<typeof PreviousProject>;
export type PreviousEvaluation = z.infer<typeof PreviousEvaluation>;
