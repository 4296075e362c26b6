/**
 * The browser's JSON GET for live figures (issue 19), the `JsonGet` the collectors take, on top of
 * `fetch` in the background: no cookies or credentials, no referrer, no redirects followed, a
 * timeout, a cap on the answer's size, and every failure kept as a `LiveProblem` so the popup can
 * say it in words. The command line's polite client does the same job in Node (lib/cli/polite-http.ts).
 */
import { type LiveProblem, MAX_RETRY_AFTER_MS } from '../collect/live-figures';
import type { JsonGet } from '../collect/types';
import { bodyText, cappedFetch } from '../net/capped-fetch';
import { retryAfterDelay } from '../net/retry-after';

export interface LiveGetOptions {
  fetch: typeof fetch;
  timeoutMs: number;
  /** The largest answer read, in bytes; a larger one is a failure, never half-read. */
  maxBytes: number;
  now: () => Date;
}

/** A `get` for one account's requests, and the problem that ended them, if one did. */
export interface LiveGet {
  get: JsonGet;
  problem(): LiveProblem | undefined;
}

/** Answers larger than this are refused: a profile with 5 pages of 100 posts is about 1 MB. */
export const LIVE_MAX_BYTES = 4_000_000;

/**
 * A JSON GET that records why it failed. A 429 or a 5xx is a failure (`problem()` says which, with
 * Retry-After read as a time); other statuses are passed on with their body, so the collectors can
 * read "gone" (Bluesky's 400 AccountDeactivated, Mastodon's 404); a success that is not JSON is a
 * failure, a 4xx that is not JSON is passed on without a body.
 */
export function createLiveGet(options: LiveGetOptions): LiveGet {
  let problem: LiveProblem | undefined;
  const fail = (found: LiveProblem, reason: string) => {
    problem = found;
    return { ok: false as const, reason };
  };
  const timeout = () => fail({ kind: 'timeout', seconds: Math.round(options.timeoutMs / 1000) }, 'no answer in time');
  const get: JsonGet = async (url) => {
    const fetched = await cappedFetch({
      fetch: options.fetch,
      url,
      init: {
        credentials: 'omit',
        referrerPolicy: 'no-referrer',
        redirect: 'error',
        cache: 'no-store',
        headers: { accept: 'application/json' },
      },
      timeoutMs: options.timeoutMs,
      maxBytes: options.maxBytes,
      // A redirect, a 429 or a 5xx is a failure whatever its body says: never read.
      wantBody: (response) => !isRedirect(response) && response.status !== 429 && response.status < 500,
    });
    if (!fetched.ok) {
      if (fetched.problem === 'timeout') return timeout();
      if (fetched.problem === 'too-large')
        return fail({ kind: 'too-large', bytes: options.maxBytes }, `larger than ${options.maxBytes} bytes`);
      if (fetched.problem === 'broken') return fail({ kind: 'offline' }, 'the connection broke');
      // fetch rejects alike for no network, a refused connection and a refused redirect: the
      // first two are far likelier, and a redirect is refused with `redirect: 'error'` only.
      return fail({ kind: 'offline' }, 'could not connect');
    }
    const { response } = fetched;
    if (isRedirect(response)) return fail({ kind: 'redirected' }, 'redirected');
    if (response.status === 429) {
      const now = options.now();
      const wait = retryAfterDelay(response.headers.get('retry-after'), now, MAX_RETRY_AFTER_MS);
      const retryAt = wait === undefined ? undefined : new Date(now.getTime() + wait).toISOString();
      return fail({ kind: 'rate-limited', ...(retryAt ? { retryAt } : {}) }, 'asked to wait (HTTP 429)');
    }
    if (response.status >= 500) return fail({ kind: 'server', status: response.status }, `server error (HTTP ${response.status})`);
    try {
      return { ok: true, status: response.status, json: JSON.parse(bodyText(fetched.body)) as unknown };
    } catch {
      if (response.status >= 400) return { ok: true, status: response.status, json: undefined };
      return fail({ kind: 'malformed' }, `the answer was not JSON (HTTP ${response.status})`);
    }
  };
  return { get, problem: () => problem };
}

const isRedirect = (response: Response) => response.type === 'opaqueredirect' || response.redirected;
