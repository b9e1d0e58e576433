/**
 * One timed run of the streaming bench, in its own process so that its peak RSS is its own:
 *   node bench/stream-child.mjs floor|score GOALS.jsonl ACTUALS.jsonl OUT.jsonl
 * floor: the same lines read (the same chunked reader), JSON.parse'd and JSON.stringify'd to OUT, nothing else.
 * score: what `jixiao score GOALS ACTUALS -o OUT` runs after start-up (worker threads included). Prints {"ms", "cpuMs", "rssMb", "lines"} (CPU time: the main thread and the GC threads).
 */
import { LineReader } from '../dist/io/stream/lines.js';
import { scoreJsonLines, streamThreads } from '../dist/io/stream/score.js';
import { loadRuleSet } from '../dist/io/rules.js';
import { openAtomic } from '../dist/io/write.js';

const [mode, goals, actuals, output] = process.argv.slice(2);
const rules = await loadRuleSet('national');
const t0 = performance.now();
const c0 = process.cpuUsage();
const out = openAtomic(output);
let lines = 0;
if (mode === 'floor') {
  const g = new LineReader(goals, 'goals');
  const a = new LineReader(actuals, 'actuals');
  for (;;) {
    const x = g.next();
    const y = a.next();
    if (x === null && y === null) break;
    const both = [x === null ? null : JSON.parse(x), y === null ? null : JSON.parse(y)];
    out.write(`${JSON.stringify(both)}\n`);
    lines++;
  }
} else {
  // As `jixiao score` runs it (JIXIAO_THREADS=N: on N worker threads).
  const sum = await scoreJsonLines(goals, actuals, rules, (l) => out.write(l), {
    explain: false,
    threads: streamThreads(),
    ruleSource: { file: rules.file },
  });
  lines = sum.lines;
}
out.commit();
const ms = Math.round(performance.now() - t0);
const c = process.cpuUsage(c0);
const cpuMs = Math.round((c.user + c.system) / 1000);
process.stdout.write(JSON.stringify({ ms, cpuMs, rssMb: Math.round(process.resourceUsage().maxRSS / 1024), lines }));
