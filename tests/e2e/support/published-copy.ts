import { readFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { NhsIndex } from '../../../lib/index/schema';
import { serialiseIndex } from '../../../lib/index-build/serialise-index';
import { fromBase64, type PublishedManifest, sha256Hex, signManifest, type UnsignedManifest } from '../../../lib/refresh/published';

const KEYS = join(process.cwd(), 'tests/fixtures/keys');

/** The test key pair: builds made with `TEST_PUBLIC_KEY` trust copies signed with `TEST_SECRET`. */
export const TEST_SECRET = fromBase64(readFileSync(join(KEYS, 'index-signing.key'), 'utf8'));
export const TEST_PUBLIC_KEY = readFileSync(join(KEYS, 'index-signing.pub'), 'utf8');

/** Where the test builds look for the published copy (the fixture server answers for this host). */
export const INDEX_HOST = 'index.nhs-social-lens.test';

/** A JSON answer, for the fixture server's routes. */
export const send =
  (status: number, body: string | Uint8Array, headers: Record<string, string> = {}) =>
  (_req: unknown, res: ServerResponse) =>
    void res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(body);

/** `index` as a release publishes it: its bytes and a manifest signed with `key` (`changes` alter the manifest before signing). */
export async function publish(
  index: NhsIndex,
  changes: Partial<UnsignedManifest> = {},
  key = TEST_SECRET,
): Promise<{ manifest: PublishedManifest; body: Uint8Array }> {
  const body = new TextEncoder().encode(serialiseIndex(index));
  const manifest = await signManifest(
    {
      format: 1,
      indexVersion: index.indexVersion,
      generatedAt: index.generatedAt,
      schemaVersion: 1,
      minExtensionVersion: '0.1.0',
      bytes: body.length,
      sha256: await sha256Hex(body),
      ...changes,
    },
    key,
  );
  return { manifest, body };
}
