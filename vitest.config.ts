import { defineConfig } from 'vitest/config';
import PassFailSummary from './tests/support/pass-fail-summary.ts';

export default defineConfig({
  test: {
    reporters: ['default', new PassFailSummary()],
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          // The command-line tests start real processes: on a busy two-core machine that takes seconds.
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          setupFiles: ['tests/e2e/support/require-chromium.ts'],
          // One real browser at a time: the machines have two cores.
          fileParallelism: false,
          // Each file's tests run in a shuffled order, the seed printed (issue 18). This is
          // `sequence: { shuffle: true }`, which Vitest 4.1 ignores in a project's config.
          // Files need no shuffling: each starts its own Chromium with a fresh profile.
          runner: './tests/e2e/support/shuffled-runner.ts',
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
