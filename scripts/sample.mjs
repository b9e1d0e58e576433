#!/usr/bin/env node
// The main job on the bundled sample (README): import the bureau's 2025 goal document, review it, score the
// year-end actuals and, when present, run the mid-year monitoring. Outputs go to out/; samples/ is never written.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const bin = join(root, 'dist/cli/bin.js');
const sample = join(root, 'samples/lunan-2025');
const out = join(root, 'out');

function run(title, args, { allowFailure = false } = {}) {
  process.stdout.write(`\n━━ ${title}\n$ jixiao ${args.join(' ')}\n`);
  const r = spawnSync(process.execPath, [bin, ...args], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0 && !allowFailure) process.exit(r.status ?? 1);
}

if (!existsSync(bin)) {
  console.error('dist/ 不存在：请先运行 npm install（会自动构建）');
  process.exit(1);
}
run('导入绩效目标文档', ['import', 'samples/lunan-2025/goals-document.txt', '-o', 'out/goals.json']);
if (existsSync(join(root, 'dist/cli/commands/check.js'))) {
  run('绩效目标审核（发现问题时退出码为 1，这里照常继续）', ['check', 'out/goals.json'], { allowFailure: true });
}
run('年终自评评分', ['score', 'out/goals.json', 'samples/lunan-2025/actuals-year-end.yaml']);
run('评分明细（JSON）', ['score', 'out/goals.json', 'samples/lunan-2025/actuals-year-end.yaml', '--format', 'json', '-o', 'out/score-year-end.json']);
if (existsSync(join(sample, 'actuals-mid-year.yaml')) && existsSync(join(root, 'dist/cli/commands/monitor.js'))) {
  run('运行监控（截至 2025-06-30）', ['monitor', 'out/goals.json', 'samples/lunan-2025/actuals-mid-year.yaml', '--as-of', '2025-06-30']);
}
process.stdout.write(`\n输出文件在 ${out}\n`);
