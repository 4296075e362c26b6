import * as ed from '@noble/ed25519';
import { describe, expect, it } from 'vitest';
import { MAX_INDEX_VERSION } from '../../lib/index/schema';
import { serialiseIndex } from '../../lib/index-build/serialise-index';
import {
  checkIndexBody,
  checkManifest,
  compareVersions,
  MANIFEST_FORMAT,
  MAX_INDEX_BYTES,
  type PublishedManifest,
  sha256Hex,
  signManifest,
  type UnsignedManifest,
} from '../../lib/refresh/published';
import { makeIndex, makeOrganisation } from '../support/index-factory';

const { secretKey, publicKey } = await ed.keygenAsync();
const other = await ed.keygenAsync();
const index = makeIndex(undefined, { indexVersion: 5 });
const body = new TextEncoder().encode(serialiseIndex(index));
const base: UnsignedManifest = {
  format: MANIFEST_FORMAT,
  indexVersion: 5,
  generatedAt: index.generatedAt,
  schemaVersion: 1,
  minExtensionVersion: '0.1.0',
  bytes: body.length,
  sha256: await sha256Hex(body),
};
const context = { publicKey, extensionVersion: '0.1.0', installedVersion: 4 };
const signed = (changes: Partial<UnsignedManifest> = {}, key = secretKey) => signManifest({ ...base, ...changes }, key);
const text = (manifest: PublishedManifest | Record<string, unknown>) => JSON.stringify(manifest);

describe('checkManifest', () => {
  it('accepts a good manifest', async () => {
    expect(await checkManifest(text(await signed()), context)).toMatchObject({ ok: true });
  });

  it.each<[string, () => Promise<string>, string]>([
    ['an HTML error page', async () => '<html><body>502 Bad Gateway</body></html>', 'manifest'],
    ['a manifest missing its hash', async () => text({ ...(await signed()), sha256: undefined }), 'manifest'],
    ['a tampered field', async () => text({ ...(await signed()), indexVersion: 99 }), 'signature'],
    ['a signature by another key', async () => text(await signed({}, other.secretKey)), 'signature'],
    ['a schema version from the future', async () => text(await signed({ schemaVersion: 2 })), 'schema-version'],
    ['an index needing a newer extension', async () => text(await signed({ minExtensionVersion: '0.10.0' })), 'extension-version'],
    ['the same version as installed', async () => text(await signed({ indexVersion: 4 })), 'newer'],
    ['an older version', async () => text(await signed({ indexVersion: 3 })), 'newer'],
    ['an announced size over the cap', async () => text(await signed({ bytes: MAX_INDEX_BYTES + 1 })), 'announced-size'],
    // issue 17: a signed version nothing can exceed would freeze updates for ever.
    ['a version of 1.7e308', async () => text(await signed({ indexVersion: 1.7e308 })), 'manifest'],
    ['a version past the bound', async () => text(await signed({ indexVersion: MAX_INDEX_VERSION + 1 })), 'manifest'],
    ['a truncated manifest', async () => text(await signed()).slice(0, 40), 'manifest'],
  ])('refuses %s at the "%s" check', async (_label, manifest, check) => {
    const result = await checkManifest(await manifest(), context);
    expect(result).toMatchObject({ ok: false, check });
    if (!result.ok) expect(result.reason).toMatch(/\w/);
  });
});

describe('checkIndexBody', () => {
  it('accepts the body the manifest describes', async () => {
    const result = await checkIndexBody(body, await signed());
    expect(result.ok && result.value.indexVersion).toBe(5);
  });

  it.each<[string, () => Promise<[Uint8Array, PublishedManifest]>, string]>([
    ['a truncated body', async () => [body.slice(0, 100), await signed()], 'size'],
    ['a body larger than announced', async () => [new Uint8Array([...body, 32]), await signed()], 'size'],
    ['a body with another hash', async () => [new Uint8Array(body).map((b, i) => (i === 10 ? b ^ 1 : b)), await signed()], 'hash'],
    [
      'a body that is not a valid index',
      async () => {
        const bad = new TextEncoder().encode('{"schemaVersion":1}');
        return [bad, await signed({ bytes: bad.length, sha256: await sha256Hex(bad) })];
      },
      'validation',
    ],
    [
      'an index whose version differs from the manifest',
      async () => {
        const v6 = new TextEncoder().encode(serialiseIndex({ ...index, indexVersion: 6 }));
        return [v6, await signed({ bytes: v6.length, sha256: await sha256Hex(v6) })];
      },
      'validation',
    ],
  ])('refuses %s at the "%s" check', async (_label, make, check) => {
    const [candidate, manifest] = await make();
    expect(await checkIndexBody(candidate, manifest)).toMatchObject({ ok: false, check });
  });
});

describe('checkIndexBody against the installed organisations (issue 17)', () => {
  const organisations = Array.from({ length: 10 }, (_, i) => makeOrganisation({ id: `R${i}0A`, domains: [] }));
  const installedIds = organisations.map((o) => o.id);
  const publish = async (kept: number) => {
    const candidate = new TextEncoder().encode(serialiseIndex(makeIndex(organisations.slice(0, kept), { indexVersion: 5 })));
    return [candidate, await signed({ bytes: candidate.length, sha256: await sha256Hex(candidate) })] as const;
  };

  it('refuses a copy that drops more than a fifth of them, saying how many', async () => {
    const [candidate, manifest] = await publish(7);
    expect(await checkIndexBody(candidate, manifest, { installedIds })).toEqual({
      ok: false,
      check: 'validation',
      reason: 'it would drop 3 of the 10 installed organisations (more than a fifth)',
    });
  });

  it('accepts one that drops a fifth, and any copy when no installed index is given', async () => {
    expect(await checkIndexBody(...(await publish(8)), { installedIds })).toMatchObject({ ok: true });
    expect(await checkIndexBody(...(await publish(1)))).toMatchObject({ ok: true });
  });
});

describe('compareVersions', () => {
  it.each([
    ['0.10.0', '0.9.3', 1],
    ['1.0.0', '1.0.0', 0],
    ['0.1.0', '0.1.1', -1],
  ])('%s vs %s is %i', (a, b, sign) => {
    expect(compareVersions(a, b)).toBe(sign);
  });
});
