/**
 * A polite HTTP client for the maintainers' commands: an honest User-Agent, one request at a time
 * per host with a delay between them, a timeout and a size cap on every response, retries with
 * backoff on failures and on 429 (honouring Retry-After), and redirects followed with loops caught.
 * `connectTo` sends every connection to one address (like curl's --connect-to) so tests can
 * serve real host names from loopback.
 *
 * Nothing a server says is trusted (issue 17): every hop of a redirect chain must be http(s) and
 * must not lead to a loopback, private, link-local or other special address, judged on the
 * address actually connected to (the DNS answer, checked as the socket connects, so a second
 * lookup cannot answer differently) and on an IP address written in the URL. Compressed bodies
 * (gzip, deflate, br) are decoded under the same size cap; any other encoding is not read.
 */
import { lookup as dnsLookup } from 'node:dns/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from 'node:zlib';
import { retryAfterDelay } from '../net/retry-after';
import { isSpecialAddress, literalAddress } from './special-address';

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
  /** The clock a Retry-After date is read against; defaults to the real one. */
  now?: () => Date;
  /** Every address of a host name; injected for tests of the address rule, defaults to the system's DNS. */
  resolveHost?: (hostname: string) => Promise<HostAddress[]>;
}

export interface HostAddress {
  address: string;
  family: number;
}

/**
 * Asked before each hop of a redirect chain (the first URL included, `redirected` false): a reason
 * not to go there (robots.txt says no, another site), or undefined to go on.
 */
export type HopCheck = (url: URL, redirected: boolean) => Promise<string | undefined>;

export interface HttpResponse {
  url: string;
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** `final` failures (over the size cap, unreadable, or refused for where they lead) are not worth retrying. */
export type HttpResult = { ok: true; response: HttpResponse } | { ok: false; reason: string; final?: boolean };

const MAX_REDIRECTS = 5;

/** A connection refused because of where it leads: final, never retried. */
class RefusedAddressError extends Error {}

/**
 * A `lookup` for sockets that refuses a host name with any special address among its answers
 * (one bad answer is enough: the system may pick any of them), and hands the socket the checked
 * addresses themselves.
 */
export function guardedLookup(resolveHost: (hostname: string) => Promise<HostAddress[]>): LookupFunction {
  return (hostname, options, callback) => {
    resolveHost(hostname).then(
      (answers) => {
        const usable = answers.filter((a) => !options.family || a.family === options.family);
        const special = answers.find((a) => isSpecialAddress(a.address));
        const first = usable[0];
        if (special !== undefined)
          callback(new RefusedAddressError(`${hostname} is at ${special.address}, a private or special address`), '', 0);
        else if (first === undefined) callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), '', 0);
        else if (options.all) callback(null, usable);
        else callback(null, first.address, first.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, '', 0),
    );
  };
}

const systemResolve = (hostname: string) => dnsLookup(hostname, { all: true, verbatim: true });

/** Why `url` may not be fetched whatever answers it: not http(s), or a special address written in it. */
function addressProblem(url: URL): string | undefined {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'not an http(s) address';
  const literal = literalAddress(url);
  return literal !== undefined && isSpecialAddress(literal) ? 'a private or special address' : undefined;
}

/**
 * Undoes the Content-Encoding of a body (a list, applied in order, so undone last first). The
 * decoded body has the same cap as a plain one, so a small "zip bomb" cannot fill the memory; an
 * encoding this cannot read leaves the page unread rather than read as gibberish (issue 17).
 */
export function decodeBody(
  raw: Buffer,
  contentEncoding: string | string[] | undefined,
  maxBytes: number,
): { ok: true; body: Buffer } | { ok: false; reason: string } {
  const codings = [contentEncoding ?? '']
    .flat()
    .join(',')
    .split(',')
    .map((c) => c.trim().toLowerCase())
    .filter((c) => c !== '' && c !== 'identity');
  let body = raw;
  for (const coding of codings.reverse()) {
    const options = { maxOutputLength: maxBytes };
    try {
      if (coding === 'gzip' || coding === 'x-gzip') body = gunzipSync(body, options);
      else if (coding === 'br') body = brotliDecompressSync(body, options);
      else if (coding === 'deflate') body = inflateOrRaw(body, options);
      else return { ok: false, reason: `sent in an encoding this tool cannot read (${coding})` };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        return { ok: false, reason: `larger than ${maxBytes} bytes once decompressed` };
      return { ok: false, reason: `could not be decompressed (${coding}: ${error instanceof Error ? error.message : String(error)})` };
    }
  }
  return { ok: true, body };
}

/** HTTP's "deflate" is zlib-wrapped, but some servers send raw deflate: both are read. */
function inflateOrRaw(body: Buffer, options: { maxOutputLength: number }): Buffer {
  try {
    return inflateSync(body, options);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw error;
    return inflateRawSync(body, options);
  }
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createPoliteHttp(options: PoliteHttpOptions) {
  const sleep = options.sleep ?? realSleep;
  const now = options.now ?? (() => new Date());
  // With --connect-to the maintainer has said where every connection goes: no lookup happens.
  const lookup = options.connectTo === undefined ? guardedLookup(options.resolveHost ?? systemResolve) : undefined;
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
          headers: { host: url.host, 'user-agent': options.userAgent, accept, 'accept-encoding': 'gzip, deflate, br' },
          ...(lookup === undefined ? {} : { lookup }),
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
            const status = res.statusCode ?? 0;
            const decoded = decodeBody(Buffer.concat(chunks), res.headers['content-encoding'], options.maxBytes);
            // The body of a redirect or an error page is never read: an unreadable one does not hide the status.
            if (!decoded.ok && status >= 200 && status < 300) {
              resolve({ ok: false, reason: decoded.reason, final: true });
              return;
            }
            const body = decoded.ok ? decoded.body.toString('utf8') : '';
            resolve({ ok: true, response: { url: url.href, status, headers: res.headers, body } });
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
        resolve({ ok: false, reason: error.message, final: error instanceof RefusedAddressError });
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
      const maxWait = options.maxRetryAfterMs ?? 60_000;
      const retryAfter = last.ok ? retryAfterDelay(last.response.headers['retry-after'], now(), maxWait) : undefined;
      const backoff = Math.max(options.delayMs, 100) * 2 ** attempt;
      await sleep(retryAfter ?? Math.min(backoff, maxWait));
    }
    if (last.ok) return { ok: false, reason: `HTTP ${last.response.status} after ${options.retries + 1} tries` };
    return { ok: false, reason: `${last.reason} (after ${options.retries + 1} tries)` };
  }

  return {
    /**
     * GETs `url`, following redirects (at most five, loops refused). Every hop, the first
     * included, must be http(s) at a public address and pass `checkHop` (robots.txt of its host).
     */
    async get(raw: string, accept = '*/*', checkHop?: HopCheck): Promise<HttpResult> {
      if (!URL.canParse(raw)) return { ok: false, reason: `not a valid address (${raw})` };
      let url = new URL(raw);
      const chain = new Set<string>();
      for (let hop = 0; hop <= MAX_REDIRECTS; hop++) {
        if (chain.has(url.href)) return { ok: false, reason: `redirect loop at ${url.href}` };
        chain.add(url.href);
        const problem = addressProblem(url);
        if (problem !== undefined) return { ok: false, reason: `${hop > 0 ? 'redirected to ' : ''}${url.href}: ${problem}`, final: true };
        const refused = await checkHop?.(url, hop > 0);
        if (refused !== undefined) return { ok: false, reason: refused, final: true };
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
