import type { GoalDocument, Indicator } from '../../model/goals.js';
import { type Check, type CheckContext, type Finding, rowFinding } from './finding.js';

/** Rows repeated inside one table, and rows copied from table to table. Maps only: linear in the rows. */

/**
 * duplicate-indicator: one 三级指标 twice in a table is counted (and weighted) twice. Same target: a copy
 * (warning); different targets (≥70% vs ≥80%): the table contradicts itself and cannot be scored (error).
 */
export const duplicateIndicator: Check = (doc, ctx) => {
  const out: Finding[] = [];
  doc.projects.forEach((table, p) => {
    const rows = table.indicators;
    const ids = rows.map((ind) => ctx.id(ind.name));
    // Tables have a dozen rows: a scan is cheaper than a Map per table; a long table gets its Map.
    const firstOf = rows.length > 32 ? firstIndex(ids) : null;
    for (let i = 1; i < rows.length; i++) {
      const id = ids[i] as number;
      const j = firstOf ? (firstOf.get(id) ?? i) : ids.indexOf(id);
      const ind = rows[i];
      const prev = rows[j];
      if (j === i || !ind || !prev) continue;
      const where = prev.tier2 === ind.tier2 ? `同在${ind.tier2}下` : `在${prev.tier2}下，这里又放在${ind.tier2}下`;
      const sameTarget = ctx.id(prev.target.raw) === ctx.id(ind.target.raw);
      out.push(
        sameTarget
          ? rowFinding(ctx, p, i, ind, 'duplicate-indicator', 'warning', {
              message: `三级指标“${ind.name}”与第 ${j + 1} 行重复（${where}），会被重复计分`,
              fix: '删除重复的一行，或改为与本二级指标相符的另一个指标',
            })
          : rowFinding(ctx, p, i, ind, 'duplicate-indicator', 'error', {
              message: `三级指标“${ind.name}”与第 ${j + 1} 行重复（${where}），指标值却不同：第 ${j + 1} 行“${prev.target.raw.trim()}”，本行“${ind.target.raw.trim()}”`,
              fix: '确定一个指标值，删除另一行或改为与本二级指标相符的另一个指标',
            }),
      );
    }
  });
  return out;
};

function firstIndex(ids: number[]): Map<number, number> {
  const first = new Map<number, number>();
  ids.forEach((id, i) => {
    if (!first.has(id)) first.set(id, i);
  });
  return first;
}

interface Occurrence {
  p: number;
  i: number;
}

/** Two ids in one number (ids stay far below 2^26: they count distinct texts). */
const PAIR = 2 ** 26;

/** One number per distinct row text (二级指标 + 三级指标 + 描述 + 指标值): nested pairs of interned ids. */
function rowKeys(ctx: CheckContext): (ind: Indicator) => number {
  const pairs = new Map<number, number>();
  const pair = (a: number, b: number) => {
    const k = a * PAIR + b;
    let id = pairs.get(k);
    if (id === undefined) {
      id = pairs.size;
      pairs.set(k, id);
    }
    return id;
  };
  return (ind) =>
    pair(pair(ctx.id(ind.tier2), ctx.id(ind.name)), pair(ctx.id(ind.description), ctx.id(ind.target.raw)));
}

/** How many other projects a message names before "等 N 个项目": keeps each message O(1). */
const NAMED = 3;

/**
 * boilerplate: the same row (二级指标 + 三级指标 + 描述 + 指标值) in several projects suggests a copied table
 * whose targets were not set for this project. Info only: some rows (满意度) are legitimately the same.
 */
export const boilerplate: Check = (doc, ctx) => {
  const seen = new Map<number, Occurrence[]>();
  const rowKey = rowKeys(ctx);
  doc.projects.forEach((table, p) => {
    table.indicators.forEach((ind, i) => {
      const key = rowKey(ind);
      const list = seen.get(key);
      if (!list) seen.set(key, [{ p, i }]);
      else if (list[list.length - 1]?.p !== p) list.push({ p, i });
    });
  });
  const out: Finding[] = [];
  for (const list of seen.values()) {
    if (list.length < 2) continue;
    const messages = groupMessages(doc, ctx, list);
    list.forEach(({ p, i }, k) => {
      const ind = doc.projects[p]?.indicators[i];
      const message = messages[Math.min(k, NAMED)];
      if (ind && message)
        out.push(rowFinding(ctx, p, i, ind, 'boilerplate', 'info', { message, fix: BOILERPLATE_FIX }));
    });
  }
  return out;
};

const BOILERPLATE_FIX = '按本项目的实际内容、资金量和工作量设定指标和指标值';

/**
 * The messages of one group of identical rows. Member k (k < NAMED) names the first NAMED others; every later
 * member names the same first NAMED projects, so they share one string: a row copied into 100,000 projects
 * costs NAMED + 1 messages, not 100,000.
 */
function groupMessages(doc: GoalDocument, ctx: CheckContext, list: Occurrence[]): string[] {
  const head = list.slice(0, NAMED + 1).map(({ p }) => `“${ctx.projects[p]?.name ?? ''}”`);
  const first = list[0];
  const ind = first && doc.projects[first.p]?.indicators[first.i];
  const row = ind ? `${ind.tier2}／${ind.name}／${ind.target.raw.trim()}` : '';
  const more = list.length - 1 > NAMED ? `等 ${list.length - 1} 个项目` : '';
  const messages: string[] = [];
  for (let k = 0; k <= NAMED && k < list.length; k++) {
    const others = head.filter((_, j) => j !== k).slice(0, NAMED);
    messages.push(`本行（${row}）与项目${others.join('、')}${more}中的一行完全相同，可能是照抄`);
  }
  return messages;
}
