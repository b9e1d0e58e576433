import type { ActualValue } from '../core/actual.js';
import { fixed } from '../core/rounding.js';

/** Figures as every output prints them: fixed decimals, no float artefacts. */
export const fmtScore = (x: number, decimals: number) => fixed(x, decimals);
export const fmtMoney = (x: number) => fixed(x, 2);
/** A share (0.9720) as a percentage with two decimals: "97.20%". */
export const fmtRate = (share: number) => `${fixed(share * 100, 2)}%`;

export function fmtActual(a: ActualValue | null): string {
  return a === null ? '—' : a.raw;
}

export const STATUS_LABEL = {
  met: '已完成',
  partial: '部分完成',
  missed: '未完成',
  'not-applicable': '不适用',
} as const;
