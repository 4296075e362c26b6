/**
 * What `accounts discover` and `metrics collect` share (issue 18): JSON lines to `--out` or stdout,
 * a resumable run state (`--state`, `--fresh`), one polite HTTP client (with `--connect-to` for
 * tests) and a pool of workers with a progress bar. Each command only says what to do per item.
 */
import { appendFileSync } from 'node:fs';
import { connectToOption, type ParsedArgs, stringOption } from './args';
import { say } from './io';
import { createPoliteHttp, type PoliteHttpOptions } from './polite-http';
import { createProgress } from './progress';
import { openRunState } from './run-state';

/** The options every batch command takes, checked: `--out`, `--state`, `--fresh` and `--connect-to`. */
export interface BatchOptions {
  /** The command's name, as its state file records it ("accounts discover"). */
  command: string;
  out: string | undefined;
  statePath: string;
  fresh: boolean;
  connectTo: Pick<PoliteHttpOptions, 'connectTo'>;
}

/** The batch options in `args`; `defaultState` is the state file used without `--state`. */
export function batchOptions(args: ParsedArgs, command: string, defaultState: string): BatchOptions {
  return {
    command,
    out: stringOption(args, 'out'),
    statePath: stringOption(args, 'state') ?? defaultState,
    fresh: args.options.has('fresh'),
    connectTo: connectToOption(args),
  };
}

/** One run over a list of items: what each item is, and the lines it gives. */
export interface Batch<T> {
  items: readonly T[];
  /** The key the state file records an item by (an ODS code, an account's URL). */
  keyOf(item: T): string;
  /** How the progress bar names an item. */
  labelOf(item: T): string;
  /** What the items are called in "resuming: 3 organisations already done". */
  noun: string;
  /** The progress bar's label. */
  progressLabel: string;
  /** Items worked on at once. */
  concurrency: number;
  /** The day the state file records an item done on (YYYY-MM-DD). */
  doneOn: string;
  /** The lines for one item: written, then the item is recorded as done. */
  work(item: T): Promise<readonly unknown[]>;
}

/**
 * Opens the run state and the polite HTTP client (through `--connect-to` when given) for a batch;
 * `run` then works through the items the state does not record as done.
 */
export function openBatch(options: BatchOptions, http: Omit<PoliteHttpOptions, 'connectTo'>) {
  const write = (line: unknown) => {
    const text = `${JSON.stringify(line)}\n`;
    if (options.out) appendFileSync(options.out, text);
    else process.stdout.write(text);
  };
  const state = openRunState(options.statePath, options.command, options.fresh);
  return {
    http: createPoliteHttp({ ...http, ...options.connectTo }),
    async run<T>(batch: Batch<T>): Promise<void> {
      const todo = batch.items.filter((item) => !state.isDone(batch.keyOf(item)));
      if (todo.length < batch.items.length)
        say(`resuming: ${batch.items.length - todo.length} ${batch.noun} already done (--fresh starts again)`);
      const progress = createProgress(todo.length, batch.progressLabel);
      const queue = [...todo];
      const worker = async () => {
        for (let item = queue.shift(); item !== undefined; item = queue.shift()) {
          for (const line of await batch.work(item)) write(line);
          state.markDone(batch.keyOf(item), batch.doneOn);
          progress.tick(batch.labelOf(item));
        }
      };
      await Promise.all(Array.from({ length: batch.concurrency }, worker));
      progress.finish();
    },
  };
}
