import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_INDEX_VERSION } from '../../lib/index/schema';
import { nextIndexRelease, publishedVersion } from '../../scripts/next-index-release';
import { nsl } from '../support/nsl-cli';

const NOW = new Date(Date.UTC(2026, 10, 30, 4, 23));
const release = (indexVersion: number) => ({ indexVersion, generatedAt: '2026-11-23T04:23:00.000Z' });

/** Runs the script as the refresh workflow does: exit status and its message. */
function runScript(args: string[]): { status: number; stderr: string } {
  try {
    const stderr = execFileSync(
      process.execPath,
      [join(process.cwd(), 'node_modules/tsx/dist/cli.mjs'), 'scripts/next-index-release.ts', ...args],
      {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    return { status: 0, stderr };
  } catch (error) {
    const failed = error as { status: number; stderr: string };
    return { status: failed.status, stderr: failed.stderr };
  }
}

describe('the refresh’s next index release (issue 21)', () => {
  it('goes one above both the release file and the copy published now, generated now', () => {
    expect(nextIndexRelease(release(2), undefined, NOW)).toEqual({ indexVersion: 3, generatedAt: '2026-11-30T04:23:00.000Z' });
    // Last week's refresh is published but its pull request not merged yet: go past the published one.
    expect(nextIndexRelease(release(2), 5, NOW).indexVersion).toBe(6);
    // A maintainer raised the file by hand past the published one.
    expect(nextIndexRelease(release(9), 5, NOW).indexVersion).toBe(10);
  });

  it('is always newer than both, and refuses to pass the most an index may have', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: MAX_INDEX_VERSION - 1 }),
        fc.option(fc.integer({ min: 1, max: MAX_INDEX_VERSION - 1 })),
        (a, b) => {
          const next = nextIndexRelease(release(a), b ?? undefined, NOW).indexVersion;
          expect(next).toBeGreaterThan(a);
          expect(next).toBeGreaterThan(b ?? 0);
          expect(next).toBeLessThanOrEqual(MAX_INDEX_VERSION);
        },
      ),
      { numRuns: 300 },
    );
    expect(() => nextIndexRelease(release(MAX_INDEX_VERSION), undefined, NOW)).toThrow(/past the most an index may have/);
  });

  it('reads the version of a copy `index publish` made, nothing when none is published, and refuses an error page', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsl-next-release-'));
    expect(nsl(['index', 'keygen', '--out', join(dir, 'keys')]).code).toBe(0);
    expect(nsl(['index', 'publish', '--key', join(dir, 'keys/index-signing.key'), '--out', join(dir, 'site')]).code).toBe(0);
    const bundled = JSON.parse(readFileSync('assets/index.json', 'utf8')) as { indexVersion: number };
    expect(publishedVersion(join(dir, 'site/manifest.json'))).toBe(bundled.indexVersion);
    expect(publishedVersion(join(dir, 'nothing/manifest.json'))).toBeUndefined();
    expect(publishedVersion(undefined)).toBeUndefined();
    writeFileSync(join(dir, 'error.json'), '<html>Not found</html>');
    expect(() => publishedVersion(join(dir, 'error.json'))).toThrow(/not JSON/);
  });

  it('as a script: rewrites the release file, and fails in one line on a bad manifest', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsl-next-release-script-'));
    const file = join(dir, 'index-release.json');
    writeFileSync(file, '{ "indexVersion": 4, "generatedAt": "2026-11-23T00:00:00.000Z" }\n');
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ indexVersion: 7 }));
    const bad = runScript(['--release', file, '--published', join(dir, 'manifest.json')]);
    expect(bad.status).toBe(1);
    expect(bad.stderr.trim().split('\n')).toEqual([
      expect.stringMatching(/^next-index-release: .*manifest\.json: the manifest is malformed/),
    ]);
    expect(runScript(['--release', file, '--published', join(dir, 'none.json')]).status).toBe(0);
    const written = JSON.parse(readFileSync(file, 'utf8')) as { indexVersion: number; generatedAt: string };
    expect(written.indexVersion).toBe(5);
    expect(Number.isNaN(Date.parse(written.generatedAt))).toBe(false);
  }, 30_000);
});
