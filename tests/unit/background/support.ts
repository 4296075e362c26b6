/**
 * The background service under test, with stand-ins for the browser's parts: an empty
 * fake-indexeddb database for each test, session storage in memory, and a badge that records
 * what it was told.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach } from 'vitest';
import { createBackgroundService } from '../../../lib/browser/background-service';
import type { BadgeAction } from '../../../lib/browser/badge';
import { DB_NAME, openIndexDb } from '../../../lib/browser/db';
import type { BackgroundDeps } from '../../../lib/browser/handlers/context';
import { createTabResults, type SessionArea } from '../../../lib/browser/tab-results';
import type { StoredCorrection } from '../../../lib/corrections/stored-correction';
import type { NhsIndex } from '../../../lib/index/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { makeIndex } from '../../support/index-factory';

export const NOW = new Date('2026-11-25T09:00:00Z');

/** Databases a test opened, closed after it even when it fails, so the next test can delete them. */
const openDatabases: { close(): void }[] = [];

/** Opens the database, to be closed after the test. */
export async function trackedOpen() {
  const db = await openIndexDb();
  openDatabases.push(db);
  return db;
}

/** Every test in the calling file starts with no database, and leaves none open. */
export function useFreshDatabase(): void {
  afterEach(() => {
    for (const db of openDatabases.splice(0)) db.close();
  });
  beforeEach(async () => {
    await new Promise<void>((resolve, reject) => {
      const request = indexedDB.deleteDatabase(DB_NAME);
      request.onsuccess = () => resolve();
      request.onerror = () => reject(request.error);
    });
  });
}

/** `storage.session` in memory; `data` shows what was stored. */
export function memorySession(): SessionArea & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    async get(key) {
      if (key === null) return structuredClone(Object.fromEntries(data));
      return data.has(key) ? { [key]: structuredClone(data.get(key)) } : {};
    },
    async set(items) {
      for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
    },
    async remove(key) {
      for (const k of [key].flat()) data.delete(k);
    },
  };
}

/** A toolbar button that records each tab's badge; a tab never shown a badge has none. */
export function recordingAction() {
  const badges = new Map<number, { text: string; title: string; color: string }>();
  const action: BadgeAction = {
    async setBadgeText({ tabId, text }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { title: '', color: '' }), text });
    },
    async setBadgeBackgroundColor({ tabId, color }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { title: '', text: '' }), color });
    },
    async setTitle({ tabId, title }) {
      badges.set(tabId, { ...(badges.get(tabId) ?? { text: '', color: '' }), title });
    },
  };
  return { action, badges };
}

/** The live figures' parts: by default no platform host is allowed and nothing answers. */
export type LiveDeps = BackgroundDeps['live'];
const NO_LIVE: LiveDeps = { fetch: async () => Response.error(), timeoutMs: 1000, hasHost: async () => false };

/**
 * The service with `index` bundled and these settings; the published copy is never reachable and
 * no platform host is allowed. `extra` replaces other parts (a clock, a site reader, the live
 * figures' fetch: issue 19).
 */
export function service(index: NhsIndex = makeIndex(), settings: Settings = DEFAULT_SETTINGS, extra: Partial<BackgroundDeps> = {}) {
  const session = memorySession();
  const { action, badges } = recordingAction();
  const svc = createBackgroundService({
    openDb: trackedOpen,
    bundledIndexVersion: index.indexVersion,
    loadBundledIndex: async () => index,
    refresh: {
      fetch: async () => new Response(null, { status: 404 }),
      publicKey: new Uint8Array(32),
      defaultSource: '',
      extensionVersion: '0.1.0',
      timeoutMs: 1000,
    },
    live: NO_LIVE,
    tabResults: createTabResults(session),
    action,
    now: () => NOW,
    settings: async () => settings,
    ...extra,
  });
  return { svc, session, badges };
}

/**
 * A page the background read in tab `tabId` at `url` (issue 22), as the page reader hands it over:
 * `profiles` are the links the page reported (`via` 'rel-me' as rel="me" links, the rest as links).
 */
export const visitPage = (
  svc: Pick<ReturnType<typeof createBackgroundService>, 'pageVisited'>,
  tabId: number,
  url: string,
  profiles: readonly { url: string; via: string }[] = [],
) =>
  svc.pageVisited(tabId, url, {
    relMe: profiles.filter((p) => p.via === 'rel-me').map((p) => p.url),
    links: profiles.filter((p) => p.via !== 'rel-me').map((p) => p.url),
  });

/** A message from one of the extension's own pages. */
export const FROM_PAGE = { id: 'ext', url: 'chrome-extension://ext/corrections.html' };

/** A correction as the form saves it: a missing X account for UCLH, with `changes`. */
export const draftRecord = (changes: Partial<StoredCorrection['draft']> = {}, id = 'c-00000001'): StoredCorrection => ({
  id,
  status: 'draft',
  organisationName: '',
  createdAt: NOW.toISOString(),
  updatedAt: NOW.toISOString(),
  draft: {
    kind: 'missing-account',
    organisationId: 'RRV',
    platform: 'x',
    handle: 'https://x.com/UCLHnews',
    domain: '',
    evidenceUrl: 'https://www.uclh.nhs.uk/',
    note: '',
    ...changes,
  },
});
