import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../lib/browser/db';
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
      'meta',
      'organisations',
      'refresh',
      'sightings',
      'snapshots',
      'visits',
    ]);
    expect((await db.get('organisations', 'RRV'))?.name).toBe('University College London Hospitals NHS Foundation Trust');
    expect(await db.get('refresh', 'status')).toEqual({ consecutiveFailures: 2 });
    expect(db.transaction('corrections').store.indexNames.contains('by-organisation')).toBe(true);
  });
});
