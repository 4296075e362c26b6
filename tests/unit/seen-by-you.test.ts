import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MeasuredAnswer } from '../../lib/collect/live-figures';
import { overviewCharts } from '../../lib/dashboard/aggregate';
import { dashboardRows } from '../../lib/dashboard/rows';
import { type LiveRecord, type SeenRecords, seenByYou } from '../../lib/dashboard/seen-by-you';
import { SEEN_CSV_COLUMNS, seenFacts, seenToCsv, seenToJsonLines } from '../../lib/dashboard/seen-export';
import { besideIndex, overviewChartsWithSeen, seenSeriesLabel, seenToday } from '../../lib/dashboard/seen-series';
import type { StoredSighting } from '../../lib/detect/stored-sighting';
import { parseCsv, parseCsvRecords } from '../../lib/index-build/csv';
import type { Platform } from '../../lib/social/platforms';
import { makeAccount, makeOrganisation } from '../support/index-factory';

/** Days are counted from a fixed day, as the background's injected clock dates its records. */
const DAY0 = Date.parse('2026-11-20T09:00:00.000Z');
const day = (n: number, hour = 9) => new Date(DAY0 + n * 86_400_000 + (hour - 9) * 3_600_000).toISOString();

const UCLH = makeOrganisation();
const NUH = makeOrganisation({ id: 'RX1', name: 'Nottingham University Hospitals NHS Trust', domains: [] });
const UHD = makeOrganisation({ id: 'R0D', name: 'University Hospitals Dorset NHS Foundation Trust', domains: [] });
const NHSE = makeOrganisation({
  id: 'X24',
  name: 'NHS England',
  kind: 'national-body',
  accounts: [makeAccount({ handle: 'NHSEngland', url: 'https://x.com/NHSEngland' })],
});
const ORGS = [UCLH, NUH, UHD, NHSE];

function sighting(
  organisationId: string,
  platform: Platform,
  handle: string,
  pageUrl: string,
  first: string,
  last = first,
): StoredSighting {
  const url = platform === 'bluesky' ? `https://bsky.app/profile/${handle}` : `https://${platform}.example/${handle}`;
  return {
    organisationId,
    accountKey: `${platform}:${handle.toLowerCase()}`,
    platform,
    handle,
    url,
    pageUrl,
    via: 'link',
    sharedWith: [],
    firstSeen: first,
    lastSeen: last,
  };
}

const measured = (at: string, followers?: number): MeasuredAnswer => ({
  at,
  source: 'Bluesky',
  outcome: 'measured',
  figures: {
    ...(followers === undefined ? {} : { followers }),
    posts30d: 3,
    replyShare30d: 1 / 3,
    lastPostAt: day(1),
    style: 'conversational',
  },
});

const records = (over: Partial<SeenRecords> = {}): SeenRecords => ({ sightings: [], siteReads: [], live: [], points: [], ...over });

/** UCLH visited on three days (its home page links X and Bluesky); NUH seen only through its home page, read from a news page. */
const UCLH_HOME = 'https://www.uclh.nhs.uk/';
const NUH_HOME = 'https://www.nuh.nhs.uk/';
const VISITS = records({
  sightings: [
    sighting('RRV', 'x', 'uclh', UCLH_HOME, day(0), day(3)),
    sighting('RRV', 'bluesky', 'uclh.bsky.social', `${UCLH_HOME}contact`, day(1), day(3)),
    sighting('RX1', 'facebook', 'NUHospitals', NUH_HOME, day(2, 14)),
    sighting('RX1', 'instagram', 'nuhospitals', NUH_HOME, day(2, 14)),
    // A trust's footer linking NHS England's account: not the trust's.
    sighting('RRV', 'x', 'NHSEngland', UCLH_HOME, day(0), day(3)),
  ],
  siteReads: [{ organisationId: 'RX1', readAt: day(2, 14), host: 'www.nuh.nhs.uk', pages: [NUH_HOME], outcome: 'found', profilesFound: 2 }],
});

describe('seenByYou', () => {
  it('makes one organisation of several visits on different days, dated by its first and last observation', () => {
    const layer = seenByYou(ORGS, VISITS);
    expect(layer.organisations.map((o) => [o.id, o.firstSeen, o.lastSeen])).toEqual([
      ['RX1', day(2, 14), day(2, 14)],
      ['RRV', day(0), day(3)],
    ]);
    expect([layer.firstSeen, layer.lastSeen]).toEqual([day(0), day(3)]);
    const uclh = layer.organisations.find((o) => o.id === 'RRV');
    expect(uclh?.levelInWords).toBe('Several platforms, from its own website');
    expect(uclh?.accounts.map((a) => [a.key, a.site?.pageUrl, a.site?.firstSeen])).toEqual([
      ['x:uclh', UCLH_HOME, day(0)],
      ['bluesky:uclh.bsky.social', `${UCLH_HOME}contact`, day(1)],
    ]);
    expect(seenSeriesLabel(layer)).toBe('Seen by you (2 organisations, 20 Nov 2026 to 23 Nov 2026)');
  });

  it('places an organisation seen only through a deep page’s home-page read, with the home page behind each fact', () => {
    const nuh = seenByYou(ORGS, VISITS).organisations.find((o) => o.id === 'RX1');
    expect(nuh?.levelInWords).toBe('Several platforms, from its own website');
    const facts = seenFacts({ organisations: nuh ? [nuh] : [], rows: [] });
    expect(facts.map((f) => [f.fact, f.platform ?? '', f.pageUrl, f.observedAt, f.source])).toEqual([
      ['adoption-level', '', NUH_HOME, day(2, 14), 'the index and its own website'],
      ['site-read', '', NUH_HOME, day(2, 14), 'own website, home page read by NHS Social Lens'],
      ['site-links-account', 'facebook', NUH_HOME, day(2, 14), 'own website'],
      ['site-links-account', 'instagram', NUH_HOME, day(2, 14), 'own website'],
    ]);
    expect(facts[1]?.detail).toBe('profiles found: 2');
  });

  it('keeps "not yet known" when a site links nothing: never "none", and no account is made up', () => {
    const layer = seenByYou(
      ORGS,
      records({
        siteReads: [
          {
            organisationId: 'R0D',
            readAt: day(4),
            host: 'www.uhd.nhs.uk',
            pages: ['https://www.uhd.nhs.uk/'],
            outcome: 'none',
            profilesFound: 0,
          },
        ],
      }),
    );
    expect(layer.organisations.map((o) => [o.id, o.row.level, o.accounts.length])).toEqual([['R0D', 'unknown', 0]]);
    expect(seenToday(layer)).toEqual({
      organisations: 1,
      atLeastOne: 0,
      noneFound: 0,
      notYetKnown: 1,
      firstSeen: day(4),
      lastSeen: day(4),
    });
    expect(seenFacts(layer).find((f) => f.fact === 'site-read')?.detail).toBe('linked no profiles');
  });

  it('adds live figures where the user asked for them, with their source, profile and time, and the earlier days’ points', () => {
    const live: LiveRecord[] = [
      { key: 'bluesky:uclh.bsky.social', platform: 'bluesky', handle: 'uclh.bsky.social', good: measured(day(5, 15), 1300) },
    ];
    const points = [
      { key: 'bluesky:uclh.bsky.social', day: day(3).slice(0, 10), followers: 1234 },
      { key: 'bluesky:uclh.bsky.social', day: day(5).slice(0, 10), followers: 1300 },
    ];
    const layer = seenByYou(ORGS, { ...VISITS, live, points });
    const uclh = layer.organisations.find((o) => o.id === 'RRV');
    expect([uclh?.liveFollowers, uclh?.liveAccounts, uclh?.lastSeen]).toEqual([1300, 1, day(5, 15)]);
    const profile = 'https://bsky.app/profile/uclh.bsky.social';
    const liveFacts = seenFacts(layer).filter((f) => f.source.startsWith('live'));
    expect(liveFacts.map((f) => [f.fact, f.value, f.pageUrl, f.observedAt, f.source])).toEqual([
      ['followers', 1300, profile, day(5, 15), "live from Bluesky's public API"],
      ['posts-30d', 3, profile, day(5, 15), "live from Bluesky's public API"],
      ['reply-share-30d', 1 / 3, profile, day(5, 15), "live from Bluesky's public API"],
      ['last-post', day(1), profile, day(5, 15), "live from Bluesky's public API"],
      ['conversation-style', 'conversational', profile, day(5, 15), "live from Bluesky's public API"],
      ['followers', 1234, profile, day(3).slice(0, 10), "live from Bluesky's public API"],
    ]);
  });

  it('says "not measured" rather than 0 without live figures, and counts a measurement without followers as none', () => {
    const without = seenByYou(ORGS, VISITS).organisations.find((o) => o.id === 'RRV');
    expect([without?.liveFollowers, without?.liveAccounts]).toEqual([undefined, 0]);
    const live: LiveRecord[] = [
      { key: 'bluesky:uclh.bsky.social', platform: 'bluesky', handle: 'uclh.bsky.social', good: measured(day(5)) },
    ];
    const noFollowers = seenByYou(ORGS, { ...VISITS, live }).organisations.find((o) => o.id === 'RRV');
    expect([noFollowers?.liveFollowers, noFollowers?.liveAccounts]).toEqual([undefined, 0]);
    // A failed attempt alone (no figures kept) adds no figure.
    const failed = seenByYou(ORGS, {
      ...VISITS,
      live: [{ key: 'bluesky:uclh.bsky.social', platform: 'bluesky', handle: 'uclh.bsky.social' }],
    });
    expect(seenFacts(failed).filter((f) => f.source.startsWith('live'))).toEqual([]);
  });

  it('counts an organisation whose index account the user measured live, and leaves out another organisation’s account and unknown organisations', () => {
    const withBsky = makeOrganisation({
      id: 'RJ1',
      name: 'Guy’s and St Thomas’',
      accounts: [makeAccount({ platform: 'bluesky', handle: 'gstt.bsky.social', url: 'https://bsky.app/profile/gstt.bsky.social' })],
    });
    const layer = seenByYou([...ORGS, withBsky], {
      ...VISITS,
      sightings: [...VISITS.sightings, sighting('GONE1', 'x', 'gone', 'https://gone.example/', day(1))],
      live: [{ key: 'bluesky:gstt.bsky.social', platform: 'bluesky', handle: 'gstt.bsky.social', good: measured(day(6), 50) }],
    });
    expect(layer.organisations.map((o) => o.id)).toEqual(['RJ1', 'RX1', 'RRV']);
    expect(layer.organisations.find((o) => o.id === 'RJ1')?.accounts.map((a) => [a.key, a.inIndex, a.site])).toEqual([
      ['bluesky:gstt.bsky.social', true, undefined],
    ]);
    expect(layer.organisations.flatMap((o) => o.accounts.map((a) => a.handle))).not.toContain('NHSEngland');
  });

  it('shows a group site’s links for each trust sharing it, marked, and counts them for neither', () => {
    const shared = (id: string, other: string) => ({
      ...sighting(id, 'x', 'groupsite', 'https://www.group.nhs.uk/', day(1)),
      sharedWith: [other],
    });
    const layer = seenByYou(ORGS, records({ sightings: [shared('RX1', 'R0D'), shared('R0D', 'RX1')] }));
    expect(layer.organisations.map((o) => [o.id, o.row.level, o.accounts[0]?.site?.notCounted])).toEqual([
      ['RX1', 'unknown', 'shared site'],
      ['R0D', 'unknown', 'shared site'],
    ]);
    expect(
      seenFacts(layer)
        .filter((f) => f.fact === 'site-links-account')
        .map((f) => [f.value, f.detail]),
    ).toEqual([
      ['not-counted', 'not counted: shared site'],
      ['not-counted', 'not counted: shared site'],
    ]);
  });

  it('is empty, with no dates, when nothing was seen', () => {
    const layer = seenByYou(ORGS, records());
    expect(layer).toEqual({ organisations: [], rows: [] });
    expect(seenToday(layer)).toBeUndefined();
    expect(seenToCsv(seenFacts(layer))).toBe(`${SEEN_CSV_COLUMNS.join(',')}\r\n`);
    expect(seenToJsonLines(seenFacts(layer))).toBe('');
  });
});

describe('the layer beside the index in the charts', () => {
  const indexRows = dashboardRows(ORGS);
  it('adds the seen organisations as a second series, as shares, in the index’s order', () => {
    const layer = seenByYou(ORGS, VISITS);
    const charts = overviewChartsWithSeen(indexRows, layer);
    expect(charts.map((c) => c.id)).toEqual(overviewCharts(indexRows).map((c) => c.id));
    const levels = charts[0];
    expect(levels?.scale).toBe('share');
    expect(levels?.groups.map((g) => [g.label, g.total])).toEqual([
      ['The index (4 organisations)', 4],
      ['Seen by you (2 organisations, 20 Nov 2026 to 23 Nov 2026)', 2],
    ]);
    expect(levels?.groups[1]?.bars.map((b) => [b.label, b.value, b.link])).toEqual([
      ['Several platforms', 2, undefined],
      ['One platform', 0, undefined],
      ['One platform known', 0, undefined],
      ['No social media found', 0, undefined],
      ['Not yet known', 0, undefined],
    ]);
    expect(levels?.summary).toMatch(
      /^The index \(4 organisations\): Adoption levels of 4 .*Seen by you \(2 organisations, .*\): Adoption levels of 2 organisations: Several platforms 2 \(100%\)/,
    );
    const mix = charts[1];
    expect(mix?.groups[1]?.bars.map((b) => b.label)).toEqual(mix?.groups[0]?.bars.map((b) => b.label));
    // Followers per type stays the index's.
    expect(charts[2]).toEqual(overviewCharts(indexRows)[2]);
  });

  it('leaves the index’s charts as they were when nothing was seen', () => {
    expect(overviewChartsWithSeen(indexRows, seenByYou(ORGS, records()))).toEqual(overviewCharts(indexRows));
    expect(overviewChartsWithSeen(indexRows, undefined)).toEqual(overviewCharts(indexRows));
  });

  it('puts a seen category the index chart lacks at 0 rather than inventing a bar', () => {
    const [index] = overviewCharts(indexRows);
    if (index === undefined) throw new Error('no chart');
    const seen = { ...index, groups: [{ bars: [{ label: 'Something else', value: 3 }], total: 3 }] };
    expect(besideIndex(index, seen, 'I', 'S').groups[1]?.bars.every((b) => b.value === 0)).toBe(true);
  });
});

describe('the layer’s export', () => {
  const HOSTILE = ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2', '@SUM(A1)', '\t=1', ' \u00a0=1', '＝1', 'a"b,c;d\r\ne'];

  it('escapes hostile strings from pages in every CSV field, and keeps them exact in JSON lines', () => {
    const [name, handle, page, reason] = HOSTILE;
    const orgs = [makeOrganisation({ name: name ?? '' })];
    const layer = seenByYou(orgs, {
      sightings: [sighting('RRV', 'x', handle ?? '', `${page}`, day(0))],
      siteReads: [
        {
          organisationId: 'RRV',
          readAt: day(0),
          host: 'www.uclh.nhs.uk',
          pages: [],
          outcome: 'failed',
          reason: reason ?? '',
          profilesFound: 0,
        },
      ],
      live: [],
      points: [],
    });
    const facts = seenFacts(layer);
    const table = parseCsvRecords(seenToCsv(facts));
    expect(table).toHaveLength(facts.length);
    for (const record of table) for (const value of Object.values(record)) expect(value).not.toMatch(/^[\s\u00a0]*[=+\-@＝]|^\t/);
    expect(table[0]?.organisation).toBe(`'${name}`);
    expect(table.find((r) => r.fact === 'site-links-account')).toMatchObject({ handle: `'${handle}`, page_url: `'${page}` });
    expect(table.find((r) => r.fact === 'site-read')?.detail).toBe(`could not be read (${reason})`);
    const lines = seenToJsonLines(facts)
      .split('\n')
      .filter(Boolean)
      .map((l) => JSON.parse(l));
    expect(lines.find((l) => l.fact === 'site-links-account')).toMatchObject({ organisation: name, handle, pageUrl: page, platform: 'x' });
    expect(lines[0]).toMatchObject({ odsCode: 'RRV', fact: 'adoption-level', platform: null, firstSeen: null });
  });

  it('never breaks a row, whatever the strings and records (property)', () => {
    const text = fc.oneof(fc.string(), fc.constantFrom(...HOSTILE));
    const iso = fc.integer({ min: 0, max: 400 }).map((n) => day(n));
    fc.assert(
      fc.property(
        fc.array(fc.record({ org: fc.constantFrom('RRV', 'RX1', 'NOPE'), handle: text, page: text, first: iso, last: iso }), {
          maxLength: 8,
        }),
        text,
        (seen, name) => {
          const orgs = [makeOrganisation({ name }), NUH];
          const layer = seenByYou(orgs, records({ sightings: seen.map((s) => sighting(s.org, 'x', s.handle, s.page, s.first, s.last)) }));
          const facts = seenFacts(layer);
          const rows = parseCsv(seenToCsv(facts));
          expect(rows).toHaveLength(facts.length + 1);
          for (const row of rows) expect(row).toHaveLength(SEEN_CSV_COLUMNS.length);
          expect(
            seenToJsonLines(facts)
              .split('\n')
              .filter(Boolean)
              .map((l) => JSON.parse(l).odsCode),
          ).toEqual(facts.map((f) => f.organisationId));
          for (const o of layer.organisations) expect(o.firstSeen <= o.lastSeen).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
