// @vitest-environment node
/**
 * Refreshing the installed index (lib/browser/refresh.ts) in Node, against a fetch stub: the
 * cases a real server cannot easily stage (a body that trickles for ever, one that never ends) and
 * the roll-back rules of issue 17. tests/e2e/refresh.test.ts runs the same paths in Chromium.
 */
import 'fake-indexeddb/auto';
import * as ed from '@noble/ed25519';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createBackgroundService } from '../../lib/browser/background-service';
import { DB_NAME, type NslDatabase, openIndexDb } from '../../lib/browser/db';
import { ensureIndexInstalled, installedIndexMeta, installIndex } from '../../lib/browser/index-store';
import { type RefreshDeps, readRefreshStatus, refreshIndex, rollBack, rollBackProblem } from '../../lib/browser/refresh';
import { createTabResults } from '../../lib/browser/tab-results';
import type { NhsIndex, Organisation } from '../../lib/index/schema';
import { serialiseIndex } from '../../lib/index-build/serialise-index';
import { MAX_MANIFEST_BYTES, sha256Hex, signManifest } from '../../lib/refresh/published';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import { makeIndex, makeOrganisation } from '../support/index-factory';

const NOW = new Date('2026-11-25T09:00:00Z');
const SOURCE = 'https://index.example.org/published';
const { secretKey, publicKey } = await ed.keygenAsync();
const other = await ed.keygenAsync();
const ORGANISATIONS: Organisation[] = Array.from({ length: 10 }, (_, i) => makeOrganisation({ id: `R${i}0A`, domains: [] }));
const indexAt = (indexVersion: number, organisations = ORGANISATIONS): NhsIndex => makeIndex(organisations, { indexVersion });

/** A published copy of `index`: its manifest signed with `key` (as text) and its body. */
async function publish(index: NhsIndex, key = secretKey): Promise<{ manifest: string; body: Uint8Array }> {
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
    },
    key,
  );
  return { manifest: JSON.stringify(manifest), body };
}

type Answer = (init: RequestInit | undefined) => Response;
/** A fetch that answers the manifest and the index as the test says, recording what was asked. */
function stubFetch(answers: { manifest: Answer; index?: Answer }) {
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const url = String(input);
    requests.push({ url, headers: { ...(init?.headers as Record<string, string> | undefined) } });
    if (url === `${SOURCE}/manifest.json`) return answers.manifest(init);
    if (url === `${SOURCE}/index.json` && answers.index) return answers.index(init);
    return new Response('not found', { status: 404 });
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}

/** Serves a copy with an ETag, answering 304 when the client already holds it. */
function serving({ manifest, body }: { manifest: string; body: Uint8Array }, etag: string) {
  return stubFetch({
    manifest: (init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      return headers['if-none-match'] === etag
        ? new Response(null, { status: 304, headers: { etag } })
        : new Response(manifest, { headers: { etag } });
    },
    index: () => new Response(body as Uint8Array<ArrayBuffer>),
  });
}

let db: NslDatabase;
const deps = (fetch: typeof globalThis.fetch, timeoutMs = 1000): RefreshDeps => ({
  db,
  fetch,
  publicKey,
  extensionVersion: '0.1.0',
  source: SOURCE,
  now: () => NOW,
  timeoutMs,
});

beforeEach(async () => {
  await new Promise<void>((resolve, reject) => {
    const request = indexedDB.deleteDatabase(DB_NAME);
    request.onsuccess = () => resolve();
    request.onerror = () => reject(request.error);
  });
  db = await openIndexDb();
  await installIndex(db, indexAt(5), 'bundled', NOW);
});

afterEach(() => db.close());

describe('refreshIndex', () => {
  it('installs a good, newer, signed copy and keeps its ETag', async () => {
    const { fetch } = serving(await publish(indexAt(6)), '"v6"');
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'updated', indexVersion: 6 });
    expect((await installedIndexMeta(db))?.indexVersion).toBe(6);
    expect((await readRefreshStatus(db)).etag).toBe('"v6"');
  });

  it('refuses a signed copy that would drop more than a fifth of the installed organisations, keeping the installed index', async () => {
    const { fetch } = serving(await publish(indexAt(6, ORGANISATIONS.slice(0, 7))), '"v6"');
    expect(await refreshIndex(deps(fetch))).toEqual({
      outcome: 'failed',
      check: 'validation',
      reason: 'it would drop 3 of the 10 installed organisations (more than a fifth)',
    });
    expect(await installedIndexMeta(db)).toMatchObject({ indexVersion: 5, organisationCount: 10 });
  });

  it('accepts one that drops a fifth of them', async () => {
    const { fetch } = serving(await publish(indexAt(6, ORGANISATIONS.slice(0, 8))), '"v6"');
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'updated', indexVersion: 6 });
  });
});

describe('refreshIndex trusts nothing whose signature fails (issue 26)', () => {
  /** The copy of `indexAt(6)`, its manifest spoilt by `spoil` after signing. */
  const spoilt = async (spoil: (manifest: Record<string, unknown>) => Record<string, unknown>) => {
    const { manifest, body } = await publish(indexAt(6));
    return { manifest: JSON.stringify(spoil(JSON.parse(manifest) as Record<string, unknown>)), body };
  };

  it.each<[string, () => Promise<{ manifest: string; body: Uint8Array }>]>([
    ['signed by another key', async () => publish(indexAt(6), other.secretKey)],
    ['whose version was changed after signing', () => spoilt((m) => ({ ...m, indexVersion: 7 }))],
    ['whose hash was changed after signing', () => spoilt((m) => ({ ...m, sha256: 'f'.repeat(64) }))],
    ['whose signature is all zeros', () => spoilt((m) => ({ ...m, signature: `${'A'.repeat(86)}==` }))],
  ])('refuses a manifest %s: the index is never downloaded, the installed one stays and the reason is kept', async (_label, copy) => {
    const { fetch, requests } = serving(await copy(), '"v6"');
    const reason = 'the signature does not match the key this extension trusts';
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'failed', check: 'signature', reason });
    expect(requests.map((r) => r.url)).toEqual([`${SOURCE}/manifest.json`]);
    expect(await installedIndexMeta(db)).toMatchObject({ indexVersion: 5, origin: 'bundled' });
    expect(await readRefreshStatus(db)).toMatchObject({
      consecutiveFailures: 1,
      lastError: { check: 'signature', reason },
      notBefore: new Date(NOW.getTime() + 3_600_000).toISOString(),
    });
    expect((await readRefreshStatus(db)).etag).toBeUndefined();
  });
});

describe('refreshIndex reads the manifest within the deadline and the size cap (issue 17)', () => {
  /** A body that sends a byte now and then and never ends. */
  const trickling = () => {
    let timer: ReturnType<typeof setInterval> | undefined;
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{'));
        timer = setInterval(() => controller.enqueue(new TextEncoder().encode(' ')), 20);
      },
      cancel() {
        clearInterval(timer);
      },
    });
    return { stream, stop: () => clearInterval(timer) };
  };

  it('gives up on a manifest that trickles in for ever', async () => {
    const { stream, stop } = trickling();
    const { fetch } = stubFetch({ manifest: () => new Response(stream) });
    const started = Date.now();
    try {
      expect(await refreshIndex(deps(fetch, 200))).toEqual({
        outcome: 'failed',
        check: 'download',
        reason: 'the manifest did not finish downloading within 0.2 seconds',
      });
    } finally {
      stop();
    }
    expect(Date.now() - started).toBeLessThan(3000);
    expect(await readRefreshStatus(db)).toMatchObject({ consecutiveFailures: 1, lastError: { check: 'download' } });
  }, 5000);

  it('gives up on a manifest whose body never starts, even when the fetch ignores its abort signal', async () => {
    const { fetch } = stubFetch({ manifest: () => new Response(new ReadableStream<Uint8Array>()) });
    expect(await refreshIndex(deps(fetch, 200))).toMatchObject({ outcome: 'failed', check: 'download', reason: /did not finish/ });
  }, 5000);

  it('gives up on a fetch that never answers', async () => {
    const never = (async () => new Promise<Response>(() => undefined)) as typeof globalThis.fetch;
    expect(await refreshIndex(deps(never, 200))).toEqual({
      outcome: 'failed',
      check: 'download',
      reason: 'no answer for the manifest within 0.2 seconds',
    });
  }, 5000);

  it('refuses a huge manifest, even one that is a valid signed manifest padded with spaces', async () => {
    const { manifest, body } = await publish(indexAt(6));
    const padded = `${' '.repeat(1_000_000)}${manifest}`;
    const { fetch } = stubFetch({ manifest: () => new Response(padded), index: () => new Response(body as Uint8Array<ArrayBuffer>) });
    expect(await refreshIndex(deps(fetch))).toEqual({
      outcome: 'failed',
      check: 'manifest',
      reason: `the manifest is larger than ${MAX_MANIFEST_BYTES} bytes`,
    });
    expect((await installedIndexMeta(db))?.indexVersion).toBe(5);
  });

  it('stops reading a manifest that never ends as soon as it passes the cap', async () => {
    const chunk = new Uint8Array(16 * 1024).fill(32);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        // A safety stop far past the cap, so a refresh that read on would fail rather than fill memory.
        if (sent > 64 * 1024 * 1024) return controller.error(new Error('read far past the cap'));
        sent += chunk.length;
        controller.enqueue(chunk);
      },
    });
    const { fetch } = stubFetch({ manifest: () => new Response(endless) });
    expect(await refreshIndex(deps(fetch, 10_000))).toMatchObject({
      outcome: 'failed',
      check: 'manifest',
      reason: /larger than 65536 bytes/,
    });
    expect(sent).toBeLessThanOrEqual(MAX_MANIFEST_BYTES + 3 * chunk.length);
  });
});

describe('rollBack (issue 17)', () => {
  it('after a roll back, "Update now" brings the newer index back instead of hearing "not modified"', async () => {
    const { fetch, requests } = serving(await publish(indexAt(6)), '"v6"');
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'updated', indexVersion: 6 });
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'not-modified' });

    expect(await rollBack(db, NOW, 5)).toMatchObject({ rolledBack: true, meta: { indexVersion: 5 } });
    expect((await readRefreshStatus(db)).etag).toBeUndefined();
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'updated', indexVersion: 6 });
    expect(requests.filter((r) => r.url.endsWith('/manifest.json')).map((r) => r.headers['if-none-match'])).toEqual([
      undefined,
      '"v6"',
      undefined,
    ]);
  });

  it('never goes below the bundled index: refuses a snapshot older than it, saying why, and keeps the installed index', async () => {
    // Version 3 was installed, a refresh brought 4 (keeping 3 for roll back), then an extension
    // update bundled version 5, which replaced 4.
    await installIndex(db, indexAt(3), 'bundled', NOW);
    const { fetch } = serving(await publish(indexAt(4)), '"v4"');
    expect(await refreshIndex(deps(fetch))).toEqual({ outcome: 'updated', indexVersion: 4 });
    await ensureIndexInstalled(
      db,
      5,
      async () => indexAt(5),
      () => NOW,
    );

    const reason = 'the earlier index (version 3) is older than the one bundled with the extension (version 5)';
    expect(await rollBackProblem(db, 5)).toBe(reason);
    expect(await rollBack(db, NOW, 5)).toEqual({ rolledBack: false, reason });
    expect((await installedIndexMeta(db))?.indexVersion).toBe(5);
    // A snapshot as new as the bundled index may be put back.
    expect(await rollBackProblem(db, 3)).toBeUndefined();
  });

  it('says there is nothing to roll back to when no earlier index was kept', async () => {
    expect(await rollBack(db, NOW, 5)).toEqual({ rolledBack: false, reason: 'there is no earlier index to roll back to' });
  });

  it('the options page’s Roll back button is off when the earlier index is older than the bundled one', async () => {
    await installIndex(db, indexAt(3), 'bundled', NOW);
    const { fetch } = serving(await publish(indexAt(4)), '"v4"');
    await refreshIndex(deps(fetch));
    db.close();
    const service = (bundledIndexVersion: number) =>
      createBackgroundService({
        openDb: async () => (db = await openIndexDb()),
        bundledIndexVersion,
        loadBundledIndex: async () => indexAt(bundledIndexVersion),
        refresh: { fetch, publicKey, defaultSource: SOURCE, extensionVersion: '0.1.0', timeoutMs: 1000 },
        live: { fetch, timeoutMs: 1000, hasHost: async () => false },
        tabResults: createTabResults({ get: async () => ({}), set: async () => undefined, remove: async () => undefined }),
        action: { setBadgeText: async () => undefined, setBadgeBackgroundColor: async () => undefined, setTitle: async () => undefined },
        now: () => NOW,
        settings: async () => DEFAULT_SETTINGS,
      });

    const before = service(3);
    expect((await before.handlers['ui-bg-get-index-status']({}, { id: 'ext' })).canRollBack).toBe(true);
    (await before.database()).close();

    const updated = service(5);
    expect((await updated.handlers['ui-bg-get-index-status']({}, { id: 'ext' })).canRollBack).toBe(false);
    expect(await updated.handlers['ui-bg-rollback-index']({}, { id: 'ext' })).toEqual({
      rolledBack: false,
      reason: 'the earlier index (version 3) is older than the one bundled with the extension (version 5)',
    });
  });
});
