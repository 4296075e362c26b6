/**
 * Refreshing the installed index from a published copy (docs/publishing.md). Nothing is trusted
 * until every check has passed: the manifest is fetched with If-None-Match, checked (signature,
 * format, extension version, newer, size cap), then the index is downloaded with a stop as soon
 * as it exceeds the announced size, hashed and validated, and only then swapped in, in one
 * transaction, keeping the previous index for roll-back. On any failure the installed index stays,
 * the reason is recorded in plain words, and scheduled attempts back off.
 */

import { type NhsIndex, SCHEMA_VERSION } from '../index/schema';
import { type Checked, checkIndexBody, checkManifest } from '../refresh/published';
import type { InstalledIndexMeta, NslDatabase, RefreshStatus } from './db';
import { getOrganisation, installedIndexMeta, installIndex } from './index-store';

export interface RefreshDeps {
  db: NslDatabase;
  fetch: typeof fetch;
  publicKey: Uint8Array;
  extensionVersion: string;
  /** The folder the copy is published in (…/manifest.json and …/index.json), if any. */
  source: string | undefined;
  now: () => Date;
  timeoutMs: number;
}

export type RefreshOutcome =
  | { outcome: 'updated'; indexVersion: number }
  | { outcome: 'not-modified' }
  | { outcome: 'no-source' }
  | { outcome: 'failed'; check: string; reason: string };

const HOUR_MS = 3_600_000;
const MAX_BACKOFF_MS = 7 * 24 * HOUR_MS;

export async function readRefreshStatus(db: NslDatabase): Promise<RefreshStatus> {
  return (await db.get('refresh', 'status')) ?? { consecutiveFailures: 0 };
}

/** True when a scheduled refresh should wait: the last attempts failed and the back-off has not passed. */
export async function shouldWait(db: NslDatabase, now: Date): Promise<boolean> {
  const { notBefore } = await readRefreshStatus(db);
  return notBefore !== undefined && Date.parse(notBefore) > now.getTime();
}

/** Checks the published copy once and installs it if, and only if, every check passes. */
export async function refreshIndex(deps: RefreshDeps): Promise<RefreshOutcome> {
  const status = await readRefreshStatus(deps.db);
  const now = deps.now().toISOString();
  if (!deps.source) return { outcome: 'no-source' };
  const fail = async (check: string, reason: string): Promise<RefreshOutcome> => {
    const failures = status.consecutiveFailures + 1;
    const wait = Math.min(HOUR_MS * 2 ** (failures - 1), MAX_BACKOFF_MS);
    await deps.db.put(
      'refresh',
      {
        ...status,
        lastCheck: now,
        lastError: { check, reason, at: now },
        consecutiveFailures: failures,
        notBefore: new Date(deps.now().getTime() + wait).toISOString(),
      },
      'status',
    );
    return { outcome: 'failed', check, reason };
  };

  const base = deps.source.replace(/\/+$/, '');
  const manifestAnswer = await fetchWithTimeout(deps, `${base}/manifest.json`, status.etag ? { 'if-none-match': status.etag } : {});
  if (!manifestAnswer.ok) return fail('download', manifestAnswer.reason);
  const response = manifestAnswer.response;
  if (response.status === 304) {
    const { notBefore: _notBefore, ...rest } = status;
    await deps.db.put('refresh', { ...rest, lastCheck: now, consecutiveFailures: 0 }, 'status');
    return { outcome: 'not-modified' };
  }
  if (!response.ok) return fail('download', `the server answered HTTP ${response.status} for the manifest`);
  const installed = await installedIndexMeta(deps.db);
  const manifest = await checkManifest(await response.text(), {
    publicKey: deps.publicKey,
    extensionVersion: deps.extensionVersion,
    installedVersion: installed?.indexVersion ?? 0,
  });
  if (!manifest.ok) return fail(manifest.check, manifest.reason);

  const body = await downloadCapped(deps, `${base}/index.json`, manifest.value.bytes);
  if (!body.ok) return fail(body.check, body.reason);
  const index = await checkIndexBody(body.value, manifest.value);
  if (!index.ok) return fail(index.check, index.reason);

  await keepForRollback(deps.db, installed);
  await installIndex(deps.db, index.value, 'refresh', deps.now());
  await deps.db.put(
    'refresh',
    {
      lastCheck: now,
      lastSuccess: now,
      consecutiveFailures: 0,
      ...(response.headers.get('etag') ? { etag: response.headers.get('etag') ?? '' } : {}),
    },
    'status',
  );
  return { outcome: 'updated', indexVersion: index.value.indexVersion };
}

/** Puts back the index that was installed before the current one. */
export async function rollBack(db: NslDatabase, now: Date): Promise<InstalledIndexMeta | undefined> {
  const previous = await db.get('snapshots', 'previous');
  if (previous === undefined) return undefined;
  const current = await installedIndexMeta(db);
  await keepForRollback(db, current);
  return installIndex(db, previous.index, previous.origin, now);
}

/** Copies the installed index into the snapshot store before it is replaced. */
async function keepForRollback(db: NslDatabase, meta: InstalledIndexMeta | undefined): Promise<void> {
  if (meta === undefined) return;
  const organisations = await Promise.all((await db.getAllKeys('organisations')).map((id) => getOrganisation(db, id)));
  const index: NhsIndex = {
    schemaVersion: SCHEMA_VERSION,
    indexVersion: meta.indexVersion,
    generatedAt: meta.generatedAt,
    sources: meta.sources,
    organisations: organisations.filter((o) => o !== undefined),
  };
  await db.put('snapshots', { index, origin: meta.origin }, 'previous');
}

async function fetchWithTimeout(
  deps: RefreshDeps,
  url: string,
  headers: Record<string, string>,
): Promise<{ ok: true; response: Response } | { ok: false; reason: string }> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    return { ok: true, response: await deps.fetch(url, { headers, signal: controller.signal, cache: 'no-cache', credentials: 'omit' }) };
  } catch {
    return {
      ok: false,
      reason: controller.signal.aborted
        ? `no answer within ${Math.round(deps.timeoutMs / 1000)} seconds`
        : 'the server could not be reached',
    };
  } finally {
    clearTimeout(timer);
  }
}

/** Downloads at most `announced` bytes: a body that grows past it is abandoned at once. */
async function downloadCapped(deps: RefreshDeps, url: string, announced: number): Promise<Checked<Uint8Array>> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  try {
    const response = await deps.fetch(url, { signal: controller.signal, cache: 'no-cache', credentials: 'omit' });
    if (!response.ok || response.body === null)
      return { ok: false, check: 'size', reason: `the server answered HTTP ${response.status} for the index` };
    const reader = response.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > announced) {
        controller.abort();
        return { ok: false, check: 'size', reason: `it is larger than the ${announced} bytes announced` };
      }
      chunks.push(value);
    }
    const body = new Uint8Array(total);
    let offset = 0;
    for (const chunk of chunks) {
      body.set(chunk, offset);
      offset += chunk.length;
    }
    return { ok: true, value: body };
  } catch {
    return {
      ok: false,
      check: 'size',
      reason: controller.signal.aborted
        ? `the download did not finish within ${Math.round(deps.timeoutMs / 1000)} seconds`
        : 'the download broke off',
    };
  } finally {
    clearTimeout(timer);
  }
}
