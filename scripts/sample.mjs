#!/usr/bin/env node
// The main job on the bundled sample (README): import the bureau's 2025 goal document, review it, score the
// year-end actuals, write the 自评表 and 自评报告 (HTML and Excel) and run the mid-year monitoring. Everything goes
// to out/; samples/ is never written. Each step prints one line; a failing step prints its error and stops.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist/cli/bin.js');
const goalsDoc = 'samples/lunan-2025/goals-document.txt';
const yearEnd = 'samples/lunan-2025/actuals-year-end.yaml';
const midYear = 'samples/lunan-2025/actuals-mid-year.yaml';

if (!existsSync(bin)) {
  console.error('dist/ 不存在：请先运行 npm install（会自动构建）');
  process.exit(1);
}

/** Run one jixiao command; `ok` lists the exit codes that are not a failure (check exits 1 on findings). */
function run(title, args, { ok = [0], summary = (r) => r.stdout.trimEnd().split('\n').at(-1) } = {}) {
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (!ok.includes(r.status ?? -1)) {
    process.stderr.write(`✗ ${title}\n$ jixiao ${args.join(' ')}\n${r.stderr}`);
    process.exit(r.status ?? 1);
  }
  process.stdout.write(`✓ ${title}：${summary(r)}\n`);
}
const wrote = (r) => r.stderr.trimEnd().split('\n')[0];

run('导入绩效目标文档', ['import', goalsDoc, '-o', 'out/goals.json'], { summary: wrote });
run('绩效目标审核', ['check', 'out/goals.json'], {
  ok: [0, 1],
  summary: (r) => r.stdout.trimEnd().split('\n').at(-1).replace(/^绩效目标审核：/, ''),
});
run('年终自评评分', ['score', 'out/goals.json', yearEnd, '--format', 'json', '-o', 'out/score-year-end.json'], {
  summary: wrote,
});
for (const format of ['html', 'xlsx']) {
  run(`自评表与自评报告（${format}）`, ['report', 'out/goals.json', yearEnd, '--format', format, '-o', 'out/reports'], {
    summary: wrote,
  });
}
run('运行监控（截至 2025-06-30）', ['monitor', 'out/goals.json', midYear, '-o', 'out/monitoring-2025-06-30.txt'], {
  summary: wrote,
});
process.stdout.write(
  `\n输出在 ${relative(process.cwd(), join(root, 'out')) || '.'}/：打开 out/reports/ 中的 .html（浏览器）或 .xlsx（Excel/WPS）查看自评表和自评报告。\n`,
);
