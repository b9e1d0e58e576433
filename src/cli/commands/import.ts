import { ENCODING_LABELS } from '../../io/decode.js';
import { serializeGoalDocument } from '../../io/goal-document/index.js';
import { readGoals } from '../../io/goals.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import { goalsOptions } from '../goals-year.js';

/**
 * `jixiao import FILE [-o OUT] [--year YYYY]`: the bureau's goal document (Word exported as text, or the Word /
 * Excel file itself) → goals JSON. Without -o the JSON goes to stdout; with -o it is written whole (or not at all)
 * and a summary goes to stderr. What was read with a doubt or skipped (blank template rows) is listed on stderr.
 */
export async function runImport(file: string, opts: { output?: string; year?: string }): Promise<void> {
  if (opts.output) assertNotInput(opts.output, [file]);
  const { doc, warnings, encoding } = await readGoals(file, goalsOptions(opts.year, '绩效目标文档'));
  for (const w of warnings) process.stderr.write(`提示：${w.where}: ${w.message}\n`);
  const json = serializeGoalDocument(doc);
  if (!opts.output) {
    process.stdout.write(json);
    return;
  }
  writeOutputFile(opts.output, json, [file]);
  const indicators = doc.projects.reduce((n, p) => n + p.indicators.length, 0);
  const note =
    encoding === null || encoding === 'utf-8' || encoding === 'utf-8-bom'
      ? ''
      : `（源文件编码 ${ENCODING_LABELS[encoding]}）`;
  process.stderr.write(`已导入 ${doc.projects.length} 个项目、${indicators} 个指标 → ${opts.output}${note}\n`);
}
