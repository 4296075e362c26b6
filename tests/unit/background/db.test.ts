import { describe, expect, it } from 'vitest';
import { DB_NAME, DB_VERSION, deleteUserData, USER_STORES } from '../../../lib/browser/db';
import { makeOrganisation } from '../../support/index-factory';
import { trackedOpen, useFreshDatabase } from './support';

useFreshDatabase();

describe('database migrations', () => {
  it('version 2 → 3 keeps the installed index, sightings and refresh state, and adds the corrections and visits stores', async () => {
    const { openDB } = await import('idb');
    const old = await openDB(DB_NAME, 2, {
      upgrade(db) {
        const organisations = db.createObjectStore('organisations', { keyPath: 'id' });
        organisations.createIndex('by-host', 'hostKeys', { multiEntry: true });
        organisations.createIndex('by-code', 'codeKeys', { multiEntry: true });
        organisations.createIndex('by-account', 'accountKeys', { multiEntry: true });
        db.createObjectStore('meta');
        const sightings = db.createObjectStore('sightings', { keyPath: ['organisationId', 'accountKey'] });
        sightings.createIndex('by-organisation', 'organisationId');
        sightings.createIndex('by-account', 'accountKey');
        db.createObjectStore('snapshots');
        db.createObjectStore('refresh');
      },
    });
    await old.put('organisations', { ...makeOrganisation(), hostKeys: ['uclh.nhs.uk'], codeKeys: ['RRV'], accountKeys: [] });
    await old.put('refresh', { consecutiveFailures: 2 }, 'status');
    old.close();
    const db = await trackedOpen();
    expect([...db.objectStoreNames].sort()).toEqual([
      'corrections',
      'liveAnswers',
      'livePoints',
      'meta',
      'organisations',
      'refresh',
      'sightings',
      'siteReads',
      'snapshots',
      'surveyResults',
      'surveys',
      'visits',
    ]);
    expect((await db.get('organisations', 'RRV'))?.name).toBe('University College London Hospitals NHS Foundation Trust');
    expect(await db.get('refresh', 'status')).toEqual({ consecutiveFailures: 2 });
    expect(db.transaction('corrections').store.indexNames.contains('by-organisation')).toBe(true);
  });

  it('version 3 → 4 (and on to 5) keeps every store and its records, and adds the site reads, which "Delete all my data" empties', async () => {
    const { openDB } = await import('idb');
    const old = await openDB(DB_NAME, 3, {
      upgrade(db) {
        const organisations = db.createObjectStore('organisations', { keyPath: 'id' });
        organisations.createIndex('by-host', 'hostKeys', { multiEntry: true });
        organisations.createIndex('by-code', 'codeKeys', { multiEntry: true });
        organisations.createIndex('by-account', 'accountKeys', { multiEntry: true });
        db.createObjectStore('meta');
        const sightings = db.createObjectStore('sightings', { keyPath: ['organisationId', 'accountKey'] });
        sightings.createIndex('by-organisation', 'organisationId');
        sightings.createIndex('by-account', 'accountKey');
        db.createObjectStore('snapshots');
        db.createObjectStore('refresh');
        const corrections = db.createObjectStore('corrections', { keyPath: 'id' });
        corrections.createIndex('by-organisation', 'draft.organisationId');
        db.createObjectStore('visits', { autoIncrement: true });
      },
    });
    await old.put('organisations', { ...makeOrganisation(), hostKeys: ['uclh.nhs.uk'], codeKeys: ['RRV'], accountKeys: [] });
    await old.put('visits', {
      at: '2026-11-25T09:00:00.000Z',
      url: 'https://www.uclh.nhs.uk/',
      organisationId: 'RRV',
      organisationName: 'UCLH',
    });
    old.close();
    const db = await trackedOpen();
    expect(db.version).toBe(DB_VERSION);
    expect(await db.count('visits')).toBe(1);
    expect((await db.get('organisations', 'RRV'))?.id).toBe('RRV');
    const read = {
      organisationId: 'RRV',
      readAt: '2026-11-25T09:00:00.000Z',
      host: 'www.uclh.nhs.uk',
      pages: [],
      outcome: 'none' as const,
      profilesFound: 0,
    };
    await db.put('siteReads', read);
    expect(await db.get('siteReads', 'RRV')).toEqual(read);
    expect(USER_STORES).toContain('siteReads');
    await deleteUserData(db);
    expect(await db.count('siteReads')).toBe(0);
    expect(await db.count('organisations')).toBe(1);
  });

  it('version 3 → 5 keeps corrections and the research log, and adds the live figures’ stores (issue 19)', async () => {
    const { openDB } = await import('idb');
    const old = await openDB(DB_NAME, 3, {
      upgrade(db) {
        db.createObjectStore('organisations', { keyPath: 'id' });
        db.createObjectStore('meta');
        db.createObjectStore('sightings', { keyPath: ['organisationId', 'accountKey'] });
        db.createObjectStore('snapshots');
        db.createObjectStore('refresh');
        db.createObjectStore('corrections', { keyPath: 'id' }).createIndex('by-organisation', 'draft.organisationId');
        db.createObjectStore('visits', { autoIncrement: true });
      },
    });
    await old.put('visits', {
      at: '2026-11-25T09:00:00.000Z',
      url: 'https://www.uclh.nhs.uk/',
      organisationId: 'RRV',
      organisationName: 'UCLH',
    });
    old.close();
    const db = await trackedOpen();
    expect(await db.count('visits')).toBe(1);
    expect(db.transaction('livePoints').store.indexNames.contains('by-account')).toBe(true);
    expect(db.transaction('liveAnswers').store.keyPath).toBe('key');
  });
});
