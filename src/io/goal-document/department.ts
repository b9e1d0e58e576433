import type { Department } from '../../model/goals.js';
import { isSubtitle, isUnitName, isUnitNote, isYearNote, type TableSegment } from './tables.js';
import { clean, normLabel, toHalfWidth } from './text.js';

/**
 * 第一部分 部门整体绩效目标: three titled sections of free text before the first table.
 *
 *   一、总体绩效目标   → overall
 *   二、分项绩效目标   → detailed
 *   三、工作保障措施   → measures
 *
 * Lines before the first section title ("第一部分", "部门整体绩效目标") are titles and are left out; a
 * "第二部分" line or another short numbered title ("四、项目绩效目标") ends the last section. Paragraphs of a section are joined with a line break. Text after the
 * title on the same line ("一、总体绩效目标：负责…") is the first paragraph.
 */

type Section = keyof Department['goals'];

const TITLE =
  /^(?:[一二三四五六七八九十]+[、.．]|\d+[、.．]|[(（][一二三四五六七八九十\d]+[)）])?\s*(部门)?(总体绩效目标|分项绩效目标|(?:工作)?保障措施)\s*(?:[:：]\s*(.*))?$/;

function sectionOf(title: string): Section {
  if (title.startsWith('总体')) return 'overall';
  if (title.startsWith('分项')) return 'detailed';
  return 'measures';
}

export function parseDepartmentGoals(lines: { text: string }[]): Department['goals'] {
  const parts: Record<Section, string[]> = { overall: [], detailed: [], measures: [] };
  let section: Section | null = null;
  for (const { text } of lines) {
    const m = TITLE.exec(text);
    if (m?.[2]) {
      section = sectionOf(m[2]);
      if (m[3]?.trim()) parts[section].push(m[3].trim());
    } else if (isPartTitle(text)) section = null;
    else if (section && text !== '') parts[section].push(text);
  }
  return {
    overall: parts.overall.join('\n'),
    detailed: parts.detailed.join('\n'),
    measures: parts.measures.join('\n'),
  };
}

/** "第二部分 项目绩效目标", "四、项目绩效目标": a title, not a paragraph of the section above. */
function isPartTitle(text: string): boolean {
  const s = normLabel(text);
  return (
    /^第[一二三四五六七八九十\d]+部分/.test(s) || (s.length <= 30 && /^[一二三四五六七八九十]+、[^。，,;；]*$/.test(s))
  );
}

/**
 * The unit line in the shapes tables print it: "450001唐山市路南区应急管理局本级", "[015001]湘西州…",
 * "820001-…", "填报单位：湘潭市…", or a bare name ("湘潭市环境卫生管理处": no code).
 */
export function parseUnitCell(text: string): { code: string | null; name: string } | null {
  const s = toHalfWidth(clean(text)).replace(/^(填报|申报|预算|实施)?单位(名称)?\s*(\(盖章\))?\s*:\s*/, '');
  const coded = /^(?:\[(\d{3,})\]|【(\d{3,})】|(\d{6,}))\s*[-_:.]?\s*(\S.*)$/.exec(s);
  if (coded?.[4]) return { code: coded[1] ?? coded[2] ?? coded[3] ?? null, name: coded[4].trim() };
  return isUnitName(s) ? { code: null, name: s.trim() } : null;
}

/** The unit of the tables: the one most of them name (tables of one department name the same unit). */
export function departmentUnit(tables: TableSegment[]): { unitCode: string | null; unitName: string | null } {
  const counts = new Map<string, { code: string | null; name: string; n: number }>();
  for (const t of tables) {
    for (const cell of t.preamble) {
      const unit =
        isUnitNote(cell.text) || isYearNote(cell.text) || isSubtitle(cell.text) ? null : parseUnitCell(cell.text);
      if (!unit) continue;
      const key = `${unit.code}\t${unit.name}`;
      const entry = counts.get(key) ?? { ...unit, n: 0 };
      entry.n++;
      counts.set(key, entry);
    }
  }
  let best: { code: string | null; name: string; n: number } | null = null;
  for (const e of counts.values()) if (!best || e.n > best.n) best = e;
  return { unitCode: best?.code ?? null, unitName: best?.name ?? null };
}
