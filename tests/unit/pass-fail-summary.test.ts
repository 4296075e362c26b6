import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const vitest = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['node_modules/vitest/vitest.mjs', 'run', ...args], {
    encoding: 'utf8',
    env: { ...process.env, CI: 'true', ...env },
  });

describe('the summary line that ends every run', () => {
  it('counts a file that cannot load and a suite whose beforeAll throws as failures, not as skipped tests', () => {
    // A real Vitest run over fixture files broken in each of those ways.
    const run = vitest(['--config', 'tests/fixtures/summary-run/vitest.config.ts']);
    expect(run.status).toBe(1);
    // One passing test; one failing test, one file that cannot load, one suite whose setup threw;
    // the two tests of that suite never ran.
    expect(run.stdout.trim().split('\n').at(-1)).toBe('1 passed, 3 failed, 2 skipped');
  });

  it('fails a browser test file at once, in one line saying how to install Chromium, when it is missing', () => {
    const started = Date.now();
    const run = vitest(['--project', 'e2e', 'tests/e2e/walking-skeleton.test.ts'], { CHROMIUM_PATH: '/nonexistent/chromium' });
    expect(run.status).toBe(1);
    expect(run.stdout + run.stderr).toContain(
      "no Chromium at /nonexistent/chromium: install Debian's package (sudo apt-get install chromium) or set CHROMIUM_PATH",
    );
    expect(run.stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    // The shuffled order's seed, at the top and again above the summary, with how to replay it (issue 26).
    const seed = run.stdout.match(/Running tests with seed "(\d+)"/)?.[1];
    expect(seed).toMatch(/^\d+$/);
    expect(run.stdout.trim().split('\n').at(-2)).toBe(
      `Tests ran in a shuffled order, seed ${seed}: add --sequence.seed=${seed} to replay it`,
    );
    // Before any build or browser launch: seconds, not the minute a browser test file takes.
    expect(Date.now() - started).toBeLessThan(15_000);
  });
});
