import { describe, expect, it } from 'vitest';
import { ensureIndexInstalled, indexedDbLookups, installedIndexMeta, installIndex } from '../../../lib/browser/index-store';
import { makeIndex, makeOrganisation } from '../../support/index-factory';
import { NOW, service, trackedOpen, useFreshDatabase } from './support';

useFreshDatabase();

describe('index store (IndexedDB)', () => {
  it('installs the bundled index once and finds organisations by any of their hosts', async () => {
    const db = await trackedOpen();
    const index = makeIndex([
      makeOrganisation(),
      makeOrganisation({
        id: 'RAL',
        name: 'Royal Free',
        domains: [{ host: 'royalfree.nhs.uk', source: 'test-source', checked: '2026' }],
        predecessors: [
          {
            id: 'RAP',
            until: '2025-01-01',
            domains: [{ host: 'northmid.nhs.uk', source: 'test-source', checked: '2026' }],
            source: 'test-source',
          },
        ],
      }),
    ]);
    let loads = 0;
    const load = async () => {
      loads++;
      return index;
    };
    const meta = await ensureIndexInstalled(db, 7, load, () => NOW);
    expect(meta).toMatchObject({ indexVersion: 7, organisationCount: 2, origin: 'bundled', installedAt: NOW.toISOString() });
    await ensureIndexInstalled(db, 7, load, () => NOW);
    expect((await installedIndexMeta(db))?.installedAt).toBe(NOW.toISOString());
    expect(loads).toBe(1); // the installed index is as new as the bundled one: not read again
    const lookups = indexedDbLookups(db);
    expect((await lookups.byHost('northmid.nhs.uk')).map((o) => o.id)).toEqual(['RAL']);
    expect((await lookups.byCode('RAP')).map((o) => o.id)).toEqual(['RAL']);
    expect((await lookups.byHost('uclh.nhs.uk'))[0]).not.toHaveProperty('hostKeys');
    db.close();
  });

  it('replaces the whole index in one transaction, leaving no organisation of the old one', async () => {
    const db = await trackedOpen();
    await installIndex(
      db,
      makeIndex([
        makeOrganisation(),
        makeOrganisation({
          id: 'RJ1',
          name: 'GSTT',
          domains: [{ host: 'guysandstthomas.nhs.uk', source: 'test-source', checked: '2026' }],
        }),
      ]),
      'bundled',
      NOW,
    );
    await installIndex(db, makeIndex([makeOrganisation({ name: 'UCLH renamed' })], { indexVersion: 8 }), 'refresh', NOW);
    expect(await db.getAllKeys('organisations')).toEqual(['RRV']);
    expect((await installedIndexMeta(db))?.indexVersion).toBe(8);
    db.close();
  });

  it('refuses an invalid bundled index and installs nothing', async () => {
    const db = await trackedOpen();
    await expect(
      ensureIndexInstalled(
        db,
        7,
        async () => ({ ...makeIndex(), schemaVersion: 99 }),
        () => NOW,
      ),
    ).rejects.toThrow(/schemaVersion/);
    expect(await installedIndexMeta(db)).toBeUndefined();
    db.close();
  });

  it('installs a newer bundled index after an extension update', async () => {
    const db = await trackedOpen();
    await ensureIndexInstalled(
      db,
      7,
      async () => makeIndex(),
      () => NOW,
    );
    await ensureIndexInstalled(
      db,
      9,
      async () => makeIndex(undefined, { indexVersion: 9 }),
      () => NOW,
    );
    expect((await installedIndexMeta(db))?.indexVersion).toBe(9);
    db.close();
  });
});

describe('index handlers', () => {
  it('reports the installed index and how long installing it took', async () => {
    const { svc } = service();
    const status = await svc.handlers['ui-bg-get-index-status']({}, { id: 'ext' });
    expect(status.installed).toMatchObject({ indexVersion: 7, organisationCount: 1, origin: 'bundled' });
    expect(status.installDurationMs).toBe(0);
    (await svc.database()).close();
  });
});
