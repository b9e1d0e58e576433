import { moneyUnitIn, normLabel } from './text.js';

/** What a line of a goal document is, beside the table cells: a table's title, its 单位 or year line, a note. */

/** "1.2025年安全生产专项经费绩效目标表", "…绩效目标申报表 / 批复表", "…績效目標審批表（2022年度）" */
export function isTableHeading(text: string): boolean {
  return /绩效目标(申报|审批|审核|批复|公开)?表(\([^)]*\))?$/.test(normLabel(text));
}

/** "单位：万元" */
export function isUnitNote(text: string): boolean {
  return /^(金额)?单位:/.test(normLabel(text)) && moneyUnitIn(text) !== null;
}

/** "(2022年度)", "2022年度", "年度：2022": a line naming the table's year. */
export function isYearNote(text: string): boolean {
  return /^\(?(20\d{2}年度?|年度:?20\d{2}年?)\)?$|^\(20\d{2}\)年度$/.test(normLabel(text));
}

/**
 * "(天津市宝坻区畜禽粪污资源化利用整区推进项目)" under a heading that names a programme: the project the table
 * is for. A bracketed line naming a year or a unit is not one.
 */
export function isSubtitle(text: string): boolean {
  const s = normLabel(text);
  return /^\([^()]{4,}\)$/.test(s) && /项目|工程|资金|专项/.test(s) && !isYearNote(text) && !isUnitLine(text);
}

/** "450001唐山市路南区应急管理局本级", "[015001]湘西州…", "820001-…" */
export function isUnitCode(text: string): boolean {
  return /^(\d{6,}|\[\d{3,}\]|【\d{3,}】)[-_:.]?[\u4e00-\u9fff]/.test(normLabel(text));
}

/** "填报单位：湘潭市环境卫生管理处", "单位名称:…": a unit named after its label. */
export function isUnitLine(text: string): boolean {
  return (
    /^(填报|申报|预算|实施)?单位(名称)?(\(盖章\))?:[^:]*[\u4e00-\u9fff]/.test(normLabel(text)) && !isUnitNote(text)
  );
}

/** Lines around tables that may be left out: part titles, notes, signatures. */
export function isTitleOrNote(text: string): boolean {
  const s = normLabel(text);
  return (
    /^第[一二三四五六七八九十\d]+部分/.test(s) ||
    /^(注|备注|说明|填报|填表|联系|审核|负责人|单位负责人|制表)/.test(s) ||
    /^附件\s*\d*[:：]?$/.test(s)
  );
}

/** A short numbered section title between tables: "二、项目绩效目标". */
export function isSectionTitle(text: string): boolean {
  const s = normLabel(text);
  return s.length <= 30 && /^\(?[一二三四五六七八九十]+[)、.]/.test(s);
}
