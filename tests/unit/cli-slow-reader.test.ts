import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { syntheticIndex } from '../support/synthetic-index';

/**
 * Runs the real command line with a reader slower than the writer: it waits before reading at
 * all, then takes one chunk at a time with a pause between them, as a busy `| wc -l` or a
 * network pipe would. Whatever the command wrote must all arrive, and the command must wait for it.
 */
async function runWithSlowReader(args: string[], input?: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawn(process.execPath, ['bin/nsl.js', ...args], { stdio: ['pipe', 'pipe', 'ignore'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  child.stdin.end(input ?? '');
  await sleep(400);
  let stdout = '';
  for await (const chunk of child.stdout) {
    stdout += chunk;
    await sleep(40);
  }
  return { code: await exited, stdout };
}

const lineCount = (text: string) => text.split('\n').filter(Boolean).length;

describe('the command line through a slow pipe', () => {
  it('delivers every row of `export --format json`, more than any pipe buffer holds', async () => {
    // 10,000 organisations: megabytes, well past what the pipe between the processes can hold.
    const index = join(mkdtempSync(join(tmpdir(), 'nsl-slow-')), 'index.json');
    writeFileSync(index, JSON.stringify(syntheticIndex(10_000)));
    const { code, stdout } = await runWithSlowReader(['export', '--format', 'json', '--index', index]);
    expect(code).toBe(0);
    expect(lineCount(stdout)).toBe(10_000);
  });

  it('delivers one line for each of 3,000 URLs given to `lookup` on stdin', async () => {
    const urls = Array.from({ length: 3000 }, (_, i) => (i % 2 === 0 ? `https://www.uclh.nhs.uk/page/${i}` : `https://example.org/${i}`));
    const { code, stdout } = await runWithSlowReader(['lookup'], `${urls.join('\n')}\n`);
    expect(code).toBe(0);
    const lines = stdout.split('\n').filter(Boolean);
    expect(lines).toHaveLength(3000);
    expect(JSON.parse(lines.at(-1) ?? '{}')).toMatchObject({ url: 'https://example.org/2999', match: null });
  });
});
