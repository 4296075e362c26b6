import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSite, type SiteReaderDeps } from '../../lib/browser/site-reader';
import { accountsPageLink, readableHost } from '../../lib/detect/site-links';
import { siteReadDue } from '../../lib/detect/stored-site-read';
import { makeOrganisation } from '../support/index-factory';

const page = (name: string) => readFileSync(join(process.cwd(), 'tests/fixtures/pages', name), 'utf8');
const HOST = 'www.uclh.nhs.uk';

describe('readableHost', () => {
  const uclh = makeOrganisation({
    predecessors: [{ id: 'RXX', domains: [{ host: 'old-trust.nhs.uk', source: 'test-source', checked: '2026' }], source: 'test-source' }],
  });
  it.each([
    ['https://www.uclh.nhs.uk/news/a-story', 'www.uclh.nhs.uk'],
    ['https://uclh.nhs.uk/', 'uclh.nhs.uk'],
    ['https://careers.uclh.nhs.uk/jobs', 'careers.uclh.nhs.uk'],
    ['https://www.old-trust.nhs.uk/', undefined], // a former domain may be someone else's now
    ['https://www.uclh.nhs.uk:8443/', undefined],
    ['https://notuclh.nhs.uk/', undefined],
    ['https://uclh.nhs.uk.evil.example/', undefined],
    ['not an address', undefined],
  ])('for %s is %s', (url, host) => {
    expect(readableHost(url, [uclh])).toBe(host);
  });

  it('needs the host to be every organisation’s own (a shared group site)', () => {
    const group = { host: 'group.nhs.uk', source: 'test-source', checked: '2026' };
    const first = makeOrganisation({ id: 'RJL', domains: [group] });
    expect(readableHost('https://www.group.nhs.uk/', [first, makeOrganisation({ id: 'RWA', domains: [group] })])).toBe('www.group.nhs.uk');
    expect(readableHost('https://www.group.nhs.uk/', [first, makeOrganisation()])).toBeUndefined();
    expect(readableHost('https://www.group.nhs.uk/', [])).toBeUndefined();
  });
});

describe('accountsPageLink', () => {
  const home = `https://${HOST}/`;
  const link = (href: string, text = '') => ({ href, text });

  it('prefers a "social media" or "follow us" page to a "contact" page, on the same host only', () => {
    expect(accountsPageLink([link('/contact-us', 'Contact us'), link('/get-involved/social-media', 'Our channels')], home, HOST)).toBe(
      `https://${HOST}/get-involved/social-media`,
    );
    expect(accountsPageLink([link('/contact-us', 'Contact us'), link('/about')], home, HOST)).toBe(`https://${HOST}/contact-us`);
    expect(
      accountsPageLink([link('https://www.example.org/follow-us', 'Follow us'), link(`https://other.${HOST}/contact`)], home, HOST),
    ).toBeUndefined();
  });

  it('never chooses the home page, a file, another scheme, "social care", or anything without the words', () => {
    expect(
      accountsPageLink(
        [
          link('/#follow-us', 'Follow us'),
          link('/social-media.pdf', 'Social media policy'),
          link(`http://${HOST}/follow-us`, 'Follow us'),
          link('/adult-social-care', 'Social care'),
          link('/news', 'News'),
          link('javascript:void(0)', 'Contact'),
        ],
        home,
        HOST,
      ),
    ).toBeUndefined();
  });

  it('reads the fixture home page’s "Follow us" link, and not its PDF or partner links', () => {
    expect(accountsPageLink([link('/about-us', 'About us'), link('/follow-us', 'Follow us')], home, HOST)).toBe(
      `https://${HOST}/follow-us`,
    );
  });
});

describe('siteReadDue', () => {
  const NOW = new Date('2026-11-28T10:00:00Z');
  const ago = (days: number) => ({ readAt: new Date(NOW.getTime() - days * 86_400_000).toISOString() });
  it.each([
    [undefined, true],
    [ago(1), false],
    [ago(6.9), false],
    [ago(7), true],
    [ago(-2), true], // a read dated in the future: the clock was set back; never wait for ever
    [{ readAt: 'garbage' }, true],
  ])('after %j is %s', (last, due) => {
    expect(siteReadDue(last, NOW)).toBe(due);
  });
});

/** A fetch standing in for the network: `pages` by address; records every request and its options. */
function fakeFetch(pages: Record<string, () => Response | Promise<Response>>) {
  const calls: { url: string; init: RequestInit | undefined }[] = [];
  const fetch = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input);
    calls.push({ url, init });
    const answer = pages[url];
    if (answer === undefined) return new Response('not found', { status: 404, headers: { 'content-type': 'text/html' } });
    return answer();
  }) as typeof globalThis.fetch;
  return { fetch, calls };
}
const html = (body: string) => () => new Response(body, { status: 200, headers: { 'content-type': 'text/html; charset=utf-8' } });
const deps = (fetch: typeof globalThis.fetch, changes: Partial<SiteReaderDeps> = {}): SiteReaderDeps => ({
  fetch,
  timeoutMs: 2000,
  maxBytes: 2_000_000,
  ...changes,
});

describe('readSite', () => {
  it('reads the home page once, without cookies, a referrer or redirects, and stops when it links profiles', async () => {
    const { fetch, calls } = fakeFetch({ [`https://${HOST}/`]: html(page('trust-home-seven.html')) });
    const read = await readSite(deps(fetch), HOST);
    expect(read.outcome).toBe('found');
    expect(read.requested).toEqual([`https://${HOST}/`]);
    expect(read.pages[0]?.profiles).toHaveLength(8); // the seven, and NHS England's (set aside later, by the index)
    expect(calls[0]?.init).toMatchObject({ credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer' });
    expect(calls[0]?.init?.signal).toBeInstanceOf(AbortSignal);
  });

  it('reads at most one linked "follow us" page of the same host when the home page links none', async () => {
    const { fetch, calls } = fakeFetch({
      [`https://${HOST}/`]: html(page('home-with-follow-link.html')),
      [`https://${HOST}/follow-us`]: html(page('follow-us.html')),
    });
    const read = await readSite(deps(fetch), HOST);
    expect(calls.map((c) => c.url)).toEqual([`https://${HOST}/`, `https://${HOST}/follow-us`]);
    expect(read).toMatchObject({ outcome: 'found', pages: [{ profiles: [] }, { url: `https://${HOST}/follow-us` }] });
    expect(read.pages[1]?.profiles.map((p) => p.platform)).toEqual(['mastodon', 'linkedin', 'tiktok', 'bluesky', 'threads', 'youtube']);
  });

  it('says "none" when neither page links a profile, and reads no third page', async () => {
    const { fetch, calls } = fakeFetch({
      [`https://${HOST}/`]: html(page('trust-home.html')),
      [`https://${HOST}/contact-us`]: html(page('news-article.html')),
    });
    await expect(readSite(deps(fetch), HOST)).resolves.toMatchObject({ outcome: 'none' });
    expect(calls).toHaveLength(2);
  });

  it.each([
    ['a redirect', () => new Response(null, { status: 301, headers: { location: 'https://www.example.org/' } }), 'redirected'],
    ['a missing page', () => new Response('gone', { status: 404, headers: { 'content-type': 'text/html' } }), 'HTTP 404'],
    [
      'a file that is not HTML',
      () => new Response('{}', { status: 200, headers: { 'content-type': 'application/json' } }),
      'not an HTML page',
    ],
    [
      'a failed connection',
      () => {
        throw new TypeError('Failed to fetch');
      },
      'could not connect',
    ],
  ])('fails in one line on %s, and follows nothing', async (_name, answer, reason) => {
    const { fetch, calls } = fakeFetch({ [`https://${HOST}/`]: answer });
    await expect(readSite(deps(fetch), HOST)).resolves.toEqual({ requested: [`https://${HOST}/`], pages: [], outcome: 'failed', reason });
    expect(calls).toHaveLength(1);
  });

  it('gives up after its timeout', async () => {
    const fetch = ((_input: RequestInfo | URL, init?: RequestInit) =>
      new Promise<Response>((_resolve, reject) =>
        init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))),
      )) as typeof globalThis.fetch;
    const started = Date.now();
    await expect(readSite(deps(fetch, { timeoutMs: 50 }), HOST)).resolves.toMatchObject({ outcome: 'failed', reason: 'timed out' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('reads no more than its byte cap of an endless page, cancels the rest, and says it was not read (never "none")', async () => {
    let pulled = 0;
    let cancelled = false;
    const chunk = new TextEncoder().encode(`<p>${'x'.repeat(1020)}</p>`);
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled += chunk.byteLength;
        controller.enqueue(chunk);
      },
      cancel() {
        cancelled = true;
      },
    });
    const footer = '<a href="https://x.com/TooLate">x</a>';
    const { fetch } = fakeFetch({
      [`https://${HOST}/`]: () => new Response(endless, { status: 200, headers: { 'content-type': 'text/html' } }),
    });
    const read = await readSite(deps(fetch, { maxBytes: 100_000 }), HOST);
    expect(cancelled).toBe(true);
    expect(pulled).toBeLessThan(200_000);
    // Issue 27: a page cut at the cap could hide its footer's links, so it is not read rather than read as "none".
    expect(read).toEqual({ requested: [`https://${HOST}/`], pages: [], outcome: 'failed', reason: 'larger than 100000 bytes' });
    expect(JSON.stringify(read)).not.toContain(footer);
  });

  it('refuses a page whose declared length is over its byte cap, unread', async () => {
    let pulled = 0;
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new TextEncoder().encode('<a href="https://x.com/uclh">x</a>'));
      },
      cancel() {
        cancelled = true;
      },
    });
    const { fetch } = fakeFetch({
      [`https://${HOST}/`]: () =>
        new Response(body, { status: 200, headers: { 'content-type': 'text/html', 'content-length': '3000000' } }),
    });
    await expect(readSite(deps(fetch), HOST)).resolves.toMatchObject({ outcome: 'failed', reason: 'larger than 2000000 bytes' });
    expect(pulled).toBeLessThanOrEqual(1); // what a stream pulls before anyone reads
    expect(cancelled).toBe(true);
  });

  it('gives up at its timeout while a page trickles in, even when the fetch ignores its abort signal', async () => {
    const trickle = new ReadableStream<Uint8Array>({
      async pull(controller) {
        await new Promise((resolve) => setTimeout(resolve, 10));
        controller.enqueue(new TextEncoder().encode(' '));
      },
    });
    const { fetch } = fakeFetch({
      [`https://${HOST}/`]: () => new Response(trickle, { status: 200, headers: { 'content-type': 'text/html' } }),
    });
    const started = Date.now();
    await expect(readSite(deps(fetch, { timeoutMs: 100 }), HOST)).resolves.toMatchObject({ outcome: 'failed', reason: 'timed out' });
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('never requests another host, whatever the page links', async () => {
    const { fetch, calls } = fakeFetch({
      [`https://${HOST}/`]: html('<a href="https://evil.example/follow-us">Follow us</a><a href="//other.nhs.uk/contact">Contact</a>'),
    });
    await expect(readSite(deps(fetch), HOST)).resolves.toMatchObject({ outcome: 'none' });
    expect(calls.map((c) => new URL(c.url).hostname)).toEqual([HOST]);
  });
});
