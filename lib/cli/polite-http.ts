/**
 * A polite HTTP client for the maintainers' commands: an honest User-Agent, one request at a time
 * per host with a delay between them, a timeout and a size cap on every response, retries with
 * backoff on failures and on 429 (honouring Retry-After), and redirects followed with loops caught.
 * `connectTo` sends every connection to one address (like curl's --connect-to) so tests can
 * serve real host names from loopback.
 */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface PoliteHttpOptions {
  userAgent: string;
  delayMs: number;
  timeoutMs: number;
  maxBytes: number;
  retries: number;
  /** Longest wait honoured from a Retry-After header. */
  maxRetryAfterMs?: number;
  connectTo?: { host: string; port: number };
  /** Injected for tests of the waiting logic; defaults to real time. */
  sleep?: (ms: number) => Promise<void>;
}

export interface HttpResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** `final` failures (a response over the size cap) are not worth retrying. */
export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; reason: string; final?: boolean };

const MAX_REDIRECTS = 5;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPoliteHttp(options: PoliteHttpOptions) {
  const sleep = options.sleep ?? realSleep;
  const hostTurns = new Map<string, Promise<void>>();
  const lastRequestAt = new Map<string, number>();

  /** Waits for this host's turn: requests to one host run one at a time, `delayMs` apart. */
  async function withHostTurn<T>(host: string, work: () => Promise<T>): Promise<T> {
    const previous = hostTurns.get(host) ?? Promise.resolve();
    let release: () => void = () => undefined;
    const mine = new Promise<void>((resolve) => {
      release = resolve;
    });
    hostTurns.set(
      host,
      previous.then(() => mine),
    );
    await previous;
    try {
      const wait = (lastRequestAt.get(host) ?? 0) + options.delayMs - Date.now();
      if (wait > 0) await sleep(wait);
      return await work();
    } finally {
      lastRequestAt.set(host, Date.now());
      release();
    }
  }

  function once(url: URL, accept: string): Promise<HttpResult> {
    return new Promise((resolve) => {
      const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
      const target = options.connectTo;
      const req = send(
        {
          protocol: url.protocol,
          hostname: target?.host ?? url.hostname,
          port: target?.port ?? url.port,
          path: `${url.pathname}${url.search}`,
          method: 'GET',
          servername: url.hostname,
          headers: { host: url.host, 'user-agent': options.userAgent, accept, 'accept-encoding': 'identity' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > options.maxBytes) {
              clearTimeout(timer);
              req.destroy();
              resolve({ ok: false, reason: `larger than ${options.maxBytes} bytes`, final: true });
              return;
            }
            chunks.push(chunk);
          });
          res.on('end', () => {
            clearTimeout(timer);
            resolve({
              ok: true,
              response: { url: url.href, status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') },
            });
          });
          res.on('error', (error) => resolve({ ok: false, reason: error.message }));
        },
      );
      const timer = setTimeout(() => {
        req.destroy();
        resolve({ ok: false, reason: `no answer within ${options.timeoutMs} ms` });
      }, options.timeoutMs);
      req.on('error', (error) => {
        clearTimeout(timer);
        resolve({ ok: false, reason: error.message });
      });
      req.end();
    });
  }

  /** One URL, retried on network errors, 5xx and 429, without following redirects. */
  async function withRetries(url: URL, accept: string): Promise<HttpResult> {
    let last: HttpResult = { ok: false, reason: 'not tried' };
    for (let attempt = 0; attempt <= options.retries; attempt++) {
      last = await withHostTurn(url.host, () => once(url, accept));
      if (last.ok && last.response.status < 500 && last.response.status !== 429) return last;
      if (!last.ok && last.final) return last;
      if (attempt === options.retries) break;
      const retryAfter = last.ok ? retryAfterMs(last.response.headers['retry-after']) : undefined;
      const backoff = Math.max(options.delayMs, 100) * 2 ** attempt;
      await sleep(Math.min(retryAfter ?? backoff, options.maxRetryAfterMs ?? 60_000));
    }
    if (last.ok) return { ok: false, reason: `HTTP ${last.response.status} after ${options.retries + 1} tries` };
    return { ok: false, reason: `${last.reason} (after ${options.retries + 1} tries)` };
  }

  return {
    /** GETs `url`, following redirects (at most five, loops refused). */
    async get(raw: string, accept = '*/*'): Promise<HttpResult> {
      let url = new URL(raw);
      const chain = new Set<string>();
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (chain.has(url.href)) return { ok: false, reason: `redirect loop at ${url.href}` };
        chain.add(url.href);
        const result = await withRetries(url, accept);
        if (!result.ok) return result;
        const { status, headers } = result.response;
        const location = headers.location;
        if (status >= 300 && status < 400 && location) {
          if (!URL.canParse(location, url)) return { ok: false, reason: `redirect to an invalid address (${location})` };
          url = new URL(location, url);
          continue;
        }
        return result;
      }
      return { ok: false, reason: `more than ${MAX_REDIRECTS} redirects` };
    },
  };
}

/** Retry-After as milliseconds: delta-seconds or an HTTP date. */
export function retryAfterMs(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\d+$/.test(text.trim())) return Number(text.trim()) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
