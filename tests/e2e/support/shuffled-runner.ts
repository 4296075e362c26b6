import { VitestTestRunner } from 'vitest/runners';

type RunnerConfig = ConstructorParameters<typeof VitestTestRunner>[0];

/**
 * Vitest's own runner, with each file's tests and suites in a shuffled order: the e2e project's
 * `sequence: { shuffle: true }` (issue 18: no test may depend on what an earlier one did).
 * Vitest 4.1 reads `sequence` from the root config only (vitest-dev/vitest#9645), which would
 * shuffle the unit project too; so the e2e project runs its files with this runner. When a
 * project's own `sequence` is honoured, it can replace this file.
 */
export default class ShuffledRunner extends VitestTestRunner {
  constructor(config: RunnerConfig) {
    super(config);
    config.sequence.shuffle = true;
    // Vitest sets a seed only when it shuffles itself; `--sequence.seed=<n>` gives one to replay an order.
    if (!Number.isFinite(config.sequence.seed)) config.sequence.seed = Date.now();
    console.info(
      `${config.name ?? 'e2e'} tests shuffled with seed ${config.sequence.seed}: replay with --sequence.seed=${config.sequence.seed}`,
    );
  }
}
