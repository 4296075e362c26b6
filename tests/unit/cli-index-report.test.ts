import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundledIndex } from '../support/bundled-index';
import { runNsl } from '../support/run-nsl';

const dir = mkdtempSync(join(tmpdir(), 'nsl-report-'));
const previousPath = join(dir, 'previous.json');
const nextPath = join(dir, 'next.json');
const previous = loadBundledIndex();
const next = loadBundledIndex();
next.indexVersion = previous.indexVersion + 1;
const barts = next.organisations.find((o) => o.id === 'R1H');
barts?.accounts.push({
  platform: 'bluesky',
  handle: 'barts-report-test.bsky.social',
  url: 'https://bsky.app/profile/barts-report-test.bsky.social',
  verification: 'official',
  state: 'active',
  source: previous.sources[0]?.id ?? 'ods-etr',
  checked: '2026-11-20',
});
writeFileSync(previousPath, JSON.stringify(previous));
writeFileSync(nextPath, JSON.stringify(next));

describe('nsl index report', () => {
  it('writes what changed between two indexes as Markdown, and says where in one JSON line', async () => {
    const out = join(dir, 'report.md');
    const run = await runNsl(['index', 'report', '--previous', previousPath, '--next', nextPath, '--out', out]);
    expect(run.code).toBe(0);
    expect(run.lines).toEqual([{ event: 'report', out, previous: previous.indexVersion, next: next.indexVersion }]);
    const report = readFileSync(out, 'utf8');
    expect(report).toContain(`# Index refresh: version ${previous.indexVersion} to ${next.indexVersion}`);
    expect(report).toMatch(/1 account added/);
    expect(report).toContain('barts-report-test.bsky.social');
  });

  it.each([
    [['--previous', previousPath, '--next', nextPath], 'usage: index report'],
    [['--previous', previousPath, '--next', join(dir, 'absent.json'), '--out', join(dir, 'r.md')], 'absent.json'],
    [
      ['--previous', previousPath, '--next', nextPath, '--discoveries', join(dir, 'none.jsonl'), '--out', join(dir, 'r.md')],
      'none.jsonl: no such file',
    ],
  ])('refuses bad input in one line: %j', async (args, message) => {
    const run = await runNsl(['index', 'report', ...args]);
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toContain(message);
    expect(run.lines).toEqual([]);
  });
});
