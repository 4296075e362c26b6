import { describe, expect, it } from 'vitest';
import { recordLiveAnswer } from '../../../lib/browser/live-figures-store';
import type { LiveAccount } from '../../../lib/collect/live-figures';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { makeIndex } from '../../support/index-factory';
import {
  BLUESKY_HOST,
  blueskyAnswers,
  blueskyProfilePath,
  type FakeAnswers,
  fakeFetch,
  jsonAnswer,
  MASTODON_HOST,
  mastodonAnswers,
  mastodonLookupPath,
} from '../../support/live-apis';
import { FROM_PAGE, NOW, service, useFreshDatabase } from './support';

useFreshDatabase();

const HOUR = 3_600_000;
const BSKY: LiveAccount = { platform: 'bluesky', handle: 'uclh.bsky.social', url: 'https://bsky.app/profile/uclh.bsky.social' };
const MASTO: LiveAccount = { platform: 'mastodon', handle: `@uclh@${MASTODON_HOST}`, url: `https://${MASTODON_HOST}/@uclh` };

/** The service with the fake APIs answering `answers`, the hosts in `allowed` granted, and a clock a test moves. */
function liveService(answers: FakeAnswers, allowed = [`https://${BLUESKY_HOST}`, `https://${MASTODON_HOST}`]) {
  let now = NOW;
  const state = { answers };
  const seen: { url: string; init?: RequestInit }[] = [];
  const { svc } = service(makeIndex(), DEFAULT_SETTINGS, {
    live: { fetch: fakeFetch(() => state.answers, seen), timeoutMs: 1000, hasHost: async (origin) => allowed.includes(origin) },
    now: () => now,
  });
  const ask = (account: LiveAccount, fetch = true) => svc.handlers['ui-bg-get-live-figures']({ account, fetch }, FROM_PAGE);
  return {
    svc,
    seen,
    state,
    ask,
    /** Moves the clock on by `ms`. */
    later(ms: number) {
      now = new Date(now.getTime() + ms);
      return now;
    },
  };
}

describe('live figures in the background', () => {
  it('reads a Bluesky account with the collector: followers, posts in 30 days, replies, last post, conversational', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    const state = await live.ask(BSKY);
    expect(state.last).toEqual({
      at: NOW.toISOString(),
      source: 'Bluesky',
      outcome: 'measured',
      figures: {
        followers: 1234,
        postsTotal: 420,
        posts30d: 3,
        replyShare30d: 0.333,
        engagementPerPost30d: 6,
        lastPostAt: new Date(NOW.getTime() - 86_400_000).toISOString().slice(0, 10),
        dormant: false,
        style: 'conversational',
      },
    });
    expect(state.good).toEqual(state.last);
    expect(state.points).toEqual([{ day: NOW.toISOString().slice(0, 10), followers: 1234 }]);
    // Credentials never go with the request (issue 19: nothing else leaves the machine).
    expect(live.seen.map((s) => s.init?.credentials)).toEqual(['omit', 'omit']);
  });

  it('reads a Mastodon account from its own instance: a broadcaster', async () => {
    const live = liveService(mastodonAnswers('uclh', NOW, 800));
    const state = await live.ask(MASTO);
    expect(state.last).toMatchObject({
      source: MASTODON_HOST,
      outcome: 'measured',
      figures: { followers: 800, posts30d: 2, replyShare30d: 0, style: 'broadcaster' },
    });
    expect(live.seen.map((s) => s.url)).toEqual([mastodonLookupPath('uclh'), `${MASTODON_HOST}/api/v1/accounts/109/statuses?limit=40`]);
  });

  it('only reads what is kept when not asked to fetch', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    await expect(live.ask(BSKY, false)).resolves.toEqual({ points: [] });
    expect(live.seen).toEqual([]);
  });

  it('keeps an answer for a day: asked again within it, the platform is not asked; after it, it is', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    await live.ask(BSKY);
    live.later(23 * HOUR);
    live.state.answers = blueskyAnswers(BSKY.handle, NOW, 1300);
    await expect(live.ask(BSKY)).resolves.toMatchObject({ last: { at: NOW.toISOString(), figures: { followers: 1234 } } });
    expect(live.seen).toHaveLength(2);
    live.later(2 * HOUR);
    await expect(live.ask(BSKY)).resolves.toMatchObject({ last: { figures: { followers: 1300 } } });
    expect(live.seen).toHaveLength(4);
  });

  it('keeps one point a day per account, from each day the user asked', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1000));
    await live.ask(BSKY);
    live.later(25 * HOUR);
    live.state.answers = blueskyAnswers(BSKY.handle, NOW, 1050);
    await live.ask(BSKY);
    live.later(48 * HOUR);
    const state = await live.ask(BSKY);
    const day = (offset: number) => new Date(NOW.getTime() + offset * HOUR).toISOString().slice(0, 10);
    expect(state.points).toEqual([
      { day: day(0), followers: 1000 },
      { day: day(25), followers: 1050 },
      { day: day(73), followers: 1050 },
    ]);
    // Each account has its own points.
    await expect(live.ask({ ...BSKY, handle: 'other.bsky.social' }, false)).resolves.toEqual({ points: [] });
  });

  it('a second answer the same day replaces that day’s point rather than adding one', async () => {
    const live = liveService({});
    const db = await live.svc.database();
    const answer = (at: Date, followers: number) => ({
      at: at.toISOString(),
      source: 'Bluesky',
      outcome: 'measured' as const,
      figures: { followers, style: 'unknown' as const },
    });
    await recordLiveAnswer(db, BSKY, answer(NOW, 1000));
    const state = await recordLiveAnswer(db, BSKY, answer(new Date(NOW.getTime() + 2 * HOUR), 1010));
    expect(state.points).toEqual([{ day: NOW.toISOString().slice(0, 10), followers: 1010 }]);
    expect(await db.count('livePoints')).toBe(1);
  });

  it.each([
    [
      'a server error',
      { [blueskyProfilePath(BSKY.handle)]: jsonAnswer(500, { error: 'InternalServerError' }) },
      { kind: 'server', status: 500 },
    ],
    [
      'malformed JSON',
      { [blueskyProfilePath(BSKY.handle)]: jsonAnswer(200, '{"did": "did:plc:x", "followersCount": 12') },
      { kind: 'malformed' },
    ],
    ['no network', { [blueskyProfilePath(BSKY.handle)]: 'refuse' as const }, { kind: 'offline' }],
    [
      'a deactivated account',
      { [blueskyProfilePath(BSKY.handle)]: jsonAnswer(400, { error: 'AccountDeactivated', message: 'Account is deactivated' }) },
      { kind: 'gone', reason: 'deactivated' },
    ],
    [
      'an unusable answer',
      { [blueskyProfilePath(BSKY.handle)]: jsonAnswer(200, { handle: 'no did' }) },
      { kind: 'unusable', detail: 'unexpected profile answer (HTTP 200)' },
    ],
  ])('after %s, says why and keeps the last figures', async (_case, answers, problem) => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    await live.ask(BSKY);
    live.later(25 * HOUR);
    live.state.answers = answers;
    const state = await live.ask(BSKY);
    expect(state.last).toEqual({ at: new Date(NOW.getTime() + 25 * HOUR).toISOString(), source: 'Bluesky', outcome: 'failed', problem });
    expect(state.good).toMatchObject({ at: NOW.toISOString(), figures: { followers: 1234 } });
    // Still kept after the service worker restarts: it is in the database.
    await expect(live.ask(BSKY, false)).resolves.toEqual(state);
  });

  it('a Mastodon account that is gone (404) is said so', async () => {
    const live = liveService({ [mastodonLookupPath('uclh')]: jsonAnswer(404, { error: 'Record not found' }) });
    await expect(live.ask(MASTO)).resolves.toMatchObject({ last: { outcome: 'failed', problem: { kind: 'gone', reason: 'not-found' } } });
  });

  it('honours Retry-After: no request before the time the platform gave, then asks again', async () => {
    const live = liveService({
      [blueskyProfilePath(BSKY.handle)]: jsonAnswer(429, { error: 'RateLimitExceeded' }, { 'retry-after': '300' }),
    });
    const state = await live.ask(BSKY);
    expect(state.last).toMatchObject({ problem: { kind: 'rate-limited', retryAt: new Date(NOW.getTime() + 300_000).toISOString() } });
    live.later(299_000);
    live.state.answers = blueskyAnswers(BSKY.handle, NOW, 1234);
    await live.ask(BSKY);
    expect(live.seen).toHaveLength(1);
    live.later(2000);
    await expect(live.ask(BSKY)).resolves.toMatchObject({ last: { outcome: 'measured' } });
  });

  it('fetches nothing from a host the user has not allowed, and keeps nothing', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234), []);
    const state = await live.ask(BSKY);
    expect(state.last).toMatchObject({ outcome: 'failed', problem: { kind: 'not-allowed', host: BLUESKY_HOST } });
    expect(live.seen).toEqual([]);
    await expect(live.ask(BSKY, false)).resolves.toEqual({ points: [] });
  });

  it.each(['@uclh@localhost', '@uclh@192.168.1.10', '@uclh@printer.local', '@uclh@intranet', '@uclh@evil.example/path'])(
    'never asks a Mastodon "instance" a page could name on a local network: %s',
    async (handle) => {
      const live = liveService({}, [`https://${handle.split('@')[2]}`]);
      const state = await live.ask({ platform: 'mastodon', handle, url: 'https://example.org/' });
      expect(state.last).toMatchObject({ outcome: 'failed', problem: { kind: 'not-askable' } });
      expect(live.seen).toEqual([]);
    },
  );

  it('answers nothing for a request that is not an account on a live platform', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    for (const account of [{ ...BSKY, platform: 'x' }, { ...BSKY, url: 'javascript:alert(1)' }, { ...BSKY, handle: '' }, null])
      await expect(
        live.svc.handlers['ui-bg-get-live-figures']({ account: account as LiveAccount, fetch: true }, FROM_PAGE),
      ).resolves.toEqual({
        points: [],
      });
    expect(live.seen).toEqual([]);
  });

  it('asks once when two requests for one account arrive together', async () => {
    const live = liveService(blueskyAnswers(BSKY.handle, NOW, 1234));
    const [a, b] = await Promise.all([live.ask(BSKY), live.ask(BSKY)]);
    expect(a).toEqual(b);
    expect(live.seen).toHaveLength(2);
  });

  it('"Delete all my data" empties the live answers and the daily points', async () => {
    const live = liveService({ ...blueskyAnswers(BSKY.handle, NOW, 1234), ...mastodonAnswers('uclh', NOW, 800) });
    await live.ask(BSKY);
    await live.ask(MASTO);
    await live.svc.handlers['ui-bg-delete-all-data']({}, FROM_PAGE);
    const db = await live.svc.database();
    expect([await db.count('liveAnswers'), await db.count('livePoints')]).toEqual([0, 0]);
    await expect(live.ask(BSKY, false)).resolves.toEqual({ points: [] });
  });
});
