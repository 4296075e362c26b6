/**
 * The browser's JSON GET for live figures (issue 19), the `JsonGet` the collectors take, on top of
 * `fetch` in the background: no cookies or credentials, no referrer, no redirects followed, a
 * timeout, a cap on the answer's size, and every failure kept as a `LiveProblem` so the popup can
 * say it in words. The command line's polite client does the same job in Node (lib/cli/polite-http.ts).
 */
import { type LiveProblem, MAX_RETRY_AFTER_MS } from '../collect/live-figures';
import type { JsonGet } from '../collect/types';

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
  const get: JsonGet = async (url) => {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), options.timeoutMs);
    try {
      let response: Response;
      try {
        response = await options.fetch(url, {
          credentials: 'omit',
          referrerPolicy: 'no-referrer',
          redirect: 'error',
          cache: 'no-store',
          headers: { accept: 'application/json' },
          signal: controller.signal,
        });
      } catch {
        if (controller.signal.aborted) return fail({ kind: 'timeout', seconds: Math.round(options.timeoutMs / 1000) }, 'no answer in time');
        // fetch rejects alike for no network, a refused connection and a refused redirect: the
        // first two are far likelier, and a redirect is refused with `redirect: 'error'` only.
        return fail({ kind: 'offline' }, 'could not connect');
      }
      if (response.type === 'opaqueredirect' || response.redirected) return fail({ kind: 'redirected' }, 'redirected');
      if (response.status === 429) {
        const retryAt = retryAtOf(response.headers.get('retry-after'), options.now());
        return fail({ kind: 'rate-limited', ...(retryAt ? { retryAt } : {}) }, 'asked to wait (HTTP 429)');
      }
      if (response.status >= 500) return fail({ kind: 'server', status: response.status }, `server error (HTTP ${response.status})`);
      const body = await readCapped(response, options.maxBytes, controller.signal);
      if (body === 'too-large') return fail({ kind: 'too-large', bytes: options.maxBytes }, `larger than ${options.maxBytes} bytes`);
      if (body === 'aborted') return fail({ kind: 'timeout', seconds: Math.round(options.timeoutMs / 1000) }, 'no answer in time');
      if (body === 'broken') return fail({ kind: 'offline' }, 'the connection broke');
      try {
        return { ok: true, status: response.status, json: JSON.parse(body) as unknown };
      } catch {
        if (response.status >= 400) return { ok: true, status: response.status, json: undefined };
        return fail({ kind: 'malformed' }, `the answer was not JSON (HTTP ${response.status})`);
      }
    } finally {
      clearTimeout(timer);
    }
  };
  return { get, problem: () => problem };
}

/** The body as text, read no further than `maxBytes` (a Content-Length over it is refused unread). */
async function readCapped(response: Response, maxBytes: number, signal: AbortSignal): Promise<string | 'too-large' | 'aborted' | 'broken'> {
  const declared = Number(response.headers.get('content-length') ?? Number.NaN);
  if (declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    return 'too-large';
  }
  if (response.body === null) return '';
  const reader = response.body.getReader();
  // The timeout covers the body too: a server that trickles bytes is cut off like a silent one.
  const stop = () => void reader.cancel().catch(() => undefined);
  signal.addEventListener('abort', stop);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (signal.aborted) return 'aborted';
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => undefined);
        return 'too-large';
      }
      chunks.push(value);
    }
  } catch {
    return signal.aborted ? 'aborted' : 'broken';
  } finally {
    signal.removeEventListener('abort', stop);
  }
  const joined = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(joined);
}

/**
 * When the platform said to try again (Retry-After: seconds, or an HTTP date), as an ISO time,
 * at most MAX_RETRY_AFTER_MS away; undefined when it did not say or said nonsense.
 */
export function retryAtOf(header: string | null, now: Date): string | undefined {
  if (header === null) return undefined;
  const trimmed = header.trim();
  // Delay-seconds, or an HTTP date (which names a day): anything else is not read.
  const at = /^\d+$/.test(trimmed) ? now.getTime() + Number(trimmed) * 1000 : /[a-z]{3}/i.test(trimmed) ? Date.parse(trimmed) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return new Date(Math.min(Math.max(at, now.getTime()), now.getTime() + MAX_RETRY_AFTER_MS)).toISOString();
}
