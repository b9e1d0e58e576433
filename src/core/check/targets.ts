import { example, isMeasured } from '../target/compound.js';
import { classifyQualitative } from '../target/qualitative.js';
import { convert } from '../units.js';
import { type Check, eachRow, rowFinding } from './finding.js';
import { byId } from './rows.js';
import { isAtLeast, isQuantity } from './text.js';

/** Checks of one target on its own: unreadable, vague, impossible, or pointing the wrong way. */

/** target-invalid: an empty cell, a placeholder (≥*%), or text the parser cannot read cannot be scored. */
export const targetInvalid: Check = (doc, ctx) =>
  eachRow(doc, (p, i, ind) => {
    const t = ind.target;
    if (t.direction !== 'invalid') return null;
    return rowFinding(ctx, p, i, ind, 'target-invalid', 'error', t.problem.message, INVALID_FIX);
  });

/**
 * target-not-applicable / target-compound (info): how the row will be scored, so nobody is surprised at year end.
 * A row marked 不适用 in the table is not scored and its points go to the tier's other rows; two values in one
 * cell are met only together, otherwise scored by the weaker part.
 */
export const targetReadAs: Check = (doc, ctx) =>
  eachRow(doc, (p, i, ind) => {
    const t = ind.target;
    const raw = t.raw.trim();
    if (t.direction === 'not-applicable') {
      const message = `指标值为“${raw}”，该指标按不适用处理：不评分，其分值按规则集的不适用指标规则重新分摊`;
      const fix = '确属不适用可保留；若该指标应考核，填写“运算符+数值+单位”（如 ≥1000家）';
      return rowFinding(ctx, p, i, ind, 'target-not-applicable', 'info', message, fix);
    }
    if (t.direction !== 'compound') return null;
    const parts = t.parts.filter(isMeasured);
    const said =
      parts.length === 1
        ? `中“${t.parts
            .filter((x) => !isMeasured(x))
            .map((x) => x.raw)
            .join('、')}”为期间说明，按“${parts[0]?.raw}”评分`
        : `含 ${parts.length} 项（${parts.map((x) => x.raw).join('、')}），各项均达到才算完成，否则按得分较低的一项评分`;
    const message = `指标值“${raw}”${said}；实际完成值须按同样写法填写（如“${example(t)}”）`;
    const fix = '若两项应分别考核，拆成两个三级指标，各写一个指标值';
    return rowFinding(ctx, p, i, ind, 'target-compound', 'info', message, fix);
  });

const INVALID_FIX = '填写“运算符+数值+单位”（如 ≥1000家）、完成时限（如 2025年11月底前）或可判断的文字（如 达到预期）';

/** Words that make a number measurable: the row says what is counted or what rate is meant. */
const MEASURABLE = /率|比例|比重|占比|满意|数量|人数|次数|天数|个数|户数|家数|场次|金额|时长|面积|指数|得分/;
/** Comparison with a baseline: "较往年", "比上年", "同比". */
const BASELINE = /较|比上年|比去年|同比|环比|往年|上年/;

/**
 * target-vague: a trend with no baseline ("较往年有所提高") cannot be judged at year end; a trend description
 * beside a bare number ("较往年有所提高" / "≥95%") leaves the number unmeasurable, since nothing says 95% of what.
 * Warnings only: the row can still be scored, a reviewer just cannot tell what was promised.
 */
export const targetVague: Check = (doc, ctx) => {
  /** A trend description with nothing measurable in it; null when the description is fine. */
  const trendOnly = byId(ctx.rows, (desc) => {
    if (desc === '' || /\d/.test(desc) || MEASURABLE.test(desc)) return null;
    return classifyQualitative(desc, desc).sense === 'improve' ? desc : null;
  });
  const measurableName = byId(ctx.rows, (name) => MEASURABLE.test(name));
  return eachRow(doc, (p, i, ind, r) => {
    const t = ind.target;
    if (t.direction === 'qualitative' && t.sense === 'improve') {
      const message = `指标值“${t.raw.trim()}”只说明变化方向，没有基数和幅度，年终无法判断是否完成`;
      return rowFinding(ctx, p, i, ind, 'target-vague', 'warning', message, TREND_FIX);
    }
    if (!isQuantity(t)) return null;
    const desc = trendOnly(ctx.rows.description[r] as number);
    if (desc === null || measurableName(ctx.rows.name[r] as number)) return null;
    const raw = t.raw.trim();
    const said = BASELINE.test(desc)
      ? `是与往年相比的变化，指标值“${raw}”却是一个绝对水平，没有说明衡量的是什么`
      : `只说明变化方向，没有说明指标值“${raw}”衡量的是什么`;
    const message = `绩效指标描述“${ind.description.trim()}”${said}，按所写无法衡量`;
    return rowFinding(ctx, p, i, ind, 'target-vague', 'warning', message, VAGUE_FIX);
  });
};

const TREND_FIX = '写明基数和幅度（如“较2024年提高5%”），或改为可衡量的数值（如“知晓率≥90%”）';
const VAGUE_FIX =
  '在三级指标或描述中写明被衡量的量（如“防灾减灾知识知晓率”），或把指标值改为相对基数的幅度（如“较2024年提高5个百分点”）';

/** Growth ratios may exceed 100% (同比增长 120%); shares and rates may not. */
const GROWTH = /增长|增幅|增速|同比|环比|比上年|较上年|倍/;

/** percent-above-100: "≥120%" of a rate or share can never be reached. */
export const percentAbove100: Check = (doc, ctx) =>
  eachRow(doc, (p, i, ind) => {
    const t = ind.target;
    if (t.direction === 'invalid' || !('dimension' in t) || t.dimension !== 'percent' || t.unit === null) return null;
    const low = t.direction === 'range' ? t.min : isAtLeast(t.op) || t.op === '=' ? t.value : null;
    if (low === null) return null;
    const c = convert(low, t.unit, '%');
    const pct = c.ok ? c.value : low;
    const impossible = pct > 100 || (t.direction !== 'range' && t.op === '>' && pct >= 100);
    if (!impossible || GROWTH.test(ctx.norm(ind.name))) return null;
    const message = `指标值“${t.raw.trim()}”要求超过100%，比率或占比不可能达到`;
    const fix = '改为不超过100%的目标（如 ≥95%、=100%）；若是增长幅度，在三级指标中写明“增长率”';
    return rowFinding(ctx, p, i, ind, 'percent-above-100', 'error', message, fix);
  });

/** Names whose measure is lower-is-better, read from the end of the name ("满意度投诉率", "财产损失"). */
const REVERSE_END =
  /(投诉率|投诉量|投诉次数|事故率|事故起数|事故次数|发生率|发生次数|差错率|出错率|失误率|不合格率|超支率|返工率|故障率|误报率|漏报率|偏差率|逾期率|流失率|空置率|死亡率|死亡人数|伤亡人数|损失|损失额|损失率|违规次数)$/;
/** A reduction of the bad thing is higher-is-better: "损失减少率", "降低事故发生率". */
const REDUCTION = /减少|降低|下降|避免|挽回|控制|减损/;
const TRAILING_NOTE = /\([^()]*\)$/;

/** reverse-with-gte: a lower-is-better measure written with ≥ rewards the wrong outcome (投诉率 ≥95%). */
export const reverseWithGte: Check = (doc, ctx) => {
  /** The lower-is-better term a name ends with, or null. */
  const reverseTerm = byId(ctx.rows, (normalised) => {
    const name = normalised.replace(TRAILING_NOTE, '');
    const m = REVERSE_END.exec(name);
    return m?.[1] && !REDUCTION.test(name) ? m[1] : null;
  });
  return eachRow(doc, (p, i, ind, r) => {
    const t = ind.target;
    if (!isQuantity(t) || !isAtLeast(t.op)) return null;
    const term = reverseTerm(ctx.rows.name[r] as number);
    if (term === null) return null;
    // No operator ("95%") reads as ≥: the same defect, but it may be a slip, so a warning.
    const written = t.implicitOp ? '没有写运算符，会按“≥”计分' : `写成了“${t.raw.trim()}”`;
    const message = `“${term}”是越低越好的反向指标，指标值却${written}：数值越高得分越高，与本意相反`;
    const fix = '改为“≤”（如 ≤5%）；若想考核正向结果，改用正向指标名（如“投诉处理率 ≥95%”“服务对象满意度 ≥95%”）';
    return rowFinding(ctx, p, i, ind, 'reverse-with-gte', t.implicitOp ? 'warning' : 'error', message, fix);
  });
};
