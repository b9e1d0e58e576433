import type { QualitativeTarget } from '../../model/target.js';

/** Words of a trend: vague unless a baseline is given ("较往年有所提高"). */
const IMPROVE = /提高|提升|增加|增强|改善|上升|增长|加强|优化|逐步|有所|减少|降低|下降|持续/;
/** Words of a reached state: "达到预期", "合格", "是", "效果明显". */
const ACHIEVE =
  /达到|达成|完成|合格|符合|^是$|良好|明显|显著|有效|满意|优秀|按时|及时|规范|严格|健全|完善|落实|保障|实现|到位|正常|稳定/;
/** Grade words: a level to reach ("优良", "良", "A级", "一级"). */
const GRADE = /^(优|良|优良|好|较好|高|较高|中|合格|[A-Da-d]级?|[甲乙丙]级|[一二三]级|[一二三]等)$/;

export function classifyQualitative(text: string, raw: string): QualitativeTarget {
  const sense = IMPROVE.test(text) ? 'improve' : ACHIEVE.test(text) || GRADE.test(text) ? 'achieve' : 'state';
  return { raw, direction: 'qualitative', sense, text };
}
