import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createLiveGet } from '../../lib/browser/live-get';

const NOW = new Date('2026-11-28T14:02:00Z');
const URL_ = 'https://public.api.bsky.app/xrpc/app.bsky.actor.getProfile?actor=uclh.bsky.social';

/** A live get over a fetch that answers `answer` (or throws it), recording the options it was given. */
function liveGet(answer: (init: RequestInit) => Promise<Response>, options: { timeoutMs?: number; maxBytes?: number } = {}) {
  const inits: RequestInit[] = [];
  const live = createLiveGet({
    fetch: async (_input, init) => {
      inits.push(init ?? {});
      return answer(init ?? {});
    },
    timeoutMs: options.timeoutMs ?? 1000,
    maxBytes: options.maxBytes ?? 1000,
    now: () => NOW,
  });
  return { ...live, inits };
}

/** A body that sends `chunks` slowly, one every `ms`, ending when done or aborted. */
function slowBody(chunks: number, size: number, ms = 5): ReadableStream<Uint8Array> {
  let sent = 0;
  return new ReadableStream({
    async pull(controller) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(size).fill(0x20));
    },
  });
}

describe('the browser’s JSON get for live figures', () => {
  it('returns the status and parsed body, asking without credentials, referrer, cache or redirects', async () => {
    const live = liveGet(async () => new Response('{"did":"did:plc:x","followersCount":3}', { status: 200 }));
    await expect(live.get(URL_)).resolves.toEqual({ ok: true, status: 200, json: { did: 'did:plc:x', followersCount: 3 } });
    expect(live.inits[0]).toMatchObject({ credentials: 'omit', referrerPolicy: 'no-referrer', redirect: 'error', cache: 'no-store' });
    expect(live.problem()).toBeUndefined();
  });

  it('gives up after the timeout: a server that never answers is "did not answer in time"', async () => {
    const live = liveGet(
      (init) =>
        new Promise((_resolve, reject) => init.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))),
      { timeoutMs: 30 },
    );
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'no answer in time' });
    expect(live.problem()).toEqual({ kind: 'timeout', seconds: 0 });
  });

  it('gives up after the timeout also while the body trickles in', async () => {
    const live = liveGet(async () => new Response(slowBody(1000, 1, 10), { status: 200 }), {
      timeoutMs: 40,
      maxBytes: 100_000,
    });
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'no answer in time' });
    expect(live.problem()).toEqual({ kind: 'timeout', seconds: 0 });
  });

  it('refuses an answer whose declared length is over the cap, unread', async () => {
    const live = liveGet(async () => new Response('{}', { status: 200, headers: { 'content-length': '5000' } }));
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'larger than 1000 bytes' });
    expect(live.problem()).toEqual({ kind: 'too-large', bytes: 1000 });
  });

  it('stops reading an answer that grows past the cap without saying its length', async () => {
    const live = liveGet(async () => new Response(slowBody(50, 100, 0), { status: 200 }));
    await expect(live.get(URL_)).resolves.toMatchObject({ ok: false });
    expect(live.problem()).toEqual({ kind: 'too-large', bytes: 1000 });
  });

  it('reads an answer exactly at the cap', async () => {
    const body = `"${'a'.repeat(998)}"`;
    const live = liveGet(async () => new Response(body, { status: 200 }));
    await expect(live.get(URL_)).resolves.toEqual({ ok: true, status: 200, json: 'a'.repeat(998) });
  });

  it('a 429 is a wait, with Retry-After in seconds read as a time', async () => {
    const live = liveGet(async () => new Response('{"error":"RateLimitExceeded"}', { status: 429, headers: { 'retry-after': '300' } }));
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'asked to wait (HTTP 429)' });
    expect(live.problem()).toEqual({ kind: 'rate-limited', retryAt: '2026-11-28T14:07:00.000Z' });
  });

  it('a 429 without Retry-After is a wait with no time', async () => {
    const live = liveGet(async () => new Response('', { status: 429 }));
    await live.get(URL_);
    expect(live.problem()).toEqual({ kind: 'rate-limited' });
  });

  it.each([500, 502, 503])('a %i is the server’s problem', async (status) => {
    const live = liveGet(async () => new Response('<html>down</html>', { status }));
    await expect(live.get(URL_)).resolves.toMatchObject({ ok: false });
    expect(live.problem()).toEqual({ kind: 'server', status });
  });

  it('malformed JSON in a success is a failure in words, never a throw', async () => {
    const live = liveGet(async () => new Response('{"did": "did:plc:x", "followersCount": 12', { status: 200 }));
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'the answer was not JSON (HTTP 200)' });
    expect(live.problem()).toEqual({ kind: 'malformed' });
  });

  it('passes on a 4xx, with its body when it is JSON (Bluesky’s AccountDeactivated) and without when not (a 404 page)', async () => {
    const deactivated = liveGet(async () => new Response('{"error":"AccountDeactivated"}', { status: 400 }));
    await expect(deactivated.get(URL_)).resolves.toEqual({ ok: true, status: 400, json: { error: 'AccountDeactivated' } });
    const notFound = liveGet(async () => new Response('<h1>Not found</h1>', { status: 404 }));
    await expect(notFound.get(URL_)).resolves.toEqual({ ok: true, status: 404, json: undefined });
    expect(notFound.problem()).toBeUndefined();
  });

  it('a refused connection (no network) is "offline"', async () => {
    const live = liveGet(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(live.get(URL_)).resolves.toEqual({ ok: false, reason: 'could not connect' });
    expect(live.problem()).toEqual({ kind: 'offline' });
  });

  it('never throws and always answers in one of its two shapes, whatever the server sends', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 200, max: 599 }),
        fc.string({ maxLength: 300 }),
        fc.option(fc.string({ maxLength: 20 })),
        async (status, body, retryAfter) => {
          const headers: Record<string, string> = retryAfter === null ? {} : { 'retry-after': retryAfter.replace(/[^\x20-\x7e]/g, '') };
          const live = liveGet(async () => new Response([204, 205, 304].includes(status) ? null : body, { status, headers }), {
            maxBytes: 200,
          });
          const result = await live.get(URL_);
          if (result.ok) expect(result.status).toBe(status);
          else expect(live.problem()).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });
});
