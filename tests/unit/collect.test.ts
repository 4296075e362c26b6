// @vitest-environment node
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account, Organisation } from '../../lib/index/schema';
import { makeIndex, makeOrganisation } from '../support/index-factory';
import { json, type RouteServer, startRouteServer } from '../support/route-server';
import { type NslRun, runNsl } from '../support/run-nsl';

/**
 * `metrics collect` against a loopback server answering exactly as each API's documentation shows:
 * Bluesky AppView XRPC (app.bsky.actor.getProfile, app.bsky.feed.getAuthorFeed, as documented at
 * docs.bsky.app in 2025-26), Mastodon REST v4 (docs.joinmastodon.org: accounts/lookup,
 * accounts/:id/statuses) and the YouTube Data API v3 (channels.list).
 */
const BSKY = 'public.api.bsky.app';
const DID = 'did:plc:uclhuclhuclhuclhuclhuclh';
const feedPost = (createdAt: string, extra: Record<string, unknown> = {}, record: Record<string, unknown> = {}) => ({
  post: {
    uri: `at://${DID}/app.bsky.feed.post/${createdAt}`,
    cid: 'bafyrei',
    author: { did: DID, handle: 'uclh.bsky.social' },
    record: { $type: 'app.bsky.feed.post', text: 'hello', createdAt, ...record },
    replyCount: 2,
    repostCount: 3,
    likeCount: 5,
    quoteCount: 0,
    indexedAt: createdAt,
    ...extra,
  },
});
let rateLimited = 0;
let server: RouteServer;
const tmp = mkdtempSync(join(tmpdir(), 'nsl-metrics-'));

beforeAll(async () => {
  server = await startRouteServer({
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=uclh.bsky.social`]: json(200, {
      did: DID,
      handle: 'uclh.bsky.social',
      followersCount: 1234,
      followsCount: 10,
      postsCount: 456,
    }),
    [`${BSKY} /xrpc/app.bsky.feed.getAuthorFeed?actor=uclh.bsky.social&limit=100&filter=posts_with_replies`]: json(200, {
      feed: [
        feedPost('2026-11-24T10:00:00.000Z'),
        feedPost(
          '2026-11-23T10:00:00.000Z',
          {},
          {
            reply: {
              root: { uri: 'at://did:plc:someoneelse/app.bsky.feed.post/1' },
              parent: { uri: 'at://did:plc:someoneelse/app.bsky.feed.post/1' },
            },
          },
        ),
        feedPost(
          '2026-11-22T10:00:00.000Z',
          {},
          { reply: { root: { uri: `at://${DID}/app.bsky.feed.post/0` }, parent: { uri: `at://${DID}/app.bsky.feed.post/0` } } },
        ),
        {
          ...feedPost('2026-11-21T10:00:00.000Z'),
          reason: { $type: 'app.bsky.feed.defs#reasonRepost', by: { did: DID }, indexedAt: '2026-11-21T10:00:00.000Z' },
        },
        feedPost('2026-09-01T10:00:00.000Z'),
      ],
      cursor: '2026-09-01T10:00:00.000Z',
    }),
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=gone.bsky.social`]: json(400, {
      error: 'InvalidRequest',
      message: 'Profile not found',
    }),
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=suspended.bsky.social`]: json(400, {
      error: 'AccountTakedown',
      message: 'Account has been suspended',
    }),
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=ratelimited.bsky.social`]: (req, res) => {
      rateLimited++;
      if (rateLimited === 1)
        return json(429, { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' }, { 'retry-after': '1' })(req, res);
      return json(200, { did: 'did:plc:ratelimitedratelimitedrat', handle: 'ratelimited.bsky.social', followersCount: 7, postsCount: 0 })(
        req,
        res,
      );
    },
    [`${BSKY} /xrpc/app.bsky.feed.getAuthorFeed?actor=ratelimited.bsky.social&limit=100&filter=posts_with_replies`]: json(200, {
      feed: [],
    }),
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=broken.bsky.social`]: json(500, { error: 'InternalServerError' }),
    [`${BSKY} /xrpc/app.bsky.actor.getProfile?actor=malformed.bsky.social`]: json(200, '{"did": "did:plc:x", "followersCount": 12'),
    'mastodon.example /api/v1/accounts/lookup?acct=ldnambulance': json(200, {
      id: '109',
      username: 'ldnambulance',
      acct: 'ldnambulance',
      followers_count: 800,
      following_count: 3,
      statuses_count: 90,
      last_status_at: '2026-11-20',
    }),
    'mastodon.example /api/v1/accounts/109/statuses?limit=40': json(200, [
      {
        id: '3',
        created_at: '2026-11-20T09:00:00.000Z',
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog: null,
        replies_count: 1,
        reblogs_count: 1,
        favourites_count: 4,
      },
      {
        id: '2',
        created_at: '2026-11-19T09:00:00.000Z',
        in_reply_to_id: '77',
        in_reply_to_account_id: '555',
        reblog: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 2,
      },
      {
        id: '1',
        created_at: '2026-06-01T09:00:00.000Z',
        in_reply_to_id: null,
        in_reply_to_account_id: null,
        reblog: null,
        replies_count: 0,
        reblogs_count: 0,
        favourites_count: 0,
      },
    ]),
    'mastodon.example /api/v1/accounts/lookup?acct=nobody': json(404, { error: 'Record not found' }),
    'mastodon.example /api/v1/accounts/lookup?acct=banned': json(200, { id: '5', username: 'banned', suspended: true, followers_count: 0 }),
    'www.googleapis.com /youtube/v3/channels?part=statistics&forHandle=%40NHSEngland&key=test-key': json(200, {
      kind: 'youtube#channelListResponse',
      items: [
        {
          kind: 'youtube#channel',
          id: 'UCaaaaaaaaaaaaaaaaaaaaaa',
          statistics: { viewCount: '9000000', subscriberCount: '150000', hiddenSubscriberCount: false, videoCount: '2100' },
        },
      ],
    }),
    'www.googleapis.com /youtube/v3/channels?part=statistics&id=UCbbbbbbbbbbbbbbbbbbbbbb&key=test-key': json(200, {
      kind: 'youtube#channelListResponse',
      pageInfo: { totalResults: 0 },
    }),
  });
});
afterAll(async () => server?.close());
// The rate-limited account answers 429 to its first request in each test, whatever ran before (issue 26).
beforeEach(() => {
  rateLimited = 0;
});

const acc = (platform: Account['platform'], handle: string, url: string): Account => ({
  platform,
  handle,
  url,
  verification: 'official',
  state: 'active',
  source: 'test-source',
  checked: '2026-08-01',
});
const orgWith = (id: string, account: Account): Organisation =>
  makeOrganisation({ id, name: `Org ${id}`, domains: [], accounts: [account] });
const bsky = (id: string, handle: string) => orgWith(id, acc('bluesky', handle, `https://bsky.app/profile/${handle}`));
const INDEX_FILE = join(tmp, 'index.json');
writeFileSync(
  INDEX_FILE,
  JSON.stringify(
    makeIndex([
      bsky('RRV', 'uclh.bsky.social'),
      bsky('RJ1', 'gone.bsky.social'),
      bsky('RP4', 'suspended.bsky.social'),
      bsky('RR8', 'ratelimited.bsky.social'),
      bsky('RJZ', 'broken.bsky.social'),
      bsky('RAL', 'malformed.bsky.social'),
      orgWith('RRU', acc('mastodon', '@ldnambulance@mastodon.example', 'https://mastodon.example/@ldnambulance')),
      orgWith('RGT', acc('mastodon', '@nobody@mastodon.example', 'https://mastodon.example/@nobody')),
      orgWith('RTH', acc('mastodon', '@banned@mastodon.example', 'https://mastodon.example/@banned')),
      orgWith('X24', acc('youtube', '@NHSEngland', 'https://www.youtube.com/@NHSEngland')),
      orgWith('RW4', acc('youtube', 'channel/UCbbbbbbbbbbbbbbbbbbbbbb', 'https://www.youtube.com/channel/UCbbbbbbbbbbbbbbbbbbbbbb')),
      orgWith('RJ2', acc('youtube', 'c/oldname', 'https://www.youtube.com/c/oldname')),
      orgWith('RJ6', acc('x', 'someone', 'https://x.com/someone')),
    ]),
  ),
);

/** Runs `metrics collect` against the loopback APIs with a fresh state file. */
function collect(extra: string[], env: Record<string, string> = {}): Promise<NslRun> {
  const state = join(tmp, `state-${Math.random().toString(36).slice(2)}.json`);
  const apis = ['--mastodon-scheme', 'http', '--bluesky-api', 'http://public.api.bsky.app', '--youtube-api', 'http://www.googleapis.com'];
  return runNsl(
    [
      'metrics',
      'collect',
      '--index',
      INDEX_FILE,
      '--state',
      state,
      '--date',
      '2026-11-25',
      '--delay-ms',
      '5',
      '--timeout-ms',
      '2000',
      ...apis,
      '--connect-to',
      `127.0.0.1:${server.port}`,
      ...extra,
    ],
    { YOUTUBE_API_KEY: '', ...env },
  );
}
const byOds = (lines: Record<string, unknown>[]) => Object.fromEntries(lines.map((l) => [String(l.ods), l]));

describe('metrics collect', () => {
  it('measures Bluesky accounts and records gone, suspended, rate-limited, failing and malformed answers', async () => {
    const r = await collect(['--platform', 'bluesky']);
    expect(r.code).toBe(0);
    const lines = byOds(r.lines);
    expect(lines.RRV).toEqual({
      type: 'metrics',
      ods: 'RRV',
      platform: 'bluesky',
      handle: 'uclh.bsky.social',
      url: 'https://bsky.app/profile/uclh.bsky.social',
      measuredAt: '2026-11-25',
      api: 'bluesky-appview',
      followers: 1234,
      postsTotal: 456,
      posts30d: 3,
      replyShare30d: 0.333,
      engagementPerPost30d: 10,
      lastPostAt: '2026-11-24',
    });
    expect(lines.RJ1).toMatchObject({ type: 'gone', reason: 'not-found', checked: '2026-11-25' });
    expect(lines.RP4).toMatchObject({ type: 'gone', reason: 'suspended' });
    expect(lines.RR8).toMatchObject({ type: 'metrics', followers: 7, posts30d: 0 });
    expect(rateLimited).toBe(2);
    expect(lines.RJZ).toMatchObject({ type: 'failed', reason: 'HTTP 500 after 4 tries' });
    expect(lines.RAL).toMatchObject({ type: 'failed', reason: expect.stringContaining('not JSON') });
    expect(r.stderr).toMatch(/measured 2 accounts; 2 gone; 2 failed/);
  }, 30_000);

  it('measures Mastodon accounts, and records unknown and suspended ones as gone', async () => {
    const lines = byOds((await collect(['--platform', 'mastodon'])).lines);
    expect(lines.RRU).toMatchObject({
      type: 'metrics',
      api: 'mastodon',
      followers: 800,
      postsTotal: 90,
      posts30d: 2,
      replyShare30d: 0.5,
      engagementPerPost30d: 4,
      lastPostAt: '2026-11-20',
    });
    expect(lines.RGT).toMatchObject({ type: 'gone', reason: 'not-found' });
    expect(lines.RTH).toMatchObject({ type: 'gone', reason: 'suspended' });
  });

  it('skips YouTube with a clear message when no API key is set', async () => {
    const r = await collect(['--platform', 'youtube']);
    expect(r.lines).toEqual([]);
    expect(r.stderr).toMatch(/YouTube skipped: set YOUTUBE_API_KEY/);
  });

  it('measures YouTube channels with a key; a custom URL cannot be looked up and says why', async () => {
    const lines = byOds((await collect(['--platform', 'youtube'], { YOUTUBE_API_KEY: 'test-key' })).lines);
    expect(lines.X24).toMatchObject({ type: 'metrics', api: 'youtube-data-v3', followers: 150000, postsTotal: 2100 });
    expect(lines.X24).not.toHaveProperty('posts30d');
    expect(lines.RW4).toMatchObject({ type: 'gone', reason: 'not-found' });
    expect(lines.RJ2).toMatchObject({ type: 'failed', reason: expect.stringContaining('custom URL') });
  });

  it('refuses platforms with no open API, saying where their figures come from', async () => {
    const r = await collect(['--platform', 'x']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/x has no open API/);
  });

  it.each([
    [['--date', '2026-02-30'], 'nsl: --date must be a real date written YYYY-MM-DD, not "2026-02-30"'],
    [['--date', 'tomorrow'], 'nsl: --date must be a real date written YYYY-MM-DD, not "tomorrow"'],
    [['--bluesky-api', 'public.api.bsky.app'], 'nsl: --bluesky-api must be an http(s) address, not "public.api.bsky.app"'],
    [['--youtube-api', 'http://[x'], 'nsl: --youtube-api must be an http(s) address, not "http://[x"'],
    [['--mastodon-scheme', 'gopher'], 'nsl: --mastodon-scheme must be https or http, not "gopher"'],
    [['--connect-to', '127.0.0.1:99999'], 'nsl: --connect-to must be HOST:PORT, not "127.0.0.1:99999"'],
  ])('refuses %j with one line and exit 1, not an internal error (issue 17)', async (extra, message) => {
    const r = await collect(extra);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`${message}\n`);
    expect(r.lines).toEqual([]);
  });
});
