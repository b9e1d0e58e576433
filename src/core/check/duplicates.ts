import type { Indicator } from '../../model/goals.js';
import { type Check, type CheckContext, eachRow, type Finding, rowFinding } from './finding.js';

/** Rows repeated inside one table, and rows copied from table to table. Maps only: linear in the rows. */

/**
 * duplicate-indicator: one 三级指标 twice in a table is counted (and weighted) twice. Same target: a copy
 * (warning); different targets (≥70% vs ≥80%): the table contradicts itself and cannot be scored (error).
 */
export const duplicateIndicator: Check = (doc, ctx) => {
  const out: Finding[] = [];
  const { name, target, start } = ctx.rows;
  doc.projects.forEach((table, p) => {
    const rows = table.indicators;
    const base = start[p] ?? 0;
    // Tables have a dozen rows: a scan of the name ids is cheaper than a Map per table; long tables get one.
    const firstOf = rows.length > 32 ? firstIndex(name.subarray(base, base + rows.length)) : null;
    for (let i = 1; i < rows.length; i++) {
      const id = name[base + i] as number;
      let j = firstOf ? (firstOf.get(id) ?? i) : 0;
      if (!firstOf) while (name[base + j] !== id) j++;
      const ind = rows[i];
      const prev = rows[j];
      if (j === i || !ind || !prev) continue;
      const where = prev.tier2 === ind.tier2 ? `同在${ind.tier2}下` : `在${prev.tier2}下，这里又放在${ind.tier2}下`;
      const sameTarget = target[base + j] === target[base + i];
      const clash = `，指标值却不同：第 ${j + 1} 行“${prev.target.raw.trim()}”，本行“${ind.target.raw.trim()}”`;
      const message = `三级指标“${ind.name}”与第 ${j + 1} 行重复（${where}）${sameTarget ? '，会被重复计分' : clash}`;
      const fix = `${sameTarget ? '删除重复的一行' : '确定一个指标值，删除另一行'}，或改为与本二级指标相符的另一个指标`;
      out.push(rowFinding(ctx, p, i, ind, 'duplicate-indicator', sameTarget ? 'warning' : 'error', message, fix));
    }
  });
  return out;
};

function firstIndex(ids: Int32Array): Map<number, number> {
  const first = new Map<number, number>();
  ids.forEach((id, i) => {
    if (!first.has(id)) first.set(id, i);
  });
  return first;
}

/** Two ids in one number (ids stay far below 2^26: they count distinct texts). */
const PAIR = 2 ** 26;

/** A dense id for each distinct pair of ids: 0, 1, 2 … in order of first sight. */
function pairIds(): (a: number, b: number) => number {
  const ids = new Map<number, number>();
  return (a, b) => {
    const k = a * PAIR + b;
    let id = ids.get(k);
    if (id === undefined) {
      id = ids.size;
      ids.set(k, id);
    }
    return id;
  };
}

/**
 * One dense number per distinct row text (二级指标 + 三级指标 + 描述 + 指标值): 0 for the first text seen, then
 * 1, 2 …, so per-text facts fit in plain arrays. Built from interned ids, never from long string keys.
 */
function rowKeys(ctx: CheckContext): (r: number) => number {
  const { tier2, name, description, target } = ctx.rows;
  const heading = pairIds();
  const content = pairIds();
  const row = pairIds(); // its own id space: row ids must be dense on their own
  return (r) =>
    row(heading(tier2[r] as number, name[r] as number), content(description[r] as number, target[r] as number));
}

/** How many other projects a message names before "等 N 个项目": keeps each message O(1). */
const NAMED = 3;

/**
 * boilerplate: the same row (二级指标 + 三级指标 + 描述 + 指标值) in several projects suggests a copied table
 * whose targets were not set for this project. Info only: some rows (满意度) are legitimately the same.
 * Two passes over the rows with dense per-text arrays: no per-row objects, so 100,000 projects stay cheap.
 */
export const boilerplate: Check = (doc, ctx) => {
  const rowKey = rowKeys(ctx);
  const { start } = ctx.rows;
  const keyOfRow = new Int32Array(start[start.length - 1] ?? 0); // every row's text key, by global row
  const lastProject: number[] = []; // per key: the last project it was seen in
  const projects: number[] = []; // per key: how many projects carry it
  const firstProject: number[] = []; // per key: the first project it was seen in
  const heads = new Map<number, number[]>(); // keys in 2+ projects: their first NAMED + 1 projects
  for (let p = 0; p + 1 < start.length; p++) {
    for (let r = start[p] ?? 0; r < (start[p + 1] ?? 0); r++) {
      const k = rowKey(r);
      keyOfRow[r] = k;
      if (k === lastProject.length) {
        lastProject.push(p);
        firstProject.push(p);
        projects.push(1);
      } else if (lastProject[k] !== p) {
        lastProject[k] = p;
        projects[k] = (projects[k] ?? 0) + 1;
        const head = heads.get(k);
        if (!head) heads.set(k, [firstProject[k] ?? 0, p]);
        else if (head.length <= NAMED) head.push(p);
      }
    }
  }
  const met: number[] = projects.map(() => 0); // per key: projects met so far in the second pass
  const messages: (string[] | undefined)[] = [];
  return eachRow(doc, (p, i, ind, r) => {
    const k = keyOfRow[r] as number;
    const count = projects[k] ?? 0;
    if (count < 2 || lastProject[k] === -p - 1) return null; // unique, or already reported in this project
    lastProject[k] = -p - 1;
    const member = met[k] ?? 0;
    met[k] = member + 1;
    messages[k] ??= groupMessages(ctx, ind, heads.get(k) ?? [], count);
    const message = messages[k][Math.min(member, NAMED)] ?? '';
    return rowFinding(ctx, p, i, ind, 'boilerplate', 'info', message, BOILERPLATE_FIX);
  });
};

const BOILERPLATE_FIX = '按本项目的实际内容、资金量和工作量设定指标和指标值';

/**
 * The messages of one group of identical rows. Member m (m < NAMED) names the first NAMED others; every later
 * member names the same first NAMED projects, so they share one string: a row copied into 100,000 projects
 * costs NAMED + 1 messages, not 100,000.
 */
function groupMessages(ctx: CheckContext, ind: Indicator, head: number[], count: number): string[] {
  const names = head.map((p) => `“${ctx.projects[p]?.name ?? ''}”`);
  const row = `${ind.tier2}／${ind.name}／${ind.target.raw.trim()}`;
  const more = count - 1 > NAMED ? `等 ${count - 1} 个项目` : '';
  const messages: string[] = [];
  for (let m = 0; m < names.length; m++) {
    const others = names.filter((_, j) => j !== m).slice(0, NAMED);
    messages.push(`本行（${row}）与项目${others.join('、')}${more}中的一行完全相同，可能是照抄`);
  }
  return messages;
}
