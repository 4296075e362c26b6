// @vitest-environment node
import type { LookupAddress } from 'node:dns';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPoliteHttp, decodeBody, guardedLookup, type HostAddress } from '../../lib/cli/polite-http';
import { isSpecialAddress } from '../../lib/cli/special-address';
import { html, type RouteServer, startRouteServer } from '../support/route-server';

/**
 * The polite client never connects to a loopback, private, link-local or other special address
 * unless --connect-to says where to go (issue 17): neither an address written in the URL nor one
 * that a host name resolves to.
 */
let server: RouteServer;
beforeAll(async () => {
  let busy = 0;
  server = await startRouteServer({
    '127.0.0.1 *': html('<p>inside</p>'),
    'localhost *': html('<p>inside</p>'),
    // Issue 27: asks to wait until a date, once, then answers.
    'busy.example /': (_req, res) => {
      if (busy++ % 2 === 0) res.writeHead(429, { 'retry-after': 'Sat, 28 Nov 2026 14:02:30 GMT' }).end();
      else res.writeHead(200, { 'content-type': 'text/plain' }).end('now');
    },
  });
});
afterAll(async () => server?.close());

const client = (resolveHost?: (host: string) => Promise<HostAddress[]>) =>
  createPoliteHttp({ userAgent: 'test', delayMs: 0, timeoutMs: 2000, maxBytes: 10_000, retries: 2, sleep: async () => {}, resolveHost });

describe('isSpecialAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.0.9', true],
    ['10.0.0.1', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['0.0.0.0', true],
    ['100.64.0.1', true],
    ['192.0.2.10', true],
    ['224.0.0.251', true],
    ['255.255.255.255', true],
    ['::1', true],
    ['::', true],
    ['[::1]', true],
    ['fe80::1', true],
    ['fe80::1%eth0', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['0:0:0:0:0:ffff:a00:1', true],
    ['64:ff9b::10.0.0.1', true],
    ['2001:db8::1', true],
    ['ff02::1', true],
    ['172.32.0.1', false],
    ['8.8.8.8', false],
    ['151.101.0.1', false],
    ['::ffff:8.8.8.8', false],
    ['64:ff9b::8.8.8.8', false],
    ['2a00:1450:4009::1', false],
    ['2606:4700::1111', false],
  ])('%s is special: %s', (address, special) => {
    expect(isSpecialAddress(address)).toBe(special);
  });
});

describe('createPoliteHttp', () => {
  it.each(['127.0.0.1', '[::1]', '0.0.0.0', '2130706433', '0x7f.1'])('refuses an address written as %s in the URL', async (host) => {
    const before = server.requests.length;
    const result = await client().get(`http://${host}:${server.port}/`);
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/: a private or special address$/), final: true });
    expect(server.requests.length).toBe(before);
  });

  it('refuses a host name the system resolves to loopback (localhost)', async () => {
    const before = server.requests.length;
    const result = await client().get(`http://localhost:${server.port}/`);
    expect(result).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^localhost is at (127\.0\.0\.1|::1), a private or special address$/),
    });
    expect(server.requests.length).toBe(before);
  });

  it('refuses a host name with any special address among its DNS answers, without retrying', async () => {
    const asked: string[] = [];
    const result = await client(async (host) => {
      asked.push(host);
      return [
        { address: '8.8.8.8', family: 4 },
        { address: '10.0.0.7', family: 4 },
      ];
    }).get('http://intranet.example.nhs.uk/');
    expect(result).toEqual({ ok: false, reason: 'intranet.example.nhs.uk is at 10.0.0.7, a private or special address', final: true });
    expect(asked).toEqual(['intranet.example.nhs.uk']);
  });

  it('still connects where --connect-to says, for tests', async () => {
    const http = createPoliteHttp({
      userAgent: 'test',
      delayMs: 0,
      timeoutMs: 2000,
      maxBytes: 10_000,
      retries: 0,
      connectTo: { host: '127.0.0.1', port: server.port },
    });
    const result = await http.get('http://localhost/');
    expect(result).toMatchObject({ ok: true, response: { status: 200, body: '<p>inside</p>' } });
  });

  it('waits as long as a Retry-After date says, from its own clock, held to its most (issue 27)', async () => {
    const waits: number[] = [];
    const options = {
      userAgent: 'test',
      delayMs: 0,
      timeoutMs: 2000,
      maxBytes: 10_000,
      retries: 1,
      connectTo: { host: '127.0.0.1', port: server.port },
      sleep: async (ms: number) => {
        waits.push(ms);
      },
    };
    const now = () => new Date('2026-11-28T14:02:00Z');
    await expect(createPoliteHttp({ ...options, now }).get('http://busy.example/')).resolves.toMatchObject({
      ok: true,
      response: { body: 'now' },
    });
    await expect(createPoliteHttp({ ...options, now, maxRetryAfterMs: 10_000 }).get('http://busy.example/')).resolves.toMatchObject({
      ok: true,
    });
    expect(waits).toEqual([30_000, 10_000]);
  });

  it('refuses an address that is not a URL or not http(s), without throwing', async () => {
    expect(await client().get('http://[bad/')).toMatchObject({ ok: false, reason: 'not a valid address (http://[bad/)' });
    expect(await client().get('ftp://example.org/')).toMatchObject({ ok: false, reason: 'ftp://example.org/: not an http(s) address' });
  });
});

describe('guardedLookup', () => {
  const lookup = (answers: HostAddress[], options: { all?: boolean; family?: number } = {}) =>
    new Promise<{ error: Error | null; address: string | LookupAddress[]; family?: number }>((resolve) =>
      guardedLookup(async () => answers)('www.example.nhs.uk', options, (error, address, family) => resolve({ error, address, family })),
    );

  it('hands the socket the checked public addresses', async () => {
    const answers = [
      { address: '2a00:1450:4009::1', family: 6 },
      { address: '151.101.0.1', family: 4 },
    ];
    expect(await lookup(answers)).toEqual({ error: null, address: '2a00:1450:4009::1', family: 6 });
    expect(await lookup(answers, { family: 4 })).toEqual({ error: null, address: '151.101.0.1', family: 4 });
    expect(await lookup(answers, { all: true })).toMatchObject({ error: null, address: answers });
  });

  it('refuses when any answer is special', async () => {
    const { error } = await lookup(
      [
        { address: '151.101.0.1', family: 4 },
        { address: 'fe80::1', family: 6 },
      ],
      { family: 4 },
    );
    expect(error?.message).toBe('www.example.nhs.uk is at fe80::1, a private or special address');
  });
});

describe('decodeBody', () => {
  const page = Buffer.from('<a href="https://x.com/ExampleNHS">X</a>');
  it.each([
    ['gzip', gzipSync(page)],
    ['x-gzip', gzipSync(page)],
    ['deflate', deflateSync(page)],
    ['deflate', deflateRawSync(page)],
    ['br', brotliCompressSync(page)],
    ['identity', page],
    [undefined, page],
    ['gzip, br', brotliCompressSync(gzipSync(page))],
    [['gzip', 'br'], brotliCompressSync(gzipSync(page))],
  ])('undoes %j', (encoding, body) => {
    expect(decodeBody(body, encoding, 10_000)).toEqual({ ok: true, body: page });
  });

  it.each([
    ['compress', page, 'sent in an encoding this tool cannot read (compress)'],
    ['zstd', page, 'sent in an encoding this tool cannot read (zstd)'],
    ['gzip', gzipSync(Buffer.alloc(1_000_000)), 'larger than 10000 bytes once decompressed'],
    ['br', brotliCompressSync(Buffer.alloc(1_000_000)), 'larger than 10000 bytes once decompressed'],
    ['deflate', deflateSync(Buffer.alloc(1_000_000)), 'larger than 10000 bytes once decompressed'],
  ])('refuses %s: %s', (encoding, body, reason) => {
    expect(decodeBody(body, encoding, 10_000)).toEqual({ ok: false, reason });
  });

  it('says when a body is not what its encoding claims', () => {
    expect(decodeBody(page, 'gzip', 10_000)).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/^could not be decompressed \(gzip: /),
    });
  });
});
