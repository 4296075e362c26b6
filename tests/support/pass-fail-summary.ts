import type { Reporter, TestModule, Vitest } from 'vitest/node';

export interface RunCounts {
  passed: number;
  failed: number;
  skipped: number;
}

/**
 * Counts a run the way CI must read it: every failed test, and also every file or suite that
 * failed on its own (a file that cannot load, a `beforeAll` that throws). Vitest marks the tests
 * of such a suite as skipped, so counting tests alone would print "0 failed" for a broken run.
 */
export function countRun(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): RunCounts {
  const counts: RunCounts = { passed: 0, failed: unhandledErrors.length, skipped: 0 };
  for (const module of testModules) {
    for (const test of module.children.allTests()) {
      const state = test.result().state;
      if (state === 'passed') counts.passed++;
      else if (state === 'failed') counts.failed++;
      else counts.skipped++;
    }
    if (module.errors().length > 0 || (module.state() === 'failed' && [...module.children.allTests()].length === 0)) counts.failed++;
    for (const suite of module.children.allSuites()) if (suite.errors().length > 0) counts.failed++;
  }
  return counts;
}

/** The one plain line that ends every run: `N passed, N failed[, N skipped]`. */
export function summaryLine({ passed, failed, skipped }: RunCounts): string {
  return `${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ''}`;
}

/**
 * Ends every run with one plain line, counting unit and browser tests together, so CI shows at a
 * glance that tests really ran.
 */
export default class PassFailSummary implements Reporter {
  private seed: number | undefined;

  onInit(vitest: Vitest): void {
    const { shuffle, seed } = vitest.config.sequence;
    this.seed = shuffle ? seed : undefined;
  }

  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    // The seed again at the end, where a failure is read, with how to replay the order (issue 26).
    const replay = this.seed === undefined ? '' : `\n${replayLine(this.seed)}`;
    process.stdout.write(`${replay}\n${summaryLine(countRun(testModules, unhandledErrors))}\n`);
  }
}

/** How to run the tests again in the order a shuffled run used. */
export function replayLine(seed: number): string {
  return `Tests ran in a shuffled order, seed ${seed}: add --sequence.seed=${seed} to replay it`;
}
