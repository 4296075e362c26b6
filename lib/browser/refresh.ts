/**
 * Refreshing the installed index from a published copy (docs/publishing.md). Nothing is trusted
 * until every check has passed: the manifest is fetched with If-None-Match (within the same
 * deadline and a 64 KB cap), checked (signature, format, extension version, newer, size cap),
 * then the index is downloaded with a stop as soon as it exceeds the announced size, hashed,
 * validated and compared with the installed organisations, and only then swapped in, in one
 * transaction, keeping the previous index for roll-back. On any failure the installed index stays,
 * the reason is recorded in plain words, and scheduled attempts back off.
 */

import { type NhsIndex, SCHEMA_VERSION } from '../index/schema';
import { cappedFetch } from '../net/capped-fetch';
import { checkIndexBody, checkManifest, MAX_MANIFEST_BYTES } from '../refresh/published';
import type { RefreshOutcome } from '../refresh/refresh-outcome';
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
  // The manifest is read like the index: one deadline for the answer and its body, and a cap on
  // its size, so a manifest that trickles in or never ends cannot hold the refresh (issue 17).
  const manifestAnswer = await download(deps, `${base}/manifest.json`, {
    what: 'the manifest',
    cap: MAX_MANIFEST_BYTES,
    headers: status.etag ? { 'if-none-match': status.etag } : {},
  });
  if (!manifestAnswer.ok) return fail(manifestAnswer.tooLarge ? 'manifest' : 'download', manifestAnswer.reason);
  if (manifestAnswer.status === 304) {
    const { notBefore: _notBefore, ...rest } = status;
    await deps.db.put('refresh', { ...rest, lastCheck: now, consecutiveFailures: 0 }, 'status');
    return { outcome: 'not-modified' };
  }
  if (!isSuccess(manifestAnswer.status)) return fail('download', `the server answered HTTP ${manifestAnswer.status} for the manifest`);
  const installed = await installedIndexMeta(deps.db);
  const manifest = await checkManifest(new TextDecoder().decode(manifestAnswer.body), {
    publicKey: deps.publicKey,
    extensionVersion: deps.extensionVersion,
    installedVersion: installed?.indexVersion ?? 0,
  });
  if (!manifest.ok) return fail(manifest.check, manifest.reason);

  const announced = manifest.value.bytes;
  const body = await download(deps, `${base}/index.json`, { what: 'the index', cap: announced });
  if (!body.ok) return fail('size', body.tooLarge ? `it is larger than the ${announced} bytes announced` : body.reason);
  if (!isSuccess(body.status)) return fail('size', `the server answered HTTP ${body.status} for the index`);
  const index = await checkIndexBody(body.body, manifest.value, { installedIds: await deps.db.getAllKeys('organisations') });
  if (!index.ok) return fail(index.check, index.reason);

  await keepForRollback(deps.db, installed);
  await installIndex(deps.db, index.value, 'refresh', deps.now());
  const etag = manifestAnswer.etag;
  await deps.db.put('refresh', { lastCheck: now, lastSuccess: now, consecutiveFailures: 0, ...(etag ? { etag } : {}) }, 'status');
  return { outcome: 'updated', indexVersion: index.value.indexVersion };
}

export type RollBackOutcome = { rolledBack: true; meta: InstalledIndexMeta } | { rolledBack: false; reason: string };

const NO_SNAPSHOT = 'there is no earlier index to roll back to';

/** Why the kept snapshot cannot be put back, or undefined when it can (for the Roll back button). */
export async function rollBackProblem(db: NslDatabase, bundledVersion: number): Promise<string | undefined> {
  return snapshotProblem((await db.get('snapshots', 'previous'))?.index.indexVersion, bundledVersion);
}

function snapshotProblem(snapshotVersion: number | undefined, bundledVersion: number): string | undefined {
  if (snapshotVersion === undefined) return NO_SNAPSHOT;
  // The bundled index is the floor (ensureIndexInstalled): an older copy would be replaced by it
  // at the next start, so rolling back to one would not last (issue 17).
  if (snapshotVersion < bundledVersion)
    return `the earlier index (version ${snapshotVersion}) is older than the one bundled with the extension (version ${bundledVersion})`;
  return undefined;
}

/**
 * Puts back the index that was installed before the current one, never one older than the
 * bundled index. The stored ETag is forgotten, so "Update now" fetches the manifest afresh and
 * can bring the newer copy back rather than hearing "not modified" (issue 17).
 */
export async function rollBack(db: NslDatabase, now: Date, bundledVersion: number): Promise<RollBackOutcome> {
  const previous = await db.get('snapshots', 'previous');
  const problem = snapshotProblem(previous?.index.indexVersion, bundledVersion);
  if (problem !== undefined || previous === undefined) return { rolledBack: false, reason: problem ?? NO_SNAPSHOT };
  const current = await installedIndexMeta(db);
  await keepForRollback(db, current);
  const meta = await installIndex(db, previous.index, previous.origin, now);
  const { etag: _etag, ...status } = await readRefreshStatus(db);
  await db.put('refresh', status, 'status');
  return { rolledBack: true, meta };
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

const isSuccess = (status: number) => status >= 200 && status < 300;

type Download = { ok: true; status: number; etag: string | undefined; body: Uint8Array } | { ok: false; reason: string; tooLarge: boolean };

interface DownloadRequest {
  /** What is downloaded, as a reason names it ("the manifest"). */
  what: string;
  /** The most bytes read: one more and the download is abandoned. */
  cap: number;
  headers?: Record<string, string>;
}

/**
 * Downloads at most `cap` bytes within `deps.timeoutMs`, for the answer and its body together
 * (lib/net/capped-fetch.ts): a body announced or growing past the cap is abandoned at once, and
 * one that stops or trickles is abandoned at the deadline, even when the fetch ignores its abort
 * signal. Only a success's body is read.
 */
async function download(deps: RefreshDeps, url: string, { what, cap, headers = {} }: DownloadRequest): Promise<Download> {
  const fetched = await cappedFetch({
    fetch: deps.fetch,
    url,
    init: { headers, cache: 'no-cache', credentials: 'omit' },
    timeoutMs: deps.timeoutMs,
    maxBytes: cap,
    wantBody: (response) => isSuccess(response.status),
  });
  if (fetched.ok) {
    const { response, body } = fetched;
    return { ok: true, status: response.status, etag: response.headers.get('etag') ?? undefined, body: body ?? new Uint8Array(0) };
  }
  switch (fetched.problem) {
    case 'too-large':
      return { ok: false, tooLarge: true, reason: `${what} is larger than ${cap} bytes` };
    case 'unreachable':
      return { ok: false, tooLarge: false, reason: 'the server could not be reached' };
    case 'broken':
      return { ok: false, tooLarge: false, reason: `the download of ${what} broke off` };
    case 'timeout':
      return {
        ok: false,
        tooLarge: false,
        reason:
          fetched.stage === 'answer'
            ? `no answer for ${what} within ${seconds(deps)}`
            : `${what} did not finish downloading within ${seconds(deps)}`,
      };
  }
}

const seconds = (deps: RefreshDeps) => `${deps.timeoutMs / 1000} seconds`;
