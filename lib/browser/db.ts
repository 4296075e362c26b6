/**
 * The extension's IndexedDB database. Only the background opens it; pages ask the background.
 *
 * Rules (from idb's README): never await unrelated work inside a transaction, or it auto-commits
 * early; a swap of the whole index happens in one transaction, so a reader sees the old index or
 * the new one, never a mix.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { Correction, CorrectionDraft } from '../corrections/correction';
import type { ProfileVia } from '../detect/page-signals';
import type { IndexSource, NhsIndex, Organisation } from '../index/schema';
import type { Platform } from '../social/platforms';

export const DB_NAME = 'nhs-social-lens';
export const DB_VERSION = 3;

/** An organisation as stored: the index record plus every key it can be found by (`organisationKeys`). */
export type StoredOrganisation = Organisation & { hostKeys: string[]; codeKeys: string[]; accountKeys: string[] };

/**
 * A social profile the organisation's own site linked to, as this browser saw it. Kept on this
 * machine only: it is never sent anywhere.
 */
export interface Sighting {
  organisationId: string;
  /** `accountKey(platform, handle)`. */
  accountKey: string;
  platform: Platform;
  handle: string;
  url: string;
  /** The organisation's page that linked the profile, and how (a link, rel="me", JSON-LD…). */
  pageUrl: string;
  via: ProfileVia;
  /** Other organisations sharing the site the link was on: the link may be theirs, not this one's. */
  sharedWith: string[];
  firstSeen: string;
  lastSeen: string;
}

export interface InstalledIndexMeta {
  indexVersion: number;
  schemaVersion: number;
  generatedAt: string;
  sources: IndexSource[];
  organisationCount: number;
  /** Where this copy came from: the copy inside the extension, or a refresh (a later issue). */
  origin: 'bundled' | 'refresh';
  installedAt: string;
}

/** What the last refreshes did, for the options page and for backing off after failures. */
export interface RefreshStatus {
  lastCheck?: string;
  lastSuccess?: string;
  lastError?: { check: string; reason: string; at: string };
  /** The manifest's ETag, sent back as If-None-Match. */
  etag?: string;
  consecutiveFailures: number;
  /** No scheduled attempt before this time (after failures, doubling each time). */
  notBefore?: string;
}

/**
 * A volunteer's correction as kept in this browser: what they typed (always, even when it did not
 * validate, so nothing is lost) and, once it validated, the correction itself. "Merged" is not
 * stored: it is read from the installed index (`isReflectedIn`).
 */
export interface StoredCorrection {
  id: string;
  /** draft: being written; ready: checked and waiting to be sent; exported: sent (file, clipboard or issue). */
  status: 'draft' | 'ready' | 'exported';
  draft: CorrectionDraft;
  correction?: Correction;
  organisationName: string;
  createdAt: string;
  updatedAt: string;
  exportedAt?: string;
  /** What the popup prefilled it with, so opening the same suggestion again finds this draft. */
  origin?: string;
}

/** One visit to an organisation's page, kept only when the user turned the research log on. */
export interface ResearchVisit {
  at: string;
  url: string;
  organisationId: string;
  organisationName: string;
}

export interface NslDb extends DBSchema {
  organisations: { key: string; value: StoredOrganisation; indexes: { 'by-host': string; 'by-code': string; 'by-account': string } };
  sightings: { key: [string, string]; value: Sighting; indexes: { 'by-organisation': string; 'by-account': string } };
  /** The index that was installed before the current one, so the user can roll back to it. */
  snapshots: { key: 'previous'; value: { index: NhsIndex; origin: InstalledIndexMeta['origin'] } };
  refresh: { key: 'status'; value: RefreshStatus };
  meta: { key: 'installed-index'; value: InstalledIndexMeta };
  corrections: { key: string; value: StoredCorrection; indexes: { 'by-organisation': string } };
  visits: { key: number; value: ResearchVisit };
}

export type NslDatabase = IDBPDatabase<NslDb>;

/** Opens (and creates or migrates) the database. `factory` lets Node tests pass fake-indexeddb. */
export function openIndexDb(factory?: IDBFactory): Promise<NslDatabase> {
  if (factory) globalThis.indexedDB ??= factory;
  return openDB<NslDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion) {
      if (oldVersion < 1) {
        const organisations = db.createObjectStore('organisations', { keyPath: 'id' });
        organisations.createIndex('by-host', 'hostKeys', { multiEntry: true });
        organisations.createIndex('by-code', 'codeKeys', { multiEntry: true });
        organisations.createIndex('by-account', 'accountKeys', { multiEntry: true });
        db.createObjectStore('meta');
        const sightings = db.createObjectStore('sightings', { keyPath: ['organisationId', 'accountKey'] });
        sightings.createIndex('by-organisation', 'organisationId');
        sightings.createIndex('by-account', 'accountKey');
      }
      if (oldVersion < 2) {
        db.createObjectStore('snapshots');
        db.createObjectStore('refresh');
      }
      if (oldVersion < 3) {
        const corrections = db.createObjectStore('corrections', { keyPath: 'id' });
        corrections.createIndex('by-organisation', 'draft.organisationId');
        db.createObjectStore('visits', { autoIncrement: true });
      }
    },
  });
}
