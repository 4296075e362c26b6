import { describe, expect, it } from 'vitest';
import { blueskyCollector } from '../../lib/collect/bluesky';
import { BLUESKY_API, liveFiguresOf } from '../../lib/collect/live-figures';
import { mastodonCollector } from '../../lib/collect/mastodon';
import { type JsonGet, saneTimestamp } from '../../lib/collect/types';
import { formatFactDate, formatFactTime } from '../../lib/format';

/** Issue 26: a platform's dates are checked for a sane range where they are read, and formatting never throws. */
const NOW = new Date('2026-11-28T12:00:00Z');
/** Passes Date.parse (year 100000), as a platform answered in issue 26. */
const INSANE = '100000-01-01';

/** Answers each request whose address contains a key with its JSON (HTTP 200). */
const answering =
  (answers: Record<string, unknown>): JsonGet =>
  async (url) => {
    const key = Object.keys(answers).find((k) => url.includes(k));
    return key === undefined ? { ok: true, status: 404, json: undefined } : { ok: true, status: 200, json: answers[key] };
  };

describe('saneTimestamp', () => {
  it.each([
    ['2026-11-27T10:00:00Z', '2026-11-27T10:00:00.000Z'],
    ['2004-01-01T00:00:00Z', '2004-01-01T00:00:00.000Z'],
    [INSANE, undefined],
    ['+100000-01-01T00:00:00Z', undefined],
    ['2003-12-31T23:59:59Z', undefined],
    ['2026-11-30T12:00:00Z', undefined],
    ['yesterday', undefined],
    [12, undefined],
  ])('%s -> %s', (value, expected) => {
    expect(saneTimestamp(value, NOW)).toBe(expected);
  });
});

describe('platform dates read at their source', () => {
  it('Mastodon: a status dated 100000-01-01 is not read: no last post, none in 30 days', async () => {
    const line = await mastodonCollector().collect(
      { ods: 'RRV', platform: 'mastodon', handle: '@uclh@mastodon.example', url: 'https://mastodon.example/@uclh' },
      answering({
        '/lookup': { id: '1', followers_count: 10, statuses_count: 2 },
        '/statuses': [{ id: '4', created_at: INSANE, favourites_count: 0 }],
      }),
      NOW,
    );
    expect(line).toMatchObject({ type: 'metrics', posts30d: 0 });
    expect(line).not.toHaveProperty('lastPostAt');
  });

  it('Bluesky: a post dated 100000-01-01 is not read: no last post, none in 30 days', async () => {
    const post = (createdAt: string) => ({ post: { record: { createdAt }, likeCount: 1 } });
    const line = await blueskyCollector(BLUESKY_API).collect(
      { ods: 'RRV', platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' },
      answering({
        getProfile: { did: 'did:plc:abc', followersCount: 10, postsCount: 2 },
        getAuthorFeed: { feed: [post(INSANE)] },
      }),
      NOW,
    );
    expect(line).toMatchObject({ type: 'metrics', posts30d: 0 });
    expect(line).not.toHaveProperty('lastPostAt');
  });

  it('live figures drop a last post outside the sane range (an answer kept from before the check)', () => {
    const line = {
      type: 'metrics',
      ods: '',
      platform: 'mastodon',
      handle: 'h',
      url: 'u',
      measuredAt: '2026-11-28',
      api: 'mastodon',
    } as const;
    expect(liveFiguresOf({ ...line, lastPostAt: '100000-01-01' }, NOW).lastPostAt).toBeUndefined();
    expect(liveFiguresOf({ ...line, lastPostAt: '2026-11-20' }, NOW).lastPostAt).toBe('2026-11-20');
  });
});

describe('en-GB formatting never throws', () => {
  it.each(['100000-01-', '100000-01-01', '2026-13-45', '-', ''])('formatFactDate(%j) gives text', (date) => {
    expect(() => formatFactDate(date)).not.toThrow();
    expect(typeof formatFactDate(date)).toBe('string');
  });

  it('shows a date that is not one as written', () => {
    expect(formatFactDate('100000-01-')).toBe('100000-01-');
  });

  it('formatFactTime with a time zone the browser does not know gives the timestamp as written', () => {
    expect(formatFactTime('2026-11-28T14:02:00Z', 'Not/A_Zone')).toBe('2026-11-28T14:02:00Z');
    expect(formatFactTime('2026-11-28T14:02:00Z', 'UTC')).toBe('28 Nov 2026 14:02');
  });
});
