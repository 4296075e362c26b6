import { describe, expect, it } from 'vitest';
import { describeProblem, type LiveProblem, liveFiguresOf, liveOrigin, liveSourceLine, notToAskYet } from '../../lib/collect/live-figures';
import type { SnapshotLine } from '../../lib/collect/types';
import { formatFactTime } from '../../lib/format';

const NOW = new Date('2026-11-28T14:02:00Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000).toISOString();

describe('liveOrigin', () => {
  it.each([
    [
      { platform: 'bluesky', handle: 'uclh.bsky.social' },
      { ok: true, origin: 'https://public.api.bsky.app', name: 'Bluesky' },
    ],
    [
      { platform: 'bluesky', handle: 'did:plc:abcdefghijklmnopqrstuvwx' },
      { ok: true, origin: 'https://public.api.bsky.app', name: 'Bluesky' },
    ],
    [
      { platform: 'mastodon', handle: '@uclh@Mastodon.Social' },
      { ok: true, origin: 'https://mastodon.social', name: 'mastodon.social' },
    ],
    [{ platform: 'bluesky', handle: 'a b/c' }, { ok: false }],
    [{ platform: 'mastodon', handle: 'uclh@mastodon.social' }, { ok: false }],
    [{ platform: 'mastodon', handle: '@uclh@localhost' }, { ok: false }],
    [{ platform: 'mastodon', handle: '@uclh@10.0.0.1' }, { ok: false }],
    [{ platform: 'mastodon', handle: '@uclh@[::1]' }, { ok: false }],
    [{ platform: 'mastodon', handle: '@uclh@nas.home.arpa' }, { ok: false }],
    [{ platform: 'mastodon', handle: '@uclh@mastodon.social:8443' }, { ok: false }],
  ] as const)('%o → %o', (account, expected) => {
    expect(liveOrigin(account)).toMatchObject(expected);
  });
});

describe('liveFiguresOf: the adoption rules on one account’s figures', () => {
  const line = (figures: Partial<Extract<SnapshotLine, { type: 'metrics' }>>): Extract<SnapshotLine, { type: 'metrics' }> => ({
    type: 'metrics',
    ods: '',
    platform: 'bluesky',
    handle: 'uclh.bsky.social',
    url: 'https://bsky.app/profile/uclh.bsky.social',
    measuredAt: '2026-11-28',
    api: 'bluesky-appview',
    ...figures,
  });

  it('is conversational at one reply in five, a broadcaster below', () => {
    expect(liveFiguresOf(line({ posts30d: 10, replyShare30d: 0.2, lastPostAt: '2026-11-27' }), NOW)).toMatchObject({
      style: 'conversational',
      dormant: false,
    });
    expect(liveFiguresOf(line({ posts30d: 10, replyShare30d: 0.1 }), NOW).style).toBe('broadcaster');
  });

  it('is dormant after 90 days without a post, and unknown without posts or a last post', () => {
    expect(liveFiguresOf(line({ posts30d: 0, lastPostAt: '2026-08-29' }), NOW)).toEqual({
      posts30d: 0,
      lastPostAt: '2026-08-29',
      dormant: true,
      style: 'unknown',
    });
    expect(liveFiguresOf(line({ posts30d: 0, lastPostAt: '2026-08-31' }), NOW).dormant).toBe(false);
    expect(liveFiguresOf(line({ followers: 5 }), NOW)).toEqual({ followers: 5, style: 'unknown' });
  });
});

describe('notToAskYet', () => {
  const measured = (at: string) => ({
    last: { at, source: 'Bluesky', outcome: 'measured' as const, figures: { style: 'unknown' as const } },
  });
  const failed = (problem: LiveProblem) => ({ last: { at: NOW.toISOString(), source: 'Bluesky', outcome: 'failed' as const, problem } });
  it.each([
    ['nothing kept', {}, undefined],
    ['figures 23 hours old', measured(minutes(-23 * 60)), 'kept'],
    ['figures a day old', measured(minutes(-24 * 60)), undefined],
    ['figures from the future (a clock set back)', measured(minutes(10)), undefined],
    ['a failure', failed({ kind: 'server', status: 500 }), undefined],
    ['a wait not over', failed({ kind: 'rate-limited', retryAt: minutes(5) }), 'wait'],
    ['a wait over', failed({ kind: 'rate-limited', retryAt: minutes(-1) }), undefined],
    ['a wait without a time', failed({ kind: 'rate-limited' }), undefined],
  ] as const)('%s: %s', (_case, state, expected) => {
    expect(notToAskYet(state, NOW)).toBe(expected);
  });
});

describe('what a failure says', () => {
  it.each<[LiveProblem, string]>([
    [{ kind: 'offline' }, 'Could not reach Bluesky: this computer may be offline. Try again later.'],
    [{ kind: 'timeout', seconds: 15 }, 'Bluesky did not answer within 15 seconds. Try again later.'],
    [{ kind: 'rate-limited', retryAt: minutes(5) }, 'Bluesky asked us to wait; try again in 5 minutes.'],
    [{ kind: 'rate-limited', retryAt: minutes(0.5) }, 'Bluesky asked us to wait; try again in a minute.'],
    [{ kind: 'rate-limited', retryAt: minutes(180) }, 'Bluesky asked us to wait; try again in 3 hours.'],
    [{ kind: 'rate-limited', retryAt: minutes(-1) }, 'Bluesky asked us to wait; you can try again now.'],
    [{ kind: 'rate-limited' }, 'Bluesky asked us to wait; try again later.'],
    [{ kind: 'server', status: 503 }, 'Bluesky had a problem on its side (HTTP 503). Try again later.'],
    [
      { kind: 'malformed' },
      'Bluesky answered, but not in the form its public API uses, so no figures could be read from it. Try again later.',
    ],
    [{ kind: 'too-large', bytes: 4_000_000 }, 'Bluesky sent an answer too large to read (over 4 MB).'],
    [{ kind: 'redirected' }, 'Bluesky sent the request somewhere else, so it was not followed.'],
    [{ kind: 'gone', reason: 'deactivated' }, 'This account is no longer on Bluesky (deactivated).'],
    [
      { kind: 'not-allowed', host: 'public.api.bsky.app' },
      'Not fetched: NHS Social Lens may not reach public.api.bsky.app until you allow it (use “Get live figures”).',
    ],
    [
      { kind: 'not-askable', detail: '@x@localhost is not a Mastodon handle on a public server' },
      'Not fetched: @x@localhost is not a Mastodon handle on a public server.',
    ],
    [
      { kind: 'unusable', detail: 'unexpected profile answer (HTTP 200)' },
      'Bluesky sent an answer that could not be used (unexpected profile answer (HTTP 200)).',
    ],
  ])('%o: "%s"', (problem, words) => {
    expect(describeProblem(problem, 'Bluesky', NOW)).toBe(words);
  });
});

describe('the source line', () => {
  it('names the API and the time, to the minute, in the time zone given', () => {
    expect(liveSourceLine({ source: 'Bluesky', at: '2026-11-28T14:02:59Z' }, 'UTC')).toBe(
      "live from Bluesky's public API, 28 Nov 2026 14:02",
    );
    expect(liveSourceLine({ source: 'mastodon.social', at: '2026-07-01T08:05:00Z' }, 'Europe/London')).toBe(
      "live from mastodon.social's public API, 1 Jul 2026 09:05",
    );
  });

  it('formatFactTime leaves a value that is not a time as it is', () => {
    expect(formatFactTime('yesterday', 'UTC')).toBe('yesterday');
  });
});
