/**
 * Issue 26: one site must not fill the research log. A visit per organisation and page an hour; an
 * organisation with MAX_VISITS_PER_ORGANISATION visits replaces its own oldest; a full log records
 * no new visits rather than drop anyone's history.
 */
import { describe, expect, it } from 'vitest';
import { DB_NAME } from '../../../lib/browser/db';
import { logVisit, MAX_RESEARCH_VISITS, MAX_VISITS_PER_ORGANISATION, readVisits, SAME_VISIT_MS } from '../../../lib/browser/research-log';
import { NOW, trackedOpen, useFreshDatabase } from './support';

useFreshDatabase();

const at = (ms: number) => new Date(NOW.getTime() + ms).toISOString();
const visit = (organisationId: string, url: string, ms = 0) => ({ at: at(ms), url, organisationId, organisationName: organisationId });

describe('the research log (issue 26)', () => {
  it('keeps one visit per organisation and page an hour, whatever came between', async () => {
    const db = await trackedOpen();
    await logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/'));
    await logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/contact', 1000));
    await logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/', 2000));
    await logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/', SAME_VISIT_MS - 1));
    await logVisit(db, visit('RJZ', 'https://www.uclh.nhs.uk/', 3000));
    await logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/', SAME_VISIT_MS));
    expect((await readVisits(db)).map((v) => [v.organisationId, v.url, v.at])).toEqual([
      ['RRV', 'https://www.uclh.nhs.uk/', at(SAME_VISIT_MS)],
      ['RJZ', 'https://www.uclh.nhs.uk/', at(3000)],
      ['RRV', 'https://www.uclh.nhs.uk/contact', at(1000)],
      ['RRV', 'https://www.uclh.nhs.uk/', at(0)],
    ]);
  });

  it('never loses another organisation’s visits to a flood from one site: the site replaces only its own oldest', async () => {
    const db = await trackedOpen();
    await logVisit(db, visit('RJZ', 'https://www.kch.nhs.uk/'));
    // A page changing its address every 30 ms, for longer than the log's whole size.
    for (let i = 0; i < MAX_VISITS_PER_ORGANISATION + 200; i++)
      await logVisit(db, visit('RRV', `https://www.uclh.nhs.uk/?n=${i}`, 1000 + i * 30));
    const visits = await readVisits(db);
    expect(visits.filter((v) => v.organisationId === 'RRV')).toHaveLength(MAX_VISITS_PER_ORGANISATION);
    expect(visits.at(-1)).toMatchObject({ organisationId: 'RJZ', url: 'https://www.kch.nhs.uk/' });
    // Its newest kept, its oldest gone.
    expect(visits[0]?.url).toBe(`https://www.uclh.nhs.uk/?n=${MAX_VISITS_PER_ORGANISATION + 199}`);
    expect(visits.some((v) => v.url === 'https://www.uclh.nhs.uk/?n=199')).toBe(false);
  });

  it('records nothing new once the log is full, and keeps every visit it has', async () => {
    const db = await trackedOpen();
    const tx = db.transaction('visits', 'readwrite');
    const organisations = Math.ceil(MAX_RESEARCH_VISITS / 100);
    for (let i = 0; i < MAX_RESEARCH_VISITS; i++)
      void tx.store.add(visit(`ORG${i % organisations}`, `https://www.example${i % organisations}.nhs.uk/?n=${i}`, i));
    await tx.done;
    const first = (await readVisits(db)).at(-1);
    await expect(logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/', 86_400_000))).resolves.toBe(false);
    const visits = await readVisits(db);
    expect(visits).toHaveLength(MAX_RESEARCH_VISITS);
    expect(visits.at(-1)).toEqual(first);
    expect(visits.some((v) => v.organisationId === 'RRV')).toBe(false);
  });

  it('version 5 → 6 keeps the log and indexes it by organisation and page', async () => {
    const { openDB } = await import('idb');
    const old = await openDB(DB_NAME, 5, {
      upgrade(db) {
        for (const name of [
          'organisations',
          'meta',
          'sightings',
          'snapshots',
          'refresh',
          'corrections',
          'siteReads',
          'liveAnswers',
          'livePoints',
        ])
          db.createObjectStore(name);
        db.createObjectStore('visits', { autoIncrement: true });
      },
    });
    await old.put('visits', visit('RRV', 'https://www.uclh.nhs.uk/'));
    old.close();
    const db = await trackedOpen();
    await expect(logVisit(db, visit('RRV', 'https://www.uclh.nhs.uk/', 1000))).resolves.toBe(false);
    expect(await db.count('visits')).toBe(1);
    expect([...db.transaction('visits').store.indexNames].sort()).toEqual(['by-organisation', 'by-page']);
  });
});
