/**
 * The target strings the parse bench reads: every target of the seed and of the real goal documents of other units
 * (read with their rows' context, as import reads them), and the grammar's own cases — compound, 不适用, a target of
 * 0, deadlines, periods, cost rows, placeholders, prose. A goal document missing here is left out and said so.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { rowContext } from '../dist/core/target/context.js';
import type { ParseContext } from '../dist/core/target/parse.js';
import { decode } from '../dist/io/decode.js';
import { parseGoalDocument } from '../dist/io/goal-document/index.js';

export interface TargetString {
  raw: string;
  ctx: ParseContext;
}

/** The forms the grammar tests read, one each (test/core/target). */
const GRAMMAR: string[] = [
  '≥500人次 / ≥95%',
  '≥500人次/≥95%',
  '全年 / ≥300天',
  '≥10场；≥90%',
  '本项目不适用此指标',
  '不适用',
  '无',
  '/',
  '=0万元/人',
  '≤0起',
  '0起',
  '=0',
  '2025年年底前',
  '每年12月底前',
  '12月底前',
  '2023.07-2024.01',
  '2023年7月至12月',
  '2024.03',
  '2025-11-16',
  '2025年11月16日',
  '11月底',
  '17元/人.每天',
  '≤30元/人·每月',
  '250万',
  '≥80M',
  '≥2KM',
  '≤30/株',
  '168',
  '≥**人',
  '(≥**株)',
  '90%-95%',
  '不低于1000家',
  '50万元以内',
  '较往年有所提高',
  '优良',
  '第一年按总投资额返本20%,分红按8%分红',
  '≥1000家（2024年为900家',
];

export function targetCorpus(root: string): { strings: TargetString[]; counts: Record<string, number> } {
  const strings: TargetString[] = [];
  const counts: Record<string, number> = {};
  const add = (label: string, file: string) => {
    if (!existsSync(file)) {
      counts[`${label} (missing)`] = 0;
      return;
    }
    const doc = parseGoalDocument(decode(readFileSync(file), file).text, { source: null });
    let n = 0;
    for (const p of doc.projects)
      for (const ind of p.indicators) {
        strings.push({ raw: ind.target.raw, ctx: rowContext(ind, p.year) });
        n++;
      }
    counts[label] = n;
  };
  add('seed', join(root, 'samples/lunan-2025/goals-document.txt'));
  const docs = join(root, '../shared/goal-docs');
  for (const f of [
    'hunan-nanyue-2018-poverty-goals.txt',
    'hunan-xiangxi-special-school-2023-goals.txt',
    'hunan-xiangtan-sanitation-2023-goals.txt',
  ])
    add(f.replace(/-goals\.txt$/, ''), join(docs, f));
  for (const raw of GRAMMAR) strings.push({ raw, ctx: { year: 2025 } });
  counts.grammar = GRAMMAR.length;
  return { strings, counts };
}
