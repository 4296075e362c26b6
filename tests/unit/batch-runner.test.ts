// @vitest-environment node
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseArgs } from '../../lib/cli/args';
import { type Batch, batchOptions, openBatch } from '../../lib/cli/batch-runner';

/** The runner `accounts discover` and `metrics collect` share (issue 18), without a network: no item fetches. */
const HTTP = { userAgent: 'test', delayMs: 0, timeoutMs: 1000, maxBytes: 1000, retries: 0 };
const tmp = mkdtempSync(join(tmpdir(), 'nsl-batch-'));

function batchOf(items: string[], worked: string[]): Batch<string> {
  return {
    items,
    keyOf: (item) => item,
    labelOf: (item) => item,
    noun: 'organisations',
    progressLabel: 'test',
    concurrency: 2,
    doneOn: '2026-11-25',
    async work(item) {
      worked.push(item);
      return [
        { item, n: 1 },
        { item, n: 2 },
      ];
    },
  };
}

afterEach(() => vi.restoreAllMocks());

describe('openBatch', () => {
  it('writes each item’s lines to --out, records it done, and a second run does only what is left', async () => {
    const out = join(tmp, 'out.jsonl');
    const state = join(tmp, 'state.json');
    const args = parseArgs(['--out', out, '--state', state], ['out', 'state', 'connect-to'], ['fresh']);
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const first: string[] = [];
    await openBatch(batchOptions(args, 'accounts discover', 'unused.json'), HTTP).run(batchOf(['RJ1', 'RRV'], first));
    expect(first.sort()).toEqual(['RJ1', 'RRV']);
    expect(JSON.parse(readFileSync(state, 'utf8'))).toEqual({
      command: 'accounts discover',
      done: { RJ1: '2026-11-25', RRV: '2026-11-25' },
    });

    const second: string[] = [];
    await openBatch(batchOptions(args, 'accounts discover', 'unused.json'), HTTP).run(batchOf(['RJ1', 'RRV', 'RJ7'], second));
    expect(second).toEqual(['RJ7']);
    expect(stderr).toHaveBeenCalledWith('resuming: 2 organisations already done (--fresh starts again)\n');
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(6);
    expect(lines.filter((line) => line.item === 'RJ7')).toEqual([
      { item: 'RJ7', n: 1 },
      { item: 'RJ7', n: 2 },
    ]);
  });

  it('starts again with --fresh, and refuses a state file of another command in one line', async () => {
    const state = join(tmp, 'fresh.json');
    const args = parseArgs(['--state', state], ['out', 'state', 'connect-to'], ['fresh']);
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    await openBatch(batchOptions(args, 'metrics collect', 'unused.json'), HTTP).run(batchOf(['a'], []));
    const again: string[] = [];
    const fresh = parseArgs(['--state', state, '--fresh'], ['out', 'state', 'connect-to'], ['fresh']);
    await openBatch(batchOptions(fresh, 'metrics collect', 'unused.json'), HTTP).run(batchOf(['a'], again));
    expect(again).toEqual(['a']);
    expect(() => openBatch(batchOptions(args, 'accounts discover', 'unused.json'), HTTP)).toThrow(
      `${state} belongs to "metrics collect", not "accounts discover": use another --state file`,
    );
  });

  it('checks --connect-to before any work', () => {
    const args = parseArgs(['--connect-to', 'nowhere'], ['out', 'state', 'connect-to'], ['fresh']);
    expect(() => batchOptions(args, 'metrics collect', join(tmp, 'never.json'))).toThrow('--connect-to must be HOST:PORT, not "nowhere"');
  });
});
