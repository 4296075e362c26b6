// @vitest-environment node
/**
 * A published copy signed once, with the committed test key, and kept as it is
 * (tests/fixtures/published-copy): every other signature in the tests is made by the code under
 * test, so a change in what is signed (dropping `bytes` and `sha256`, say) would sign and verify
 * just as well and no test would notice (issue 26). Here the signature is fixed, so the verifier
 * must still accept it, `index publish` must still make it byte for byte, and changing a signed
 * field must still be refused.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkIndexBody, checkManifest, fromBase64, type PublishedManifest, sha256Hex, signedBytes } from '../../lib/refresh/published';
import { nsl } from '../support/nsl-cli';

const COPY = 'tests/fixtures/published-copy';
const KEY = 'tests/fixtures/keys/index-signing.key';
const publicKey = fromBase64(readFileSync('tests/fixtures/keys/index-signing.pub', 'utf8'));
const manifestText = readFileSync(join(COPY, 'manifest.json'), 'utf8');
const manifest = JSON.parse(manifestText) as PublishedManifest;
const body = new Uint8Array(readFileSync(join(COPY, 'index.json')));
// The extension version is pinned (publish would take package.json's), so a release bump leaves the fixture as it is.
const context = { publicKey, extensionVersion: '0.1.0', installedVersion: 0 };

describe('the committed published copy (issue 26)', () => {
  it('passes every check the extension and `index verify` make', async () => {
    const checked = await checkManifest(manifestText, context);
    expect(checked).toMatchObject({ ok: true });
    if (!checked.ok) return;
    const index = await checkIndexBody(body, checked.value);
    expect(index.ok && index.value.organisations.map((o) => o.id)).toEqual(['RRV']);
  });

  it('signs the size and the SHA-256 of the index, with every other field, in a fixed order', async () => {
    expect(new TextDecoder().decode(signedBytes(manifest))).toBe(
      `{"format":1,"indexVersion":3,"generatedAt":"2026-11-25T00:00:00.000Z","schemaVersion":1,"minExtensionVersion":"0.1.0",` +
        `"bytes":${body.length},"sha256":"${await sha256Hex(body)}"}`,
    );
  });

  it('is what `index publish` makes, byte for byte, from the same index and key', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'nsl-fixed-copy-')), 'site');
    const run = nsl(['index', 'publish', '--key', KEY, '--out', out, '--min-extension-version', '0.1.0', join(COPY, 'index.json')]);
    expect(run.stderr).not.toMatch(/^nsl:/m);
    expect(run.code).toBe(0);
    // Ed25519 signatures are deterministic, and the only date signed is the index's own generatedAt.
    expect(readFileSync(join(out, 'manifest.json'), 'utf8')).toBe(manifestText);
    expect(new Uint8Array(readFileSync(join(out, 'index.json')))).toEqual(body);
  });

  it.each<[string, Partial<PublishedManifest>]>([
    ['a size one byte larger', { bytes: manifest.bytes + 1 }],
    ['a size one byte smaller', { bytes: manifest.bytes - 1 }],
    ['another SHA-256', { sha256: `${manifest.sha256.slice(0, 63)}${manifest.sha256.endsWith('0') ? '1' : '0'}` }],
    ['the size and SHA-256 of another index', { bytes: 5, sha256: '0'.repeat(64) }],
    ['another version', { indexVersion: manifest.indexVersion + 1 }],
    ['another minimum extension version', { minExtensionVersion: '0.0.1' }],
  ])('refuses the copy with %s at the signature check', async (_label, change) => {
    const tampered = JSON.stringify({ ...manifest, ...change }, null, 2);
    expect(await checkManifest(tampered, context)).toEqual({
      ok: false,
      check: 'signature',
      reason: 'the signature does not match the key this extension trusts',
    });
  });
});
