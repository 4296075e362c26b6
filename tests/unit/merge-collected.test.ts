import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateIndex } from '../../lib/index/validate';
import { type BuildInputs, buildIndex, readSourceTables } from '../../lib/index-build/build-index';
import { parseTableRecords } from '../../lib/index-build/csv';
import { adoptionOf } from '../../lib/metrics/adoption';

const SOURCES = join(process.cwd(), 'data/sources');
const table = (name: string) => parseTableRecords(name, readFileSync(join(SOURCES, name), 'utf8'));
const BASE: BuildInputs = {
  ...readSourceTables(table),
  release: { indexVersion: 2, generatedAt: '2026-11-25T00:00:00.000Z' },
};
const lines = (...items: unknown[]) => items.map((i) => (typeof i === 'string' ? i : JSON.stringify(i)));
const PLATFORMS = ['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'bluesky', 'threads', 'mastodon', 'flickr'];
const noLinks = (ods: string, except: string[], checked: string) =>
  PLATFORMS.filter((p) => !except.includes(p)).map((platform) => ({
    type: 'no-link',
    ods,
    platform,
    pagesChecked: ['https://x/'],
    checked,
  }));

const { index, report } = buildIndex({
  ...BASE,
  discoveries: [
    {
      name: '2026-11-25.jsonl',
      lines: lines(
        {
          type: 'account',
          ods: 'RR8',
          platform: 'x',
          handle: 'LTHTrust',
          url: 'https://x.com/LTHTrust',
          foundOn: 'https://www.leedsth.nhs.uk/',
          via: 'link',
          checked: '2026-11-25',
        },
        {
          type: 'account',
          ods: 'RR8',
          platform: 'facebook',
          handle: 'LeedsTHTrust',
          url: 'https://www.facebook.com/LeedsTHTrust',
          foundOn: 'https://www.leedsth.nhs.uk/',
          via: 'link',
          checked: '2026-11-25',
        },
        {
          type: 'account',
          ods: 'RR8',
          platform: 'bluesky',
          handle: 'leedsth.bsky.social',
          url: 'https://bsky.app/profile/leedsth.bsky.social',
          foundOn: 'https://www.leedsth.nhs.uk/',
          via: 'link',
          checked: '2026-11-25',
        },
        ...noLinks('RR8', ['x', 'facebook', 'bluesky'], '2026-11-25'),
        ...noLinks('RJ2', [], '2026-11-25'),
        { type: 'error', ods: 'RJ6', url: 'https://x/', reason: 'HTTP 500', checked: '2026-11-25' },
        {
          type: 'account',
          ods: 'NOPE',
          platform: 'x',
          handle: 'a',
          url: 'https://x.com/a',
          foundOn: 'https://x/',
          via: 'link',
          checked: '2026-11-25',
        },
        'not json at all',
      ),
    },
  ],
  metricSnapshots: [
    {
      name: '2026-10-20.jsonl',
      lines: lines({
        type: 'metrics',
        ods: 'RR8',
        platform: 'bluesky',
        handle: 'leedsth.bsky.social',
        url: 'https://bsky.app/profile/leedsth.bsky.social',
        measuredAt: '2026-10-20',
        api: 'bluesky-appview',
        followers: 900,
      }),
    },
    {
      name: '2026-11-25.jsonl',
      lines: lines(
        {
          type: 'metrics',
          ods: 'RR8',
          platform: 'bluesky',
          handle: 'leedsth.bsky.social',
          url: 'https://bsky.app/profile/leedsth.bsky.social',
          measuredAt: '2026-11-25',
          api: 'bluesky-appview',
          followers: 1000,
          posts30d: 20,
          replyShare30d: 0.3,
          lastPostAt: '2026-11-24',
        },
        { type: 'gone', ods: 'RP4', platform: 'x', url: 'https://x.com/GreatOrmondSt', checked: '2026-11-25', reason: 'suspended' },
        {
          type: 'metrics',
          ods: 'RJ1',
          platform: 'bluesky',
          handle: 'nobody',
          url: 'https://bsky.app/profile/nobody.bsky.social',
          measuredAt: '2026-11-25',
          api: 'bluesky-appview',
          followers: 1,
        },
      ),
    },
    {
      // A later run whose API failed for the account (issue 21): nothing is recorded from it.
      name: '2026-12-02.jsonl',
      lines: lines({
        type: 'failed',
        ods: 'RR8',
        platform: 'bluesky',
        url: 'https://bsky.app/profile/leedsth.bsky.social',
        checked: '2026-12-02',
        reason: 'HTTP 502 after 4 tries',
      }),
    },
  ],
});
const org = (id: string) => index.organisations.find((o) => o.id === id)!;

describe('merging discovery runs and metric snapshots into the index', () => {
  it('builds a valid index', () => {
    expect(validateIndex(index).ok).toBe(true);
  });

  it('records accounts linked from the organisation’s own site as official, confirming unverified candidates', () => {
    const leeds = org('RR8');
    expect(leeds.accounts.map((a) => [a.platform, a.handle, a.verification, a.source])).toEqual([
      ['bluesky', 'leedsth.bsky.social', 'official', 'discovery-2026-11-25'],
      ['facebook', 'LeedsTHTrust', 'official', 'discovery-2026-11-25'],
      ['instagram', 'leedsthcharity', 'unverified', 'social-leadgen-known'],
      ['x', 'LTHTrust', 'official', 'discovery-2026-11-25'],
    ]);
    expect(leeds.accounts[0]?.note).toBe('linked from https://www.leedsth.nhs.uk/');
    expect(report.conflicts).toContainEqual(
      expect.objectContaining({
        subject: 'RR8 https://www.facebook.com/LeedsTHTrust',
        kept: 'discovery-2026-11-25',
        dropped: 'social-leadgen-known',
      }),
    );
  });

  it('turns "no link found" into dated checks, so the adoption level can say none', () => {
    expect(org('RJ2').platformChecks).toHaveLength(10);
    expect(adoptionOf(org('RJ2'))).toMatchObject({ level: 'none', label: 'No social media found' });
  });

  it('gives an account its newest figures and one follower figure a month', () => {
    const bluesky = org('RR8').accounts.find((a) => a.platform === 'bluesky');
    expect(bluesky?.metrics).toEqual({
      measuredAt: '2026-11-25',
      source: 'metrics-bluesky-appview',
      followers: 1000,
      posts30d: 20,
      replyShare30d: 0.3,
      lastPostAt: '2026-11-24',
    });
    expect(bluesky?.history).toEqual([
      { month: '2026-10', followers: 900 },
      { month: '2026-11', followers: 1000 },
    ]);
    expect(adoptionOf(org('RR8'))).toMatchObject({ level: 'several-platforms', style: 'conversational' });
  });

  it('records an account the platform says is gone as closed, with the date', () => {
    expect(org('RP4').accounts.find((a) => a.platform === 'x')).toMatchObject({
      state: 'closed',
      checked: '2026-11-25',
      note: 'the platform says suspended on 2026-11-25',
    });
  });

  it('reports every line it could not use', () => {
    expect(report.dropped).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ table: 'data/discovered/2026-11-25.jsonl', row: 'line 23', reason: 'not JSON' }),
        expect.objectContaining({ row: 'NOPE x', reason: 'organisation is not in the index' }),
        expect.objectContaining({ row: 'https://bsky.app/profile/nobody.bsky.social', reason: 'no account in the index has this URL' }),
      ]),
    );
  });

  it('leaves the last figures when the API fails, and an organisation whose site could not be read unknown, never none (issue 21)', () => {
    const bluesky = org('RR8').accounts.find((a) => a.platform === 'bluesky');
    expect(bluesky?.metrics).toMatchObject({ measuredAt: '2026-11-25', followers: 1000 });
    expect(bluesky?.history?.map((h) => h.month)).toEqual(['2026-10', '2026-11']);
    expect(org('RJ6').platformChecks).toEqual([]);
    expect(adoptionOf(org('RJ6')).level).toBe('unknown');
  });

  it('names each run as a source', () => {
    expect(index.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['discovery-2026-11-25', 'metrics-bluesky-appview']));
  });
});

describe('adoption levels of the bundled index as built from the public data', () => {
  const bundled = buildIndex(BASE).index;
  const levelOf = (id: string) => adoptionOf(bundled.organisations.find((o) => o.id === id)!).level;
  it.each([
    ['RP4', 'one-known-platform'], // @GreatOrmondSt, from the 2014 report
    ['X24', 'several-platforms'], // NHS England: X, LinkedIn, YouTube, Flickr
    ['RJ1', 'unknown'], // only unverified candidates
    ['RAN', 'unknown'], // closed X, nothing else checked
    ['RP5', 'one-known-platform'], // a Facebook page the source does not name
  ])('%s is %s', (id, level) => {
    expect(levelOf(id)).toBe(level);
  });
});

describe('a crawled Mastodon link on an NHS host (issue 26)', () => {
  const mastodon = (url: string) => ({
    type: 'account',
    ods: 'QJ2',
    platform: 'mastodon',
    handle: `@icb@${new URL(url).hostname}`,
    url,
    foundOn: 'https://joinedupcarederbyshire.co.uk/',
    via: 'rel-me',
    checked: '2026-11-25',
  });
  const built = buildIndex({
    ...BASE,
    discoveries: [
      {
        name: '2026-11-25.jsonl',
        lines: lines(
          mastodon('https://social.joinedupcarederbyshire.co.uk/@icb'),
          mastodon('https://social.derbyandderbyshireicb.nhs.uk/@icb'),
          mastodon('https://mastodon.example/@icb'),
        ),
      },
    ],
  });

  it('never reaches the index from an index domain or an NHS zone; one on a platform does', () => {
    const accounts = built.index.organisations.find((o) => o.id === 'QJ2')?.accounts.filter((a) => a.platform === 'mastodon');
    expect(accounts?.map((a) => a.url)).toEqual(['https://mastodon.example/@icb']);
    expect(built.report.dropped.filter((d) => d.row.startsWith('QJ2 ')).map((d) => d.row)).toEqual([
      'QJ2 https://social.joinedupcarederbyshire.co.uk/@icb',
      'QJ2 https://social.derbyandderbyshireicb.nhs.uk/@icb',
    ]);
  });
});
