import { basename } from 'node:path';
import { decode, ENCODING_LABELS, type TextEncodingName } from '../../io/decode.js';
import { parseGoalDocument, serializeGoalDocument } from '../../io/goal-document/index.js';
import { readInput } from '../../io/read-input.js';
import { assertNotInput, writeOutputFile } from '../../io/write.js';
import type { GoalDocument } from '../../model/goals.js';

/**
 * `jixiao import FILE [-o OUT]`: the bureau's goal document (Word exported as text, or the Word / Excel file
 * itself) → goals JSON.
 * Without -o the JSON goes to stdout; with -o it is written whole (or not at all) and a summary goes to stderr.
 */
export async function runImport(file: string, opts: { output?: string }): Promise<void> {
  if (opts.output) assertNotInput(opts.output, [file]);
  const { doc, encoding } = await importGoals(file);
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

/** By extension: Word (.docx) and Excel (.xlsx) tables, loaded only when needed; anything else is the text export. */
async function importGoals(file: string): Promise<{ doc: GoalDocument; encoding: TextEncodingName | null }> {
  if (/\.docx$/i.test(file)) {
    const { readDocxGoals } = await import('../../io/goal-tables/docx.js');
    return { doc: await readDocxGoals(file), encoding: null };
  }
  if (/\.xlsx$/i.test(file)) {
    const { readXlsxGoals } = await import('../../io/goal-tables/xlsx.js');
    return { doc: await readXlsxGoals(file), encoding: null };
  }
  const name = basename(file);
  const { text, encoding } = decode(readInput(file, '绩效目标文档'), name);
  return { doc: parseGoalDocument(text, { source: name }), encoding };
}
