import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { jixiao, SAMPLE } from '../helpers/cli.js';

/**
 * The committed scored sample is what the tool prints today, byte for byte. After an intended change,
 * regenerate with UPDATE_GOLDEN=1 npx vitest run test/golden and review the diff.
 */
const cases = [
  { file: 'score-year-end.json', args: ['--format', 'json'] },
  { file: 'score-year-end.txt', args: [] },
];

describe('golden: the scored seed sample', () => {
  it.each(cases)('$file', ({ file, args }) => {
    const r = jixiao(['score', join(SAMPLE, 'goals.json'), join(SAMPLE, 'actuals-year-end.yaml'), ...args]);
    expect(r.status).toBe(0);
    const path = join(SAMPLE, file);
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(path, r.stdout);
    expect(r.stdout).toBe(readFileSync(path, 'utf8'));
  });
});
