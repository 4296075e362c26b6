import { defineConfig } from 'vitest/config';
import { FIREFOX_MISSING, firefoxInstalled, firefoxProjectAsked } from './tests/support/firefox.ts';
import PassFailSummary from './tests/support/pass-fail-summary.ts';

// The Firefox build's tests (issue 22) run where Debian's firefox-esr is installed (CI installs it);
// elsewhere `npm test` leaves them out and says so in one line, and `npm run test:firefox` fails
// with that line.
const withFirefox = firefoxInstalled() || firefoxProjectAsked(process.argv);
if (!withFirefox) console.warn(`Firefox tests left out: ${FIREFOX_MISSING}`);

export default defineConfig({
  test: {
    reporters: ['default', new PassFailSummary()],
    // Every project's tests run in a shuffled order within each file (issues 18 and 26): no test may
    // depend on what an earlier one did. Vitest reads `sequence` from this root config only
    // (vitest-dev/vitest#9645); it picks one seed for the whole run and prints it at the top
    // ('Running tests with seed "<n>"'), and `--sequence.seed=<n>` replays that order. Files keep
    // their order: each runs in its own worker (unit) or starts its own browser (e2e, Firefox).
    sequence: { shuffle: { files: false, tests: true } },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'happy-dom',
          // The command-line tests start real processes: on a busy two-core machine that takes seconds,
          // in their tests and in the hooks that set up what the tests share.
          testTimeout: 20_000,
          hookTimeout: 20_000,
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
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      ...(withFirefox
        ? [
            {
              test: {
                name: 'firefox',
                include: ['tests/firefox/**/*.test.ts'],
                environment: 'node',
                setupFiles: ['tests/firefox/support/require-firefox.ts'],
                // One Firefox at a time, and after the Chromium tests: never two browsers on two cores.
                fileParallelism: false,
                sequence: { groupOrder: 1 },
                testTimeout: 60_000,
                hookTimeout: 90_000,
              },
            },
          ]
        : []),
    ],
  },
});
