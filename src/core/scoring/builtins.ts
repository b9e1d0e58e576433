/**
 * Built-in scoring formulas, as a share of the weight before any cap. Rule sets refer to them by id;
 * their text and sources live in rules/*.yaml. A = 年度指标值 (target), B = 实际完成值 (actual).
 */
export interface Builtin {
  /** How the formula reads in an explanation. */
  text: string;
  share(a: number, b: number, extra?: { max?: number }): number;
}

export const BUILTINS: Record<string, Builtin> = {
  /** 正向指标: B/A × w. A target of 0 is met by any non-negative actual. */
  ratio: { text: 'B/A×w', share: (a, b) => (a === 0 ? (b >= 0 ? 1 : 0) : Math.max(0, b) / a) },
  /** 反向指标: A/B × w; spending nothing meets a cost target. */
  'inverse-ratio': { text: 'A/B×w', share: (a, b) => (b <= 0 ? 1 : a <= 0 ? 0 : a / b) },
  /** 反向指标, linear (vendor C1): full to A, falling to 0 at 2A. */
  'linear-reverse': {
    text: 'B≤A 得满分；A<B<2A 时 (1−(B−A)/A)×w；B≥2A 得0分',
    share: (a, b) => (b <= a ? 1 : a <= 0 || b >= 2 * a ? 0 : 1 - (b - a) / a),
  },
  /** "=" (vendor C1): like positive when A>0; when A=0 all or nothing. */
  equal: { text: 'A>0 时 B/A×w；A=0 时 B≤0 得满分，否则0分', share: (a, b) => (a === 0 ? (b <= 0 ? 1 : 0) : b / a) },
  /** 区间: inside → full; below → B/min; above → max/B. */
  range: {
    text: '区间内得满分；低于下限 B/下限×w；高于上限 上限/B×w',
    share: (a, b, extra) => {
      const max = extra?.max ?? a;
      if (b >= a && b <= max) return 1;
      if (b < a) return a === 0 ? 0 : Math.max(0, b) / a;
      return b === 0 ? 0 : max / b;
    },
  },
  /** 预算执行率: rate × w. */
  rate: { text: '执行率×w', share: (_a, b) => b },
};

export const BUILTIN_IDS = Object.keys(BUILTINS);
