/**
 * Issue 30: one answer for one organisation. The table, its downloads and the popup show the
 * index's level and the level with what this browser saw, each saying whose it is; downloads are
 * named with the index's version and date and carry what each row rests on.
 */
import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS, downloadName, jsonRecord, toCsv } from '../../lib/dashboard/export';
import { dashboardRows } from '../../lib/dashboard/rows';
import { seenByYou, withSeenLevels } from '../../lib/dashboard/seen-by-you';
import { applyTableQuery, DEFAULT_QUERY } from '../../lib/dashboard/table-query';
import type { StoredSighting } from '../../lib/detect/stored-sighting';
import { parseCsvRecords } from '../../lib/index-build/csv';
import { siteEvidence } from '../../lib/metrics/site-evidence';
import type { Platform } from '../../lib/social/platforms';
import { handleLabel, sharedProvenance } from '../../lib/ui/account-facts';
import { makeAccount, makeOrganisation } from '../support/index-factory';

const UCLH = makeOrganisation({
  id: 'RRV',
  name: 'University College London Hospitals',
  accounts: [],
  domains: [{ host: 'uclh.nhs.uk', source: 'test-source', checked: '2026-08-01' }],
});
const GOSH = makeOrganisation({
  id: 'RP4',
  name: 'Great Ormond Street Hospital',
  domains: [{ host: 'gosh.nhs.uk', source: 'test-source', checked: '2026-08-01' }],
});
const SEVEN: Platform[] = ['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'bluesky'];
const SEEN_AT = '2026-12-04T09:30:00.000Z';

const sighting = (platform: Platform, pageUrl = 'https://www.uclh.nhs.uk/', lastSeen = SEEN_AT): StoredSighting => ({
  organisationId: 'RRV',
  accountKey: `${platform}:uclh`,
  platform,
  handle: platform === 'linkedin' ? 'company/uclh' : 'uclh',
  url: `https://${platform}.example/uclh`,
  pageUrl,
  via: 'link',
  sharedWith: [],
  firstSeen: lastSeen,
  lastSeen,
});
const SIGHTINGS = SEVEN.map((p) => sighting(p));
const records = { sightings: SIGHTINGS, siteReads: [], live: [], points: [] };

describe('withSeenLevels', () => {
  it('gives a seen organisation’s row the popup’s level beside the index’s, and leaves the others as they are', () => {
    const rows = dashboardRows([UCLH, GOSH]);
    const table = withSeenLevels(rows, seenByYou([UCLH, GOSH], records));
    const uclh = table.find((r) => r.id === 'RRV');
    expect(uclh?.levelLabel).toBe('Not yet known');
    expect(uclh?.seen).toEqual({ level: 'several-platforms', label: 'Several platforms, from its own website', lastSeen: SEEN_AT });
    expect(table.find((r) => r.id === 'RP4')).toBe(rows.find((r) => r.id === 'RP4'));
  });

  it('writes both levels in the CSV and the JSON, whose each is in the column’s name', () => {
    const table = withSeenLevels(dashboardRows([UCLH, GOSH]), seenByYou([UCLH, GOSH], records));
    const [gosh, uclh] = parseCsvRecords(toCsv(applyTableQuery(table, DEFAULT_QUERY)));
    expect(Object.keys(uclh ?? {})).toEqual([...CSV_COLUMNS]);
    expect(uclh).toMatchObject({
      ods_code: 'RRV',
      adoption_label: 'Not yet known',
      seen_by_you_level: 'several-platforms',
      seen_by_you_label: 'Several platforms, from its own website',
      seen_by_you_last_seen: SEEN_AT,
    });
    // No account and no platform checked: no date, never a made-up one.
    expect(gosh).toMatchObject({ seen_by_you_level: '', sources: 'test-source', last_checked: '' });
    expect(jsonRecord(table[0] ?? dashboardRows([GOSH])[0]!)).toMatchObject({ seenByYou: expect.anything() });
  });
});

describe('the table’s query', () => {
  it('sorts by the level seen by you, those not seen last in both directions', () => {
    const table = withSeenLevels(dashboardRows([GOSH, UCLH]), seenByYou([UCLH, GOSH], records));
    for (const dir of ['asc', 'desc'] as const)
      expect(applyTableQuery(table, { ...DEFAULT_QUERY, sort: 'seen', dir }).map((r) => r.id)).toEqual(['RRV', 'RP4']);
  });

  it.each([
    ['uclh.nhs.uk', ['RRV']],
    ['www.uclh.nhs.uk', ['RRV']],
    ['https://www.uclh.nhs.uk/contact', ['RRV']],
    ['intranet.uclh.nhs.uk', ['RRV']],
    ['example.org', []],
  ])('finds an organisation by its website: %s', (q, ids) => {
    expect(applyTableQuery(dashboardRows([UCLH, GOSH]), { ...DEFAULT_QUERY, q }).map((r) => r.id)).toEqual(ids);
  });
});

describe('downloadName', () => {
  it('names the index version and its date', () => {
    const index = { version: 3, generatedAt: '2026-11-28T06:00:00.000Z' };
    expect(downloadName(index, 'csv')).toBe('nhs-social-lens-index-v3-2026-11-28.csv');
    expect(downloadName(index, 'jsonl', 'seen-by-you')).toBe('nhs-social-lens-index-v3-2026-11-28-seen-by-you.jsonl');
  });
});

describe('sharedProvenance', () => {
  it('says once what seven rows share: one page, one day', () => {
    const { rows } = siteEvidence(UCLH, SIGHTINGS);
    expect(sharedProvenance(rows, [])).toBe('All 7 linked from www.uclh.nhs.uk, seen 4 Dec 2026');
  });

  it('says nothing shared when the rows differ in page or day, or there is one', () => {
    const days = siteEvidence(UCLH, [sighting('x'), sighting('facebook', 'https://www.uclh.nhs.uk/', '2026-12-01T09:00:00.000Z')]);
    expect(sharedProvenance(days.rows, [])).toBeUndefined();
    const hosts = siteEvidence(UCLH, [sighting('x'), sighting('facebook', 'https://news.uclh.nhs.uk/')]);
    expect(sharedProvenance(hosts.rows, [])).toBeUndefined();
    expect(sharedProvenance(siteEvidence(UCLH, [sighting('x')]).rows, [])).toBeUndefined();
  });

  it('says once what the index’s rows share: one source, one date', () => {
    const org = makeOrganisation({
      accounts: [makeAccount(), makeAccount({ platform: 'facebook', handle: 'uclh', url: 'https://www.facebook.com/uclh' })],
    });
    expect(sharedProvenance(siteEvidence(org, []).rows, [{ id: 'test-source', name: 'Curated accounts' } as never])).toBe(
      'All 2 from Curated accounts, checked 1 Aug 2026',
    );
  });
});

describe('handleLabel', () => {
  it.each([
    ['linkedin', 'company/nhs-england', 'nhs-england'],
    ['x', 'company/uclh', 'company/uclh'],
    ['facebook', 'uclh', 'uclh'],
  ] as const)('%s %s reads %s', (platform, handle, label) => {
    expect(handleLabel(platform, handle)).toBe(label);
  });
});
