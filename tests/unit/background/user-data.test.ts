import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeIndex, makeOrganisation } from '../../support/index-factory';
import { draftRecord, FROM_PAGE, NOW, service, useFreshDatabase, visitPage } from './support';

useFreshDatabase();

describe('user data handlers', () => {
  it('keeps a research log only when asked, once per page visit, and "Delete all my data" empties every store of the user', async () => {
    const { svc, session } = service(makeIndex([makeOrganisation()]), { ...DEFAULT_SETTINGS, researchLog: true });
    const profiles = [{ platform: 'x' as const, handle: 'uclh', url: 'https://x.com/uclh', via: 'link' as const }];
    await visitPage(svc, 4, 'https://www.uclh.nhs.uk/', profiles);
    await visitPage(svc, 4, 'https://www.uclh.nhs.uk/', profiles);
    await svc.handlers['ui-bg-save-correction']({ record: draftRecord(), submit: true }, FROM_PAGE);
    const { visits } = await svc.handlers['ui-bg-get-research-log']({}, FROM_PAGE);
    expect(visits).toEqual([
      {
        at: NOW.toISOString(),
        url: 'https://www.uclh.nhs.uk/',
        organisationId: 'RRV',
        organisationName: 'University College London Hospitals NHS Foundation Trust',
      },
    ]);
    await svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    const db = await svc.database();
    expect([await db.count('sightings'), await db.count('corrections'), await db.count('visits'), await db.count('organisations')]).toEqual(
      [0, 0, 0, 1],
    );
    expect([...session.data.keys()].filter((k) => k.startsWith('tab:'))).toEqual([]);
    db.close();
  });
});
