import type { Indicator } from '../../model/goals.js';
import type { Target } from '../../model/target.js';
import { type Check, eachRow, type Finding, projectFinding, rowFinding } from './finding.js';
import { isAtMost, isCostTier, isQuantity, isTimelinessTier, memo } from './text.js';

/** Does a row sit under the right heading, and does each table cover every 一级指标 the rule set weights. */

/** What a target measures: its dimension, split where the tiers care (a time limit is not a count of days). */
type Kind = 'count' | 'money' | 'percent' | 'days' | 'time-limit' | 'deadline' | 'qualitative' | 'other';

function kindOf(t: Target): Kind | null {
  if (t.direction === 'invalid') return null;
  if (t.direction === 'deadline') return 'deadline';
  if (t.direction === 'qualitative') return 'qualitative';
  if (t.dimension === 'time') return isQuantity(t) && isAtMost(t.op) ? 'time-limit' : 'days';
  if (t.dimension === 'money' || t.dimension === 'compound') return 'money';
  if (t.dimension === 'percent') return 'percent';
  if (t.dimension === null) return 'other';
  return 'count'; // count, area, length, mass, volume: all amounts of output
}

const KIND_LABEL: Record<Kind, string> = {
  count: '数量',
  money: '金额',
  percent: '百分比',
  days: '天数',
  'time-limit': '时限',
  deadline: '完成时间',
  qualitative: '文字描述',
  other: '数值',
};

/**
 * Which kinds of target fit which 二级指标, by family. 数量 → amounts (a share completed is common practice);
 * 成本 → money; 满意度 → a percentage or a described state; 效益 → anything but a time limit, which belongs
 * to 时效. 时效 itself is timeliness-target's job. Families not listed accept everything.
 */
const FITS: [test: (tier2: string) => boolean, fits: Kind[], belongs: string][] = [
  [(t) => t.includes('数量'), ['count', 'percent', 'days', 'other', 'qualitative'], '数量指标'],
  [(t) => t.includes('质量'), ['count', 'percent', 'days', 'other', 'qualitative'], '质量指标'],
  [isCostTier, ['money', 'percent', 'qualitative'], '成本指标'],
  [(t) => t.includes('满意'), ['percent', 'qualitative'], '满意度指标'],
  [(t) => /效益|可持续|影响/.test(t), ['count', 'money', 'percent', 'days', 'other', 'qualitative'], '效益指标'],
];
const HOME: Partial<Record<Kind, string>> = {
  money: '成本指标',
  'time-limit': '时效指标',
  deadline: '时效指标',
  count: '数量指标',
  days: '数量指标',
};

/** Words of ecology: a 生态效益 row must be about the environment, not about drills or payments. */
const ECOLOGY =
  /生态|环境|环保|污染|排放|减排|绿化|绿色|森林|林地|林木|植被|水土|水质|水体|水源|河道|河流|湖泊|湿地|空气|大气|土壤|噪声|能耗|节能|节水|低碳|碳排|资源|垃圾|废弃|废水|废气|秸秆|化肥|农药|耕地|草原|野生|物种/;

/** tier2-misfit: a payment time limit under 经济效益, a money target under 数量, drills under 生态效益. */
export const tier2Misfit: Check = (doc, ctx) => {
  /** The tier-2's family in FITS; null for 时效 (timeliness-target's job), undefined when unlisted. */
  const familyOf = memo((raw: string) => {
    const tier2 = ctx.norm(raw);
    return isTimelinessTier(tier2)
      ? null
      : { fits: FITS.find(([test]) => test(tier2)), ecology: tier2.includes('生态') };
  });
  const ecological = memo((text: string) => ECOLOGY.test(ctx.norm(text)));
  return eachRow(doc, (p, i, ind) => {
    const tier = familyOf(ind.tier2);
    if (tier === null) return null;
    const kind = kindOf(ind.target);
    if (kind === null) return null;
    const family = tier.fits;
    if (family && !family[1].includes(kind)) {
      const home = HOME[kind];
      return rowFinding(ctx, p, i, ind, 'tier2-misfit', 'warning', {
        message: `“${ind.name}”的指标值“${ind.target.raw.trim()}”是${KIND_LABEL[kind]}，与二级指标“${ind.tier2}”不符${home ? `，应属于${home}` : ''}`,
        fix: home ? `移到${home}下，或改为衡量${family[2]}的指标` : `改为衡量${family[2]}的指标`,
      });
    }
    if (tier.ecology && !ecological(ind.name) && !ecological(ind.description)) {
      return rowFinding(ctx, p, i, ind, 'tier2-misfit', 'warning', {
        message: `“${ind.name}”与生态效益无关（没有涉及生态、环境、资源等内容），放在“${ind.tier2}”下不合适`,
        fix: '移到相符的二级指标下；项目确无生态效益时可不设生态效益指标',
      });
    }
    return null;
  });
};

const tierKey = (s: string) => s.replace(/\s+/g, '').replace(/指标$/, '');

/** tier1-missing: a table without 产出 / 效益 / 满意度 rows loses that tier's points or shifts them elsewhere. */
export const tier1Missing: Check = (doc, ctx) => {
  const out: Finding[] = [];
  const key = memo(tierKey);
  const wanted = ctx.tierNames.map(tierKey);
  doc.projects.forEach((table, p) => {
    wanted.forEach((want, w) => {
      if (table.indicators.some((ind) => key(ind.tier1) === want)) return;
      const name = ctx.tierNames[w] ?? want;
      out.push(
        projectFinding(ctx, p, 'tier1-missing', 'warning', {
          message: `缺少一级指标“${name}”，该类指标的分值将无处计算或被转移`,
          fix: `补充“${name}”下的二级、三级指标`,
        }),
      );
    });
  });
  return out;
};

/** Words naming who is asked, not what about: removed before looking for the subject of a 满意度 row. */
const GENERIC = new RegExp(
  [
    ...'服务对象 受助对象 受益对象 受益群众 社会公众 人民群众 服务 对象 受益 受助 受援 参保 参与 群众 企业 居民 村民 农户 人员 公众 社会 群体 用户 单位 部门 人民 学生 家长 患者 职工 干部 老人 总体 综合 项目 工作 人群 市民 百姓 游客 乡镇 街道 社区 全区 全县 全市 的 对'.split(
      ' ',
    ),
  ]
    .sort((a, b) => b.length - a.length)
    .join('|'),
  'g',
);

function subjectOf(text: string): string {
  const at = text.indexOf('满意');
  return at <= 0 ? '' : text.slice(0, at).replace(GENERIC, '');
}

/**
 * satisfaction-subject: "农房保险参保农户满意度" in a disaster-relief fund asks people the project never
 * served (a row copied from another table). Flagged when no two-character piece of the subject appears in the
 * project's name, goals, use of funds or other rows.
 */
export const satisfactionSubject: Check = (doc, ctx) => {
  const subjectIn = memo((text: string) => subjectOf(ctx.norm(text)));
  const satisfaction = memo((tiers: string) => /满意/.test(tiers));
  const isAsked = (ind: Indicator) => satisfaction(ind.tier2) || satisfaction(ind.tier1);
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    let context: string | null = null;
    table.indicators.forEach((ind, i) => {
      if (!isAsked(ind)) return;
      const subject = subjectIn(ind.name) || subjectIn(ind.description);
      if (subject.length < 2) return;
      // Not normalised: the subject's two-character pieces are CJK ideographs, which NFKC leaves alone.
      context ??= [table.name, table.useOfFunds, ...table.goals]
        .concat(table.indicators.filter((o) => !isAsked(o)).flatMap((o) => [o.name, o.description]))
        .join('|');
      const text = context;
      for (let k = 0; k + 2 <= subject.length; k++) if (text.includes(subject.slice(k, k + 2))) return;
      out.push(
        rowFinding(ctx, p, i, ind, 'satisfaction-subject', 'warning', {
          message: `满意度指标“${ind.name}”调查的对象（${subject}）在本项目的名称、资金用途、绩效目标和其他指标中都没有出现，可能是从其他项目照抄`,
          fix: '改为本项目实际服务对象的满意度（如“受助群众满意度”）',
        }),
      );
    });
  });
  return out;
};
