import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as ed from '@noble/ed25519';
import { beforeAll, describe, expect, it } from 'vitest';
import { toBase64 } from '../../lib/refresh/published';
import type { makeIndex } from '../support/index-factory';
import { jsonLines, nsl, tempFileWriter } from '../support/nsl-cli';

const file = tempFileWriter();

/** Some tests start four command lines in a row: seconds each on a busy two-core machine. */
const PROCESSES_TIMEOUT = 60_000;

/**
 * A key pair written as `index keygen` writes it, but made in this process: each command line
 * started costs seconds on a busy machine, and only the keygen test is about keygen itself.
 */
async function writeKeyPair(dir: string): Promise<void> {
  const { secretKey, publicKey } = await ed.keygenAsync();
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'index-signing.key'), `${toBase64(secretKey)}\n`, { mode: 0o600 });
  writeFileSync(join(dir, 'index-signing.pub'), `${toBase64(publicKey)}\n`);
}

describe('nsl index keygen, publish and verify', { timeout: PROCESSES_TIMEOUT }, () => {
  /** A fresh folder with a new key pair in keys/ and nothing published yet: no test uses another's files (issue 26). */
  const withKeys = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-'));
    const keys = join(dir, 'keys');
    await writeKeyPair(keys);
    return { dir, keys, out: join(dir, 'site') };
  };

  it('makes a key pair once, refusing to overwrite it', () => {
    const keys = join(mkdtempSync(join(tmpdir(), 'nsl-keygen-')), 'keys');
    expect(nsl(['index', 'keygen', '--out', keys]).code).toBe(0);
    expect(readFileSync(join(keys, 'index-signing.pub'), 'utf8')).toMatch(/^[A-Za-z0-9+/]{43}=\n$/);
    const again = nsl(['index', 'keygen', '--out', keys]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists: refusing to overwrite/);
  });

  it('publishes a signed copy that verifies, and refuses an invalid index or a version that is not newer', async () => {
    const { keys, out } = await withKeys();
    expect(nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out, file('bad-index.json', '{}')]).stderr).toMatch(
      /refusing to publish an invalid index/,
    );
    expect(nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out]).code).toBe(0);
    const verified = nsl(['index', 'verify', out, '--pub', join(keys, 'index-signing.pub')]);
    expect(verified.code).toBe(0);
    expect(jsonLines(verified.stdout)[0]).toMatchObject({ valid: true, organisations: expect.any(Number) });
    const again = nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/not newer than the published/);
  });

  it('names the first failed check in one line', async () => {
    const { dir, keys, out } = await withKeys();
    expect(nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', out]).code).toBe(0);
    writeFileSync(join(out, 'index.json'), `${readFileSync(join(out, 'index.json'), 'utf8')} `);
    const tampered = nsl(['index', 'verify', out, '--pub', join(keys, 'index-signing.pub')]);
    expect(tampered.code).toBe(1);
    expect(tampered.stderr.trim()).toMatch(/^nsl: .*failed check "size": it is \d+ bytes, not the \d+ announced$/);
    const otherKeys = join(dir, 'other');
    await writeKeyPair(otherKeys);
    expect(nsl(['index', 'verify', out, '--pub', join(otherKeys, 'index-signing.pub')]).stderr).toMatch(/failed check "signature"/);
  });
});

describe('nsl index publish refuses a public key as the signing key (issue 17)', { timeout: PROCESSES_TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-keys-'));
  const keys = join(dir, 'keys');
  const other = join(dir, 'other');
  beforeAll(async () => {
    await writeKeyPair(keys);
    await writeKeyPair(other);
  });
  const publish = (key: string) => nsl(['index', 'publish', '--key', key, '--out', join(dir, 'site')]);
  const copy = (from: string, to: string) => {
    mkdirSync(join(to, '..'), { recursive: true });
    writeFileSync(to, readFileSync(from));
    return to;
  };

  it.each<[string, () => string, RegExp]>([
    ['the .pub file itself', () => join(keys, 'index-signing.pub'), /index-signing\.pub: is a public key \(\.pub\), not a signing key/],
    [
      'a public key copied into a .key file beside it',
      () => copy(join(keys, 'index-signing.pub'), join(keys, 'copied.key')),
      /copied\.key: is the public key in .*index-signing\.pub, not a signing key/,
    ],
    [
      'the project’s release public key, wherever it is copied',
      () => copy('assets/release-key.pub', join(dir, 'alone', 'release.key')),
      /release\.key: is the public key in .*assets\/release-key\.pub, not a signing key/,
    ],
    [
      'another pair’s private key beside this pair’s public key',
      () => {
        copy(join(keys, 'index-signing.pub'), join(dir, 'mixed', 'index-signing.pub'));
        return copy(join(other, 'index-signing.key'), join(dir, 'mixed', 'index-signing.key'));
      },
      /index-signing\.key: is not the private half of .*index-signing\.pub beside it/,
    ],
  ])('refuses %s in one line, publishing nothing', (_label, key, reason) => {
    const { code, stderr } = publish(key());
    expect(code).toBe(1);
    expect(stderr.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^nsl: .*${reason.source}`))]);
    expect(existsSync(join(dir, 'site'))).toBe(false);
  });

  it('still publishes with the private key of the pair', () => {
    const { code } = nsl(['index', 'publish', '--key', join(keys, 'index-signing.key'), '--out', join(dir, 'site-ok')]);
    expect(code).toBe(0);
  });
});

describe('nsl index publish and verify refuse what the extension would refuse (issue 17)', { timeout: PROCESSES_TIMEOUT }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-publish-17-'));
  const keys = join(dir, 'keys');
  const out = join(dir, 'site');
  const key = join(keys, 'index-signing.key');
  const pub = join(keys, 'index-signing.pub');
  const bundled = JSON.parse(readFileSync('assets/index.json', 'utf8')) as ReturnType<typeof makeIndex>;
  /** The bundled index one version on, keeping only its first `kept` organisations. */
  const nextRelease = (name: string, kept: number) =>
    file(name, JSON.stringify({ ...bundled, indexVersion: bundled.indexVersion + 1, organisations: bundled.organisations.slice(0, kept) }));
  const oneLine = (run: { code: number | null; stderr: string }, message: RegExp) => {
    expect(run.code).toBe(1);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr.trim()).toMatch(message);
  };

  // A published copy of the bundled index, which every test below reads and none changes.
  beforeAll(async () => {
    await writeKeyPair(keys);
    expect(nsl(['index', 'publish', '--key', key, '--out', out]).code).toBe(0);
  });

  it('refuses to publish a release that drops more than a fifth of the organisations published before, saying how many', () => {
    const total = bundled.organisations.length;
    const kept = Math.floor(total * 0.7);
    oneLine(
      nsl(['index', 'publish', '--key', key, '--out', out, nextRelease('shrunk.json', kept)]),
      new RegExp(
        `^nsl: .*refusing to publish over .*index\\.json: it would drop ${total - kept} of the ${total} installed organisations \\(more than a fifth\\)$`,
      ),
    );
  });

  it('verify --installed applies the same rule to a published copy', () => {
    const total = bundled.organisations.length;
    const kept = Math.floor(total * 0.7);
    const shrunk = join(dir, 'shrunk-site');
    expect(nsl(['index', 'publish', '--key', key, '--out', shrunk, nextRelease('shrunk-2.json', kept)]).code).toBe(0);
    expect(nsl(['index', 'verify', shrunk, '--pub', pub]).code).toBe(0);
    oneLine(
      nsl(['index', 'verify', shrunk, '--pub', pub, '--installed', 'assets/index.json']),
      new RegExp(
        `failed check "validation": it would drop ${total - kept} of the ${total} installed organisations \\(more than a fifth\\)$`,
      ),
    );
    oneLine(nsl(['index', 'verify', shrunk, '--pub', pub, '--installed', 'assets/index.json', '--installed-version', '1']), /not both/);
  });

  it.each([
    ['cut short', (manifest: string) => manifest.slice(0, 30), /failed check "manifest": the manifest is not JSON/],
    ['that is null', () => 'null', /failed check "manifest": the manifest is malformed at its top level/],
    [
      'with a version of 1.7e308',
      (manifest: string) => manifest.replace(/"indexVersion": \d+/, '"indexVersion": 1.7e308'),
      /malformed at indexVersion/,
    ],
  ])('verify exits 1 with one line for a manifest %s, and publish refuses to overwrite it', (label, spoil, message) => {
    const site = join(dir, `spoilt-${label.replace(/\W+/g, '-')}`);
    cpSync(out, site, { recursive: true });
    writeFileSync(join(site, 'manifest.json'), spoil(readFileSync(join(site, 'manifest.json'), 'utf8')));
    oneLine(nsl(['index', 'verify', site, '--pub', pub]), message);
    oneLine(
      nsl(['index', 'publish', '--key', key, '--out', site, nextRelease('next.json', bundled.organisations.length)]),
      /^nsl: .*manifest\.json: the manifest is (not JSON|malformed).*; fix or remove it before publishing over it$/,
    );
  });
});
