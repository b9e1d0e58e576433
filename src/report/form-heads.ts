/**
 * Column headings of the printed forms, shared by the Word and the workbook writers (the HTML templates print
 * the same words). A heading with a second line is written "较计划\n（百分点）".
 */

export const SELF_EVALUATION_FUNDS = ['年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'] as const;

export const SELF_EVALUATION_INDICATORS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '实际完成值',
  '分值',
  '得分',
  '偏差原因分析及改进措施',
] as const;

export const MONITORING_FUNDS = [
  '全年预算数',
  '截至监控日执行数',
  '资金支出计划进度',
  '实际执行进度',
  '序时进度',
  '较计划\n（百分点）',
  '较序时\n（百分点）',
  '状态',
  '预算执行率预计得分',
] as const;

export const MONITORING_INDICATORS = [
  '一级指标',
  '二级指标',
  '三级指标',
  '年度指标值',
  '序时应完成',
  '截至监控日完成值',
  '全年预计完成值（预计得分）',
  '状态',
  '完成目标可能性',
  '偏差原因分析',
] as const;

/** The department summary's project table; 状态 only at mid-year. */
export function departmentHeads(scoreLabel: string, withStatus: boolean): string[] {
  return [
    '序号',
    '项目名称（项目编码）',
    '全年预算数',
    '执行数',
    '计划进度',
    '执行进度',
    '较计划\n（百分点）',
    ...(withStatus ? ['状态'] : []),
    scoreLabel,
    '等级',
  ];
}
