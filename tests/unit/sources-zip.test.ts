import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** The names of the files in a zip archive, read from its central directory (no dependency needed). */
function zipEntries(archive: Buffer): string[] {
  const end = archive.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0) throw new Error('not a zip archive');
  const count = archive.readUInt16LE(end + 10);
  let at = archive.readUInt32LE(end + 16);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (archive.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const nameLength = archive.readUInt16LE(at + 28);
    const extraLength = archive.readUInt16LE(at + 30);
    const commentLength = archive.readUInt16LE(at + 32);
    names.push(archive.toString('utf8', at + 46, at + 46 + nameLength));
    at += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

describe('the sources zip for Firefox’s review (issue 17)', () => {
  // The real `wxt zip -b firefox` (a few seconds), into its own folder: the patterns are asked of WXT itself.
  it('never carries a private key, wherever one was left, nor the tests’ throwaway key', () => {
    const outDir = join(process.cwd(), '.output/zip-check');
    const planted = [
      join(process.cwd(), `zip-check-${process.pid}.key`),
      join(process.cwd(), `tests/fixtures/keys/zip-check-${process.pid}.key`),
    ];
    rmSync(outDir, { recursive: true, force: true });
    try {
      for (const path of planted) writeFileSync(path, 'not a real key\n');
      execFileSync(process.execPath, [join(process.cwd(), 'node_modules/wxt/bin/wxt.mjs'), 'zip', '-b', 'firefox'], {
        env: { ...process.env, NSL_OUT_DIR: outDir },
        stdio: 'ignore',
      });
    } finally {
      for (const path of planted) rmSync(path, { force: true });
    }
    const sources = readdirSync(outDir).find((name) => name.endsWith('-sources.zip'));
    const entries = zipEntries(readFileSync(join(outDir, sources ?? 'missing-sources.zip')));
    expect(entries).toEqual(expect.arrayContaining(['package.json', 'wxt.config.ts', 'lib/corrections/correction.ts']));
    expect(entries.filter((name) => name.endsWith('.key'))).toEqual([]);
  }, 120_000);

  it('keeps private keys out of the repository, except the tests’ throwaway one', () => {
    const ignored = (path: string) => {
      try {
        execFileSync('git', ['check-ignore', '--no-index', '-q', path]);
        return true;
      } catch {
        return false;
      }
    };
    expect(['index-signing.key', 'keys/release.key', 'assets/index-signing.key'].filter((path) => !ignored(path))).toEqual([]);
    expect(ignored('tests/fixtures/keys/index-signing.key')).toBe(false);
  });
});
