import { describe, expect, it } from 'vitest';
import {
  byAdoptionLevel,
  byKind,
  byRegion,
  followerBucket,
  followersByKind,
  overviewCharts,
  platformMix,
  shareOf,
} from '../../lib/dashboard/aggregate';
import { CSV_COLUMNS, csvField, toCsv, toJsonLines } from '../../lib/dashboard/export';
import { type DashboardRow, dashboardRow, dashboardRows } from '../../lib/dashboard/rows';
import {
  applyTableQuery,
  DEFAULT_QUERY,
  filterRows,
  pageOf,
  parseTableQuery,
  sortRows,
  type TableQuery,
  tableQueryToHash,
} from '../../lib/dashboard/table-query';
import { PUBLISHED_FIGURES, todayFigures } from '../../lib/dashboard/then-and-now';
import { parseCsv } from '../../lib/index-build/csv';
import { PLATFORMS, type Platform } from '../../lib/social/platforms';
import { loadBundledIndex } from '../support/bundled-index';
import { makeAccount, makeOrganisation } from '../support/index-factory';

const measured = (followers: number) => ({ measuredAt: '2026-11-01', source: 'test-source', followers });
/** Every counted platform checked with nothing found, except those given. */
const checkedElsewhere = (except: Platform[]) =>
  PLATFORMS.filter((p) => !except.includes(p)).map((platform) => ({
    platform,
    result: 'no-account' as const,
    source: 'test-source',
    checked: '2026-08-01',
  }));

/** A small mixed index: every level, three kinds, a region not yet known, measured and unmeasured. */
const ORGS = [
  makeOrganisation({ id: 'RRV', name: 'University College London Hospitals', accounts: [makeAccount({ metrics: measured(45_210) })] }),
  makeOrganisation({
    id: 'RJ1',
    name: "Guy's and St Thomas'",
    accounts: [
      makeAccount({ handle: 'gstt', url: 'https://x.com/gstt' }),
      makeAccount({ platform: 'youtube', handle: '@gstt', url: 'https://www.youtube.com/@gstt', metrics: measured(800) }),
    ],
  }),
  makeOrganisation({ id: 'RX9', name: 'Quiet Trust', region: 'unknown', platformChecks: checkedElsewhere([]) }),
  makeOrganisation({
    id: 'RX8',
    name: 'X Only Trust',
    region: 'North West',
    accounts: [makeAccount({ handle: 'xonly', url: 'https://x.com/xonly' })],
    platformChecks: checkedElsewhere(['x']),
  }),
  makeOrganisation({ id: 'QYG', name: 'Cheshire and Merseyside ICB', kind: 'icb', region: 'North West' }),
  makeOrganisation({
    id: 'govuk:dhsc',
    name: 'Department of Health and Social Care',
    kind: 'national-body',
    region: 'national',
    accounts: [makeAccount({ handle: 'dhscgovuk', url: 'https://x.com/dhscgovuk', verification: 'unverified' })],
  }),
];
const ROWS = dashboardRows(ORGS);
const row = (id: string) => ROWS.find((r) => r.id === id) as DashboardRow;

describe('dashboardRow', () => {
  it('carries the adoption level, official accounts and summed followers', () => {
    expect(row('RJ1')).toMatchObject({
      level: 'several-platforms',
      levelLabel: 'Several platforms',
      activePlatforms: ['x', 'youtube'],
      followers: 800,
      measuredAccounts: 1,
      website: 'https://uclh.nhs.uk/',
    });
    expect(row('RJ1').officialAccounts.map((a) => a.url)).toEqual(['https://x.com/gstt', 'https://www.youtube.com/@gstt']);
    expect(row('RX8')).toMatchObject({ level: 'one-platform', levelLabel: 'One platform: X only' });
  });

  it('leaves followers out when nothing was measured (never 0), and counts unverified candidates apart', () => {
    expect(row('QYG').followers).toBeUndefined();
    expect(row('govuk:dhsc')).toMatchObject({ level: 'unknown', officialAccounts: [], unverifiedAccounts: 1 });
  });

  it('counts the level over the platforms the user counts', () => {
    expect(dashboardRow(ORGS[1]!, ['youtube']).level).toBe('one-platform');
  });
});

describe('aggregation', () => {
  const bars = (spec: { groups: { bars: { label: string; value: number; unknown?: boolean }[] }[] }, group = 0) =>
    spec.groups[group]?.bars.map((b) => [b.label, b.value, b.unknown ?? false]);

  it('counts organisations by kind, in the schema order, leaving out kinds the index lacks', () => {
    expect(bars(byKind(ROWS))).toEqual([
      ['NHS trust', 4, false],
      ['Integrated care board', 1, false],
      ['National body', 1, false],
    ]);
    expect(byKind(ROWS).summary).toBe('6 organisations by type: NHS trust 4 (67%), Integrated care board 1 (17%), National body 1 (17%).');
  });

  it('counts by region, most first, with the regions not yet known last and marked unknown', () => {
    expect(bars(byRegion(ROWS))).toEqual([
      ['London', 2, false],
      ['North West', 2, false],
      ['National (no region)', 1, false],
      ['Not yet known', 1, true],
    ]);
  });

  it('keeps "Not yet known" apart from "No social media found" in the adoption levels', () => {
    expect(bars(byAdoptionLevel(ROWS))).toEqual([
      ['Several platforms', 1, false],
      ['One platform', 1, false],
      ['One platform known', 1, false],
      ['No social media found', 1, false],
      ['Not yet known', 2, true],
    ]);
    expect(byAdoptionLevel(ROWS).summary).toContain('No social media found 1 (17%), Not yet known 2 (33%)');
    expect(byAdoptionLevel(ROWS).groups[0]?.bars.at(-1)?.link).toBe('#table?level=unknown');
  });

  it('counts each platform an organisation is active on, official accounts only', () => {
    const mix = platformMix(ROWS);
    expect(bars(mix)?.slice(0, 3)).toEqual([
      ['X (Twitter)', 3, false],
      ['YouTube', 1, false],
      ['Facebook', 0, false],
    ]);
    expect(mix.summary).toBe(
      'Organisations with an official account in use, by platform: X (Twitter) 3 (50%), YouTube 1 (17%); 3 of 6 organisations have no account in use known to the index.',
    );
  });

  it.each([
    [undefined, 'Not measured'],
    [0, 'Under 1,000'],
    [999, 'Under 1,000'],
    [1000, '1,000 to 9,999'],
    [99_999, '10,000 to 99,999'],
    [100_000, '100,000 or more'],
  ])('puts %s followers in "%s"', (followers, bucket) => {
    expect(followerBucket(followers)).toBe(bucket);
  });

  it('distributes followers per kind, with "Not measured" apart', () => {
    const spec = followersByKind(ROWS);
    expect(spec.scale).toBe('share');
    expect(spec.groups.map((g) => g.total)).toEqual([4, 1, 1]);
    expect(spec.groups.map((g) => g.label)).toEqual(['NHS trust', 'Integrated care board', 'National body']);
    expect(bars(spec, 0)).toEqual([
      ['Under 1,000', 1, false],
      ['1,000 to 9,999', 0, false],
      ['10,000 to 99,999', 1, false],
      ['100,000 or more', 0, false],
      ['Not measured', 2, true],
    ]);
    expect(spec.summary).toContain(
      'National body: Under 1,000 0 (0%), 1,000 to 9,999 0 (0%), 10,000 to 99,999 0 (0%), 100,000 or more 0 (0%), Not measured 1 (100%).',
    );
  });

  it('says every figure in each chart summary, on the bundled index too', () => {
    const rows = dashboardRows(loadBundledIndex().organisations);
    for (const chart of overviewCharts(rows)) {
      const total = chart.groups.flatMap((g) => g.bars).reduce((n, b) => n + b.value, 0);
      if (chart.id !== 'platform-mix') expect(total).toBe(rows.length);
      for (const bar of chart.groups.flatMap((g) => g.bars).filter((b) => b.value > 0)) expect(chart.summary).toContain(bar.label);
    }
  });
});

describe('shareOf', () => {
  it.each([
    [0, 269, '0%'],
    [1, 269, '<1%'],
    [2, 269, '1%'],
    [269, 269, '100%'],
    [0, 0, '–'],
  ])('%i of %i is %s', (count, total, text) => {
    expect(shareOf(count, total)).toBe(text);
  });
});

describe('then and now', () => {
  it('splits today three ways, so organisations not yet checked are never counted as having none', () => {
    expect(todayFigures(ROWS)).toEqual({ organisations: 6, atLeastOne: 3, noneFound: 1, notYetKnown: 2 });
  });

  it('cites the three published figures the project quotes', () => {
    expect(PUBLISHED_FIGURES.map((f) => [f.year, f.finding])).toEqual([
      [2010, '40% used at least one social media platform (61 of 152)'],
      [2014, 'about 20% used no social media'],
      [2015, 'just over 5% used no social media'],
    ]);
  });
});

describe('table filters and sort', () => {
  const ids = (rows: DashboardRow[]) => rows.map((r) => r.id);

  it.each<[Partial<TableQuery>, string[]]>([
    [{ q: 'guy' }, ['RJ1']],
    [{ q: 'qyg' }, ['QYG']],
    [{ kind: 'trust' }, ['RJ1', 'RX9', 'RRV', 'RX8']],
    [{ region: 'North West' }, ['QYG', 'RX8']],
    [{ level: 'unknown' }, ['QYG', 'govuk:dhsc']],
    [{ level: 'none' }, ['RX9']],
    [{ platform: 'youtube' }, ['RJ1']],
    [{ platform: 'x', kind: 'trust', region: 'London' }, ['RJ1', 'RRV']],
    [{ q: 'nothing like it' }, []],
  ])('%j keeps %j', (filter, expected) => {
    expect(ids(applyTableQuery(ROWS, { ...DEFAULT_QUERY, ...filter }))).toEqual(expected);
  });

  it('never counts an unverified account for the platform filter', () => {
    expect(ids(filterRows(ROWS, { platform: 'x' }))).not.toContain('govuk:dhsc');
  });

  it('sorts by followers either way with the unmeasured last, ties by name', () => {
    expect(ids(sortRows(ROWS, 'followers', 'desc'))).toEqual(['RRV', 'RJ1', 'QYG', 'govuk:dhsc', 'RX9', 'RX8']);
    expect(ids(sortRows(ROWS, 'followers', 'asc')).slice(0, 2)).toEqual(['RJ1', 'RRV']);
    expect(ids(sortRows(ROWS, 'followers', 'asc')).slice(2)).toEqual(['QYG', 'govuk:dhsc', 'RX9', 'RX8']);
  });

  it('sorts by level with "Not yet known" last in both directions', () => {
    expect(ids(sortRows(ROWS, 'level', 'asc'))).toEqual(['RX9', 'RRV', 'RX8', 'RJ1', 'QYG', 'govuk:dhsc']);
    expect(ids(sortRows(ROWS, 'level', 'desc'))).toEqual(['RJ1', 'RX8', 'RRV', 'RX9', 'QYG', 'govuk:dhsc']);
  });

  it('sorts by name the en-GB way, ignoring case', () => {
    const names = sortRows(ROWS, 'name', 'asc').map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' })));
    expect(sortRows(ROWS, 'name', 'desc').map((r) => r.name)).toEqual([...names].reverse());
  });

  it('pages rows, clamping a page past the end', () => {
    const items = Array.from({ length: 120 }, (_, i) => i);
    expect(pageOf(items, 1)).toMatchObject({ page: 1, pages: 3, first: 1, last: 50 });
    expect(pageOf(items, 3)).toMatchObject({ page: 3, first: 101, last: 120, items: items.slice(100) });
    expect(pageOf(items, 99)).toMatchObject({ page: 3 });
    expect(pageOf([], 1)).toMatchObject({ page: 1, pages: 1, first: 0, last: 0, items: [] });
  });
});

describe('table view in the URL hash', () => {
  it('round-trips every setting, leaving defaults out', () => {
    const query: TableQuery = {
      q: 'St Thomas & co',
      kind: 'trust',
      region: 'North East and Yorkshire',
      level: 'none',
      platform: 'x',
      sort: 'followers',
      dir: 'desc',
      page: 3,
    };
    const hash = tableQueryToHash(query);
    expect(hash.startsWith('#table?')).toBe(true);
    expect(parseTableQuery(hash.slice('#table?'.length))).toEqual(query);
    expect(tableQueryToHash(DEFAULT_QUERY)).toBe('#table');
    expect(tableQueryToHash({ ...DEFAULT_QUERY, kind: 'trust', level: 'none' })).toBe('#table?kind=trust&level=none');
  });

  it('drops what it does not know rather than failing', () => {
    expect(parseTableQuery('kind=castle&level=lots&platform=myspace&sort=colour&dir=up&page=0&q=%20%20')).toEqual(DEFAULT_QUERY);
    expect(parseTableQuery('page=-2').page).toBe(1);
    expect(parseTableQuery('page=12abc').page).toBe(1);
  });
});

describe('CSV and JSON export', () => {
  it.each([
    ['=HYPERLINK("http://evil.example")', `"'=HYPERLINK(""http://evil.example"")"`],
    ['+44 20 7188 7188', "'+44 20 7188 7188"],
    ['-1', "'-1"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\tcmd', "'\tcmd"],
    ['\rcmd', `"'\rcmd"`],
    ["Guy's and St Thomas'", "Guy's and St Thomas'"],
    ['a, b', '"a, b"'],
    ['say "hello"', '"say ""hello"""'],
    ['line\nbreak', '"line\nbreak"'],
    ['A=B', 'A=B'],
    ['', ''],
    // Issue 17: formulas behind spaces, full-width signs, other control characters, and ; as a separator.
    [' =1+1', "' =1+1"],
    ['   @SUM(A1)', "'   @SUM(A1)"],
    ['\u00A0=cmd', "'\u00A0=cmd"],
    ['\u2003\u3000+1', "'\u2003\u3000+1"],
    ['\u200B=1', "'\u200B=1"],
    ['\uFEFF-1', "'\uFEFF-1"],
    ['\n=1', `"'\n=1"`],
    ['\nline', `"'\nline"`],
    ['\0cmd', "'\0cmd"],
    ['\uFF1DHYPERLINK(1)', "'\uFF1DHYPERLINK(1)"],
    ['\uFF0B44', "'\uFF0B44"],
    ['\uFF0D1', "'\uFF0D1"],
    ['\uFF20SUM(A1)', "'\uFF20SUM(A1)"],
    ['\u00A0\uFF1D1', "'\u00A0\uFF1D1"],
    ['a;b', '"a;b"'],
    ['=1;2', `"'=1;2"`],
    ['x;youtube', '"x;youtube"'],
    ['Trust A = B', 'Trust A = B'],
    ['St Mary\u00A0Hospital', 'St Mary\u00A0Hospital'],
    [' leading space', ' leading space'],
  ])('escapes %j as %s', (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it('writes a header and one CRLF line per row that parses back to the same cells', () => {
    const evil = dashboardRow(
      makeOrganisation({ id: 'RZZ', name: '=cmd|\' /C calc\'!A0, "Trust"', accounts: [makeAccount({ metrics: measured(12) })] }),
    );
    const csv = toCsv([row('RRV'), evil]);
    expect(csv.endsWith('\r\n')).toBe(true);
    const [header, first, second] = parseCsv(csv);
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(first).toEqual([
      'RRV',
      'ods',
      'University College London Hospitals',
      'trust',
      '',
      '',
      'London',
      'England',
      'one-known-platform',
      'One platform known',
      'x',
      'https://x.com/uclh',
      '0',
      '45210',
      '1',
      'https://uclh.nhs.uk/',
      // Issue 30: what the record rests on, and (from the dashboard only) the level seen by you.
      expect.any(String),
      expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      '',
      '',
      '',
    ]);
    expect(second?.[CSV_COLUMNS.indexOf('name')]).toBe("'=cmd|' /C calc'!A0, \"Trust\"");
  });

  it('leaves an unmeasured figure empty in CSV and null in JSON, never 0', () => {
    const [, cells] = parseCsv(toCsv([row('QYG')]));
    expect(cells?.[CSV_COLUMNS.indexOf('followers')]).toBe('');
    const [line] = toJsonLines([row('QYG')]).split('\n');
    expect(JSON.parse(line ?? '')).toMatchObject({ id: 'QYG', followers: null, adoptionLevel: 'unknown', officialAccounts: [] });
  });

  it('writes one JSON object a line', () => {
    const lines = toJsonLines(ROWS).trimEnd().split('\n');
    expect(lines).toHaveLength(ROWS.length);
    expect(JSON.parse(lines[1] ?? '')).toMatchObject({
      id: 'RJ1',
      activePlatforms: ['x', 'youtube'],
      officialAccounts: [{ platform: 'x', handle: 'gstt', url: 'https://x.com/gstt', state: 'active' }, expect.anything()],
    });
  });
});
