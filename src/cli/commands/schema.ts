import { z } from 'zod';
import { UserError } from '../../errors.js';
import { ActualsDocument } from '../../model/actuals.js';
import { GoalDocument } from '../../model/goals.js';
import { RuleSet } from '../../model/rule-set.js';

const SCHEMAS: Record<string, () => z.ZodType> = {
  goals: () => GoalDocument,
  actuals: () => ActualsDocument,
  rules: () => RuleSet,
};

/** `jixiao schema NAME`: the JSON Schema of an input, generated from the same zod schema the loaders use. */
export async function runSchema(name: string): Promise<void> {
  const schema = SCHEMAS[name];
  if (!schema) throw new UserError(`未知的 schema：“${name}”，可选：${Object.keys(SCHEMAS).join(' | ')}`);
  const json = z.toJSONSchema(schema(), { target: 'draft-2020-12', io: 'input' });
  process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
}
