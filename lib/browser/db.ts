/**
 * The extension's IndexedDB database. Only the background opens it; pages ask the background.
 *
 * Rules (from idb's README): never await unrelated work inside a transaction, or it auto-commits
 * early; a swap of the whole index happens in one transaction, so a reader sees the old index or
 * the new one, never a mix.
 */
import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import type { LiveAnswer, LivePlatform, MeasuredAnswer } from '../collect/live-figures';
import type { StoredCorrection } from '../corrections/stored-correction';
import type { StoredSighting } from '../detect/stored-sighting';
import type { StoredSiteRead } from '../detect/stored-site-read';
import type { IndexSource, NhsIndex, Organisation } from '../index/schema';
import type { ResearchVisit } from '../research-log/research-visit';
import type { SurveyResult, SurveyRun } from '../survey/survey-state';

export const DB_NAME = 'nhs-social-lens';
/**
 * Version 4 added the site reads and version 5 the live figures (both issue 19); version 6 the
 * research log's indexes by organisation and by organisation and page (issue 26); version 7 the
 * survey (issue 29).
 */
export const DB_VERSION = 7;

/** An organisation as stored: the index record plus every key it can be found by (`organisationKeys`). */
export type StoredOrganisation = Organisation & { hostKeys: string[]; codeKeys: string[]; accountKeys: string[] };

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

/** The live figures of one account (issue 19): the last attempt and the last figures read, kept on this device. */
export interface StoredLiveAnswer {
  /** `accountKey(platform, handle)`. */
  key: string;
  platform: LivePlatform;
  handle: string;
  last: LiveAnswer;
  good?: MeasuredAnswer;
}

/** One follower count a day per account, from the user's own requests: the growth line "your visits". */
export interface StoredLivePoint {
  key: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  followers: number;
}

export interface NslDb extends DBSchema {
  organisations: { key: string; value: StoredOrganisation; indexes: { 'by-host': string; 'by-code': string; 'by-account': string } };
  sightings: { key: [string, string]; value: StoredSighting; indexes: { 'by-organisation': string; 'by-account': string } };
  /** The index that was installed before the current one, so the user can roll back to it. */
  snapshots: { key: 'previous'; value: { index: NhsIndex; origin: InstalledIndexMeta['origin'] } };
  refresh: { key: 'status'; value: RefreshStatus };
  meta: { key: 'installed-index'; value: InstalledIndexMeta };
  corrections: { key: string; value: StoredCorrection; indexes: { 'by-organisation': string } };
  visits: { key: number; value: ResearchVisit; indexes: { 'by-organisation': string; 'by-page': [string, string] } };
  /** The last read of each organisation's own site by the background (issue 19), by organisation. */
  siteReads: { key: string; value: StoredSiteRead };
  liveAnswers: { key: string; value: StoredLiveAnswer };
  livePoints: { key: [string, string]; value: StoredLivePoint; indexes: { 'by-account': string } };
  /** The user's survey of the sector (issue 29): one at a time, under the key 'current'. */
  surveys: { key: 'current'; value: SurveyRun };
  /** What became of each organisation in it, written as each is done, so nothing is read twice or lost. */
  surveyResults: { key: [string, string]; value: SurveyResult; indexes: { 'by-survey': string } };
}

export type NslDatabase = IDBPDatabase<NslDb>;

/** Opens (and creates or migrates) the database. `factory` lets Node tests pass fake-indexeddb. */
export function openIndexDb(factory?: IDBFactory): Promise<NslDatabase> {
  if (factory) globalThis.indexedDB ??= factory;
  return openDB<NslDb>(DB_NAME, DB_VERSION, {
    upgrade(db, oldVersion, _newVersion, transaction) {
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
      if (oldVersion < 4) {
        db.createObjectStore('siteReads', { keyPath: 'organisationId' });
      }
      if (oldVersion < 5) {
        db.createObjectStore('liveAnswers', { keyPath: 'key' });
        db.createObjectStore('livePoints', { keyPath: ['key', 'day'] }).createIndex('by-account', 'key');
      }
      if (oldVersion < 6) {
        const visits = transaction.objectStore('visits');
        visits.createIndex('by-organisation', 'organisationId');
        visits.createIndex('by-page', ['organisationId', 'url']);
      }
      if (oldVersion < 7) {
        db.createObjectStore('surveys');
        db.createObjectStore('surveyResults', { keyPath: ['surveyId', 'organisationId'] }).createIndex('by-survey', 'surveyId');
      }
    },
  });
}

/**
 * The stores that hold the user's own data: "Delete all my data" empties them; the index stays.
 * The site reads say which organisations' sites the user visited, and the live figures which
 * accounts they looked at, so they go too (issue 19), and so does a survey of the sector (issue 29).
 */
export const USER_STORES = [
  'sightings',
  'corrections',
  'visits',
  'siteReads',
  'liveAnswers',
  'livePoints',
  'surveys',
  'surveyResults',
] as const;

/** Empties every store of the user's own data in one transaction. */
export async function deleteUserData(db: NslDatabase): Promise<void> {
  const tx = db.transaction(USER_STORES, 'readwrite');
  await Promise.all([...USER_STORES.map((name) => tx.objectStore(name).clear()), tx.done]);
}
