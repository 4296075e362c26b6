/**
 * Bluesky's public AppView and a Mastodon instance as tests stand them in (issue 19): answers
 * shaped as each API's documentation shows (docs.bsky.app: app.bsky.actor.getProfile,
 * app.bsky.feed.getAuthorFeed; docs.joinmastodon.org: accounts/lookup, accounts/:id/statuses),
 * dated from the `now` a test gives, keyed by `host/path?query`. Unit tests read them through a
 * fake `fetch`; browser tests serve them from the loopback fixture server.
 */
export const BLUESKY_HOST = 'public.api.bsky.app';
export const MASTODON_HOST = 'social.nhs-lens.example';

/** One answer: a status, a body and headers, or a connection refused (the network is down). */
export type FakeAnswer = { status: number; body: string; headers?: Record<string, string> } | 'refuse';
export type FakeAnswers = Record<string, FakeAnswer>;

const DAY = 86_400_000;
const ago = (now: Date, days: number) => new Date(now.getTime() - days * DAY).toISOString();
export const jsonAnswer = (status: number, body: unknown, headers: Record<string, string> = {}): FakeAnswer => ({
  status,
  body: typeof body === 'string' ? body : JSON.stringify(body),
  headers: { 'content-type': 'application/json', ...headers },
});

export const blueskyProfilePath = (handle: string) => `${BLUESKY_HOST}/xrpc/app.bsky.actor.getProfile?actor=${encodeURIComponent(handle)}`;
export const blueskyFeedPath = (handle: string) =>
  `${BLUESKY_HOST}/xrpc/app.bsky.feed.getAuthorFeed?actor=${encodeURIComponent(handle)}&limit=100&filter=posts_with_replies`;

/**
 * A Bluesky account with `followers`, whose feed holds three posts in the last 30 days (one a
 * reply to someone else: a third, so conversational) and one older; its newest post `lastDays` ago.
 */
export function blueskyAnswers(handle: string, now: Date, followers: number, lastDays = 1): FakeAnswers {
  const did = `did:plc:${handle
    .replace(/[^a-z0-9]/g, '')
    .padEnd(24, 'x')
    .slice(0, 24)}`;
  const post = (days: number, replyTo?: string) => ({
    post: {
      uri: `at://${did}/app.bsky.feed.post/${days}`,
      author: { did, handle },
      record: {
        $type: 'app.bsky.feed.post',
        text: 'News',
        createdAt: ago(now, days),
        ...(replyTo ? { reply: { parent: { uri: replyTo } } } : {}),
      },
      replyCount: 1,
      repostCount: 2,
      likeCount: 3,
    },
  });
  return {
    [blueskyProfilePath(handle)]: jsonAnswer(200, { did, handle, followersCount: followers, followsCount: 3, postsCount: 420 }),
    [blueskyFeedPath(handle)]: jsonAnswer(200, {
      feed: [post(lastDays), post(lastDays + 1, 'at://did:plc:someoneelse/app.bsky.feed.post/1'), post(lastDays + 2), post(lastDays + 40)],
    }),
  };
}

export const mastodonLookupPath = (user: string, host = MASTODON_HOST) => `${host}/api/v1/accounts/lookup?acct=${user}`;
export const mastodonStatusesPath = (id: string, host = MASTODON_HOST) => `${host}/api/v1/accounts/${id}/statuses?limit=40`;

/** A Mastodon account with `followers` and two posts in the last 30 days, neither a reply (a broadcaster). */
export function mastodonAnswers(user: string, now: Date, followers: number, host = MASTODON_HOST): FakeAnswers {
  const status = (id: string, days: number) => ({
    id,
    created_at: ago(now, days),
    in_reply_to_id: null,
    in_reply_to_account_id: null,
    reblog: null,
    replies_count: 0,
    reblogs_count: 1,
    favourites_count: 4,
  });
  return {
    [mastodonLookupPath(user, host)]: jsonAnswer(200, {
      id: '109',
      username: user,
      acct: user,
      followers_count: followers,
      statuses_count: 90,
    }),
    [mastodonStatusesPath('109', host)]: jsonAnswer(200, [status('3', 5), status('2', 6), status('1', 100)]),
  };
}

/**
 * A `fetch` answering from `answers()` (read at each call, so a test can change them), recording
 * each request's `host/path?query` and options in `seen`; anything unlisted is a 404.
 */
export function fakeFetch(answers: () => FakeAnswers, seen: { url: string; init?: RequestInit }[] = []): typeof fetch {
  return async (input, init) => {
    const url = new URL(String(input));
    seen.push({ url: `${url.host}${url.pathname}${url.search}`, ...(init ? { init } : {}) });
    const answer = answers()[`${url.host}${url.pathname}${url.search}`] ?? { status: 404, body: '{"error":"NotFound"}' };
    if (answer === 'refuse') throw new TypeError('Failed to fetch');
    return new Response(answer.body, { status: answer.status, headers: answer.headers ?? {} });
  };
}
