/**
 * One digest of every generated zip seed (tables and goal tables): fuzz.test.ts compares it across times of day
 * and time zones. Run directly, it prints the digest of the seeds made in this process's time zone.
 */
import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import { type GoalTableSeed, loadGoalTableSeeds } from './goal-tables.js';
import { loadTableSeeds, type TableSeeds } from './tables.js';

export function seedDigest(tables: TableSeeds, goalTables: GoalTableSeed[]): string {
  const hash = createHash('sha256');
  for (const s of [...tables.xlsx, ...goalTables]) hash.update(s.bytes);
  return hash.digest('hex');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  process.stdout.write(`${seedDigest(await loadTableSeeds(), await loadGoalTableSeeds())}\n`);
}
