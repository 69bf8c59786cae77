/**
 * The resilience suite (`npm run test:resilience`): concurrency, crashes,
 * corrupt files, fuzzing, chat abuse and send failures, in test/resilience/.
 * Same global setup as `npm test` (builds dist/ once, since the suite runs
 * the real `lla` and bot processes). The files run one after the other: they
 * start many processes, and on a small machine parallel files would only
 * make each other's timing-sensitive parts (Slack's 3 s ack) flaky.
 */
import { defineConfig } from 'vitest/config';
import SummaryReporter from './test/summary-reporter.js';

export default defineConfig({
  test: {
    include: ['test/resilience/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['./test/global-setup.ts'],
    reporters: ['default', new SummaryReporter()],
    fileParallelism: false,
    testTimeout: 180_000,
    hookTimeout: 60_000,
  },
});
