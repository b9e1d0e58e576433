import { basename } from 'node:path';
import { UserError } from '../errors.js';
import { decode } from './decode.js';
import { readInput } from './read-input.js';

/**
 * What a file handed to the wrong argument is, told from its first lines: a user who swaps GOALS and ACTUALS,
 * or imports the actuals workbook as a goal table, gets one sentence naming the file's kind and the command to
 * run, not a hundred "no such cell" problems. Only consulted after the expected reading failed.
 */
export type InputKind = 'goals' | 'goal-document' | 'actuals' | 'evaluation' | 'monitoring' | 'self-evaluation';

const KIND_LABEL: Record<InputKind, string> = {
  goals: '目标表（jixiao import 生成的 JSON）',
  'goal-document': '绩效目标文档（单位的绩效目标表）',
  actuals: '实际完成情况文件（jixiao template 生成的填报文件）',
  evaluation: '评分结果（jixiao score 输出的 JSON）',
  monitoring: '运行监控结果（jixiao monitor 输出的 JSON）',
  'self-evaluation': '项目支出绩效自评表（单位填好的自评表）',
};

/** The kind of a text input, from its schema line or its title; null when it tells nothing. */
export function textKind(text: string): InputKind | null {
  const head = text.slice(0, 4096);
  const schema = /["']?schema["']?\s*:\s*["']?jixiao\/(goals|actuals|evaluation|monitoring)@/.exec(head)?.[1];
  if (schema) return schema as InputKind;
  if (/绩效自评表/.test(head)) return 'self-evaluation';
  if (/绩效目标(申报|审批|审核)?表|項目支出績效目標/.test(head)) return 'goal-document';
  return null;
}

/** textKind of a file, read again (bounded) after a failed reading; null when it cannot be read or told. */
export function fileKind(path: string): InputKind | null {
  try {
    return textKind(decode(readInput(path, '文件'), basename(path)).text);
  } catch {
    return null;
  }
}

const SWAPPED = '两个参数的顺序是否颠倒了？应为：jixiao score|monitor|report 目标表 实际完成情况';

/** GOALS names a file of another kind. */
export function notGoals(path: string, kind: InputKind): UserError {
  const file = basename(path);
  const next: Partial<Record<InputKind, string>> = {
    actuals: `${SWAPPED}（填报文件是第二个参数）`,
    evaluation: '评分结果不能再作目标表；与上年比较请用 --previous 评分结果.json',
    monitoring: '运行监控结果不能作目标表',
    'self-evaluation': `复核单位填好的自评表请用 jixiao review ${file}`,
  };
  return new UserError(
    `${file} 是${KIND_LABEL[kind]}，不是绩效目标表。目标表应为单位的绩效目标文档（.docx/.xlsx/.txt）或 jixiao import 生成的 JSON。${next[kind] ?? ''}`,
  );
}

/** ACTUALS names a file of another kind. */
export function notActuals(path: string, kind: InputKind): UserError {
  const file = basename(path);
  const next: Partial<Record<InputKind, string>> = {
    goals: `${SWAPPED}（目标表是第一个参数）。还没有填报文件时，先运行 jixiao template 目标表 -o 填报表.xlsx`,
    'goal-document': `${SWAPPED}（目标表是第一个参数）。还没有填报文件时，先运行 jixiao template 目标表 -o 填报表.xlsx`,
    evaluation: '评分结果不能再作实际完成情况；与上年比较请用 --previous 评分结果.json',
    'self-evaluation': `复核单位填好的自评表请用 jixiao review ${file}`,
  };
  return new UserError(
    `${file} 是${KIND_LABEL[kind]}，不是实际完成情况。实际完成情况应为 jixiao template 生成并填好的 .xlsx、.yaml 或 .csv。${next[kind] ?? ''}`,
  );
}
