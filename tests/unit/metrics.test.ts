import { describe, expect, it } from 'vitest';
import type { Account, Organisation, PlatformCheck } from '../../lib/index/schema';
import { adoptionOf, CONVERSATIONAL_REPLY_SHARE, DORMANT_AFTER_DAYS, listInWords } from '../../lib/metrics/adoption';
import { organisationMetrics } from '../../lib/metrics/organisation-metrics';
import { engagementPerThousandFollowers, metricsFromPosts, type PostRecord } from '../../lib/metrics/post-metrics';
import { followersContext, percentileRank } from '../../lib/metrics/sector-context';
import { makeIndex, makeOrganisation } from '../support/index-factory';

const NOW = new Date('2026-11-25T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * 86_400_000).toISOString();
const post = (days: number, extra: Partial<PostRecord> = {}): PostRecord => ({
  createdAt: daysAgo(days),
  isReply: false,
  isRepost: false,
  likes: 1,
  reposts: 1,
  replies: 1,
  ...extra,
});

describe('metricsFromPosts', () => {
  it('counts own posts and replies in the last 30 days, not reposts, and not older posts', () => {
    const figures = metricsFromPosts(
      [post(1), post(2, { isReply: true }), post(3, { isRepost: true }), post(29.9), post(30.1), post(400)],
      NOW,
    );
    expect(figures.posts30d).toBe(3);
    expect(figures.replyShare30d).toBe(0.333);
    expect(figures.engagementPerPost30d).toBe(3);
    expect(figures.lastPostAt).toBe(daysAgo(1).slice(0, 10));
  });

  it('says nothing about shares when there were no recent posts (not zero)', () => {
    expect(metricsFromPosts([post(45)], NOW)).toEqual({ posts30d: 0, lastPostAt: daysAgo(45).slice(0, 10) });
    expect(metricsFromPosts([], NOW)).toEqual({ posts30d: 0 });
  });

  it('leaves engagement unknown when a post lacks a count', () => {
    expect(metricsFromPosts([post(1), post(2, { likes: undefined })], NOW).engagementPerPost30d).toBeUndefined();
  });

  it('ignores a post dated in the future', () => {
    expect(metricsFromPosts([post(-2)], NOW).posts30d).toBe(0);
  });
});

describe('engagementPerThousandFollowers', () => {
  it.each([
    [{ engagementPerPost30d: 5, followers: 2500 }, 2],
    [{ engagementPerPost30d: 5, followers: 0 }, undefined],
    [{ followers: 10 }, undefined],
  ])('%j -> %s', (metrics, expected) => {
    expect(engagementPerThousandFollowers(metrics)).toBe(expected);
  });
});

const account = (platform: Account['platform'], extra: Partial<Account> = {}): Account => ({
  platform,
  handle: `h${platform}`,
  url: `https://example.org/${platform}`,
  verification: 'official',
  state: 'active',
  source: 'test-source',
  checked: '2026-08-01',
  ...extra,
});
const check = (platform: PlatformCheck['platform'], result: PlatformCheck['result'], checked = '2026-08-01'): PlatformCheck => ({
  platform,
  result,
  source: 'test-source',
  checked,
});
const org = (accounts: Account[], platformChecks: PlatformCheck[] = []): Organisation => makeOrganisation({ accounts, platformChecks });
const ALL_CHECKED = (except: string[]) =>
  (['x', 'facebook', 'instagram', 'youtube', 'linkedin', 'tiktok', 'bluesky', 'threads', 'mastodon', 'flickr'] as const)
    .filter((p) => !except.includes(p))
    .map((p) => check(p, 'no-account'));

describe('adoptionOf', () => {
  it.each<[string, Organisation, string]>([
    ['nothing known', org([]), 'unknown'],
    ['only unverified candidates', org([account('x', { verification: 'unverified' })]), 'unknown'],
    ['some platforms checked, none found', org([], [check('x', 'no-account')]), 'unknown'],
    ['every platform checked, none found', org([], ALL_CHECKED([])), 'none'],
    ['one account, the rest unchecked', org([account('x')]), 'one-known-platform'],
    ['one account, the rest checked', org([account('x')], ALL_CHECKED(['x'])), 'one-platform'],
    ['two platforms', org([account('x'), account('facebook')]), 'several-platforms'],
    ['two accounts on one platform', org([account('x'), account('x', { handle: 'other' })]), 'one-known-platform'],
    ['a closed account only, the rest checked', org([account('x', { state: 'closed' })], ALL_CHECKED(['x'])), 'none'],
    ['a source naming no account', org([], [check('facebook', 'account-unnamed')]), 'one-known-platform'],
  ])('%s -> %s', (_label, organisation, level) => {
    expect(adoptionOf(organisation).level).toBe(level);
  });

  it('tells "One platform known" from "One platform" in words (issue 30)', () => {
    expect(adoptionOf(org([account('x')])).explanation).toBe(
      'Has an official account on X (Twitter). “One platform known”: the other platforms have not been checked yet, so it may have more (“One platform” would mean every other one was checked and nothing found).',
    );
    expect(adoptionOf(org([account('x')], ALL_CHECKED(['x']))).explanation).toContain(
      '“One platform”: every other platform was checked and no official account found',
    );
  });

  it('lets the newest fact about a platform win', () => {
    const left = org([], [check('x', 'account-unnamed', '2013-01-14'), check('x', 'closed', '2024-08')]);
    expect(adoptionOf(left)).toMatchObject({ level: 'unknown', closedPlatforms: ['x'], activePlatforms: [] });
    expect(adoptionOf(left).explanation).toContain('left X (Twitter)');
  });

  it('marks "X only" where X is the one platform and every other was checked', () => {
    expect(adoptionOf(org([account('x')], ALL_CHECKED(['x'])))).toMatchObject({ xOnly: true, label: 'One platform: X only' });
  });

  it.each([
    [DORMANT_AFTER_DAYS - 1, 'active'],
    [DORMANT_AFTER_DAYS + 1, 'dormant'],
  ])('an account whose last post was %i days before measuring is %s', (days, state) => {
    const measuredAt = '2026-11-25';
    const lastPostAt = daysAgo(days).slice(0, 10);
    const adoption = adoptionOf(org([account('x', { metrics: { measuredAt, source: 'test-source', lastPostAt } }), account('facebook')]));
    expect(state === 'dormant' ? adoption.dormantPlatforms : adoption.activePlatforms).toContain('x');
  });

  it.each([
    [CONVERSATIONAL_REPLY_SHARE, 'conversational'],
    [CONVERSATIONAL_REPLY_SHARE - 0.01, 'broadcaster'],
  ])('a reply share of %d makes an organisation %s', (share, style) => {
    const metrics = { measuredAt: '2026-11-25', source: 'test-source', posts30d: 100, replyShare30d: share };
    expect(adoptionOf(org([account('bluesky', { metrics })])).style).toBe(style);
  });

  it('has no style without measured posts', () => {
    expect(adoptionOf(org([account('x')])).style).toBe('unknown');
  });

  it('counts only the platforms the user chose', () => {
    expect(adoptionOf(org([account('x'), account('flickr')]), ['x', 'facebook']).level).toBe('one-known-platform');
  });
});

describe('organisationMetrics', () => {
  it('sums followers and posts over official open accounts, weighting the reply share by posts', () => {
    const organisation = org([
      account('x', {
        metrics: {
          measuredAt: '2026-11-01',
          source: 'test-source',
          followers: 1000,
          posts30d: 30,
          replyShare30d: 0.5,
          lastPostAt: '2026-10-30',
        },
      }),
      account('bluesky', {
        metrics: {
          measuredAt: '2026-11-01',
          source: 'test-source',
          followers: 200,
          posts30d: 10,
          replyShare30d: 0.1,
          lastPostAt: '2026-11-01',
        },
      }),
      account('facebook', { state: 'closed', metrics: { measuredAt: '2026-11-01', source: 'test-source', followers: 9999 } }),
      account('instagram', { verification: 'unverified', metrics: { measuredAt: '2026-11-01', source: 'test-source', followers: 5 } }),
      account('youtube'),
    ]);
    expect(organisationMetrics(organisation)).toEqual({
      followers: 1200,
      posts30d: 40,
      replyShare30d: 0.4,
      lastPostAt: '2026-11-01',
      measuredAccounts: 2,
      unmeasuredAccounts: 1,
    });
  });

  it('reports no figure, not zero, when nothing was measured', () => {
    expect(organisationMetrics(org([account('x')]))).toEqual({ measuredAccounts: 0, unmeasuredAccounts: 1 });
  });
});

describe('sector context', () => {
  it.each([
    [5, [1, 2, 3, 4, 6, 7, 8, 9, 10, 11], 40],
    [1, [1, 2], 0],
    [100, [1, 2, 3], 100],
    [3, [], 0],
  ])('percentileRank(%d) among %j is %d', (value, population, rank) => {
    expect(percentileRank(value, population)).toBe(rank);
  });

  it('compares followers with measured organisations of the same kind and type', () => {
    const measured = (id: string, followers: number, trustType: Organisation['trustType'] = 'ambulance') =>
      makeOrganisation({
        id,
        trustType,
        accounts: [account('bluesky', { metrics: { measuredAt: '2026-11-01', source: 'test-source', followers } })],
      });
    const subject = measured('RRU', 500);
    const index = makeIndex([
      subject,
      measured('RX6', 100),
      measured('RX7', 200),
      measured('RX8', 900),
      measured('RJ1', 1, 'acute'),
      makeOrganisation({ id: 'RYA', trustType: 'ambulance' }),
    ]);
    expect(followersContext(subject, index, 'bluesky')).toEqual({ platform: 'bluesky', percentile: 67, peersMeasured: 3 });
    expect(followersContext(subject, index, 'x')).toBeUndefined();
  });
});

describe('listInWords', () => {
  it.each([
    [[], ''],
    [['X'], 'X'],
    [['X', 'Facebook'], 'X and Facebook'],
    [['X', 'Facebook', 'YouTube'], 'X, Facebook and YouTube'],
  ])('%j', (items, text) => {
    expect(listInWords(items)).toBe(text);
  });
});
