import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['core/**/*.test.ts', 'data/**/*.test.ts', 'cli/**/*.test.ts', 'bot/**/*.test.ts', 'test/**/*.test.ts'],
    exclude: ['**/node_modules/**', 'test/resilience/**'], // its own run: npm run test:resilience
    environment: 'node',
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', new SummaryReporter()],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
