import { describe, expect, it } from 'vitest';
import { bodyText, type CappedFetch, cappedFetch } from '../../lib/net/capped-fetch';

const URL_ = 'https://www.example.nhs.uk/';
const bytes = (n: number) => new Uint8Array(n).fill(0x20);

/** A fetch that answers `answer`, recording the options it was given. */
function fetchOf(answer: (init: RequestInit) => Response | Promise<Response>) {
  const inits: RequestInit[] = [];
  const fetch = (async (_input: RequestInfo | URL, init?: RequestInit) => {
    inits.push(init ?? {});
    return answer(init ?? {});
  }) as typeof globalThis.fetch;
  return { fetch, inits };
}

/** A body of `chunks` chunks of `size` bytes, one every `ms`; records how much was pulled and whether it was cancelled. */
function streamed(chunks: number, size: number, ms = 0) {
  const seen = { pulled: 0, cancelled: false };
  let sent = 0;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
      if (sent++ >= chunks) return controller.close();
      seen.pulled += size;
      controller.enqueue(bytes(size));
    },
    cancel() {
      seen.cancelled = true;
    },
  });
  return { stream, seen };
}

const problemOf = (result: CappedFetch) => (result.ok ? 'ok' : result.problem);

/** The one capped download of the browser side (issue 27): the union of the refresh's, the site reader's and the live figures' rules. */
describe('cappedFetch', () => {
  it('reads a whole answer, passing on the request options with its own signal', async () => {
    const { fetch, inits } = fetchOf(() => new Response('hello', { status: 200 }));
    const result = await cappedFetch({ fetch, url: URL_, init: { credentials: 'omit' }, timeoutMs: 1000, maxBytes: 100 });
    expect(result.ok && bodyText(result.body)).toBe('hello');
    expect(inits[0]).toMatchObject({ credentials: 'omit' });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads an answer exactly at the cap', async () => {
    const { fetch } = fetchOf(() => new Response(bytes(100)));
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 1000, maxBytes: 100 });
    expect(result.ok && result.body?.byteLength).toBe(100);
  });

  it('refuses an answer whose Content-Length is over the cap before reading a byte', async () => {
    const { stream, seen } = streamed(10, 100);
    const { fetch } = fetchOf(() => new Response(stream, { headers: { 'content-length': '1000' } }));
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 1000, maxBytes: 999 });
    expect(result).toMatchObject({ ok: false, problem: 'too-large', declared: true });
    expect(seen.pulled).toBeLessThanOrEqual(100); // at most what a stream pulls before anyone reads
    expect(seen.cancelled).toBe(true);
  });

  it('stops reading an endless answer that says no length as soon as it passes the cap, and cancels the rest', async () => {
    const { stream, seen } = streamed(Number.POSITIVE_INFINITY, 1024);
    const { fetch } = fetchOf(() => new Response(stream));
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 1000, maxBytes: 10_000 });
    expect(result).toMatchObject({ ok: false, problem: 'too-large', declared: false });
    expect(seen.pulled).toBeLessThan(20_000);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.cancelled).toBe(true);
  });

  it('does not read a body that is not wanted, and cancels it', async () => {
    const { stream, seen } = streamed(10, 100);
    const { fetch } = fetchOf(() => new Response(stream, { status: 503 }));
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 1000, maxBytes: 10, wantBody: (r) => r.status < 500 });
    expect(result).toMatchObject({ ok: true, body: undefined });
    expect(result.ok && result.response.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(seen.cancelled).toBe(true);
  });

  it('gives up at the deadline on a fetch that never answers, even one that ignores its abort signal', async () => {
    const { fetch } = fetchOf(() => new Promise<Response>(() => undefined));
    const started = Date.now();
    expect(await cappedFetch({ fetch, url: URL_, timeoutMs: 50, maxBytes: 100 })).toEqual({
      ok: false,
      problem: 'timeout',
      stage: 'answer',
    });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('gives up at the same deadline on a body that trickles in for ever', async () => {
    const { stream, seen } = streamed(Number.POSITIVE_INFINITY, 1, 10);
    const { fetch } = fetchOf(() => new Response(stream));
    const started = Date.now();
    expect(await cappedFetch({ fetch, url: URL_, timeoutMs: 100, maxBytes: 1_000_000 })).toEqual({
      ok: false,
      problem: 'timeout',
      stage: 'body',
    });
    expect(Date.now() - started).toBeLessThan(2000);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(seen.cancelled).toBe(true);
  });

  it('ends as a timeout when the caller’s own deadline passes first', async () => {
    const outer = new AbortController();
    const { fetch } = fetchOf(() => new Promise<Response>(() => undefined));
    setTimeout(() => outer.abort(), 20);
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 60_000, maxBytes: 100, signal: outer.signal });
    expect(problemOf(result)).toBe('timeout');
    const aborted = new AbortController();
    aborted.abort();
    expect(problemOf(await cappedFetch({ fetch, url: URL_, timeoutMs: 60_000, maxBytes: 100, signal: aborted.signal }))).toBe('timeout');
  });

  it('says a failed connection is unreachable, and a body that breaks off is broken', async () => {
    const refused = fetchOf(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await cappedFetch({ fetch: refused.fetch, url: URL_, timeoutMs: 1000, maxBytes: 100 })).toEqual({
      ok: false,
      problem: 'unreachable',
    });
    const breaking = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.error(new TypeError('network error'));
      },
    });
    const broken = fetchOf(() => new Response(breaking));
    expect(problemOf(await cappedFetch({ fetch: broken.fetch, url: URL_, timeoutMs: 1000, maxBytes: 100 }))).toBe('broken');
  });

  it('reads an answer with no body as empty', async () => {
    const { fetch } = fetchOf(() => new Response(null, { status: 204 }));
    const result = await cappedFetch({ fetch, url: URL_, timeoutMs: 1000, maxBytes: 100 });
    expect(result.ok && result.body?.byteLength).toBe(0);
  });
});
