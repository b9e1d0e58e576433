import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The machines and CI run in UTC; dates in goal tables are Beijing dates.
    env: { TZ: 'Asia/Shanghai' },
    testTimeout: 30_000,
    globalSetup: ['test/global-setup.ts'],
  },
});
