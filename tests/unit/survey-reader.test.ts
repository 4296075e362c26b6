import { describe, expect, it } from 'vitest';
import { reasonInWords, type SurveyReaderDeps, surveyReadSite } from '../../lib/browser/survey-reader';
import { createHostSlots } from '../../lib/survey/scheduler';
import { type FakeSites, fakeClock, fakeSiteFetch, homeLinking } from '../support/survey-sites';

const HOST = 'www.example-trust.nhs.uk';
const at = (path: string) => `https://${HOST}${path}`;

function reader(sites: FakeSites, overrides: Partial<SurveyReaderDeps> = {}) {
  const clock = fakeClock();
  const fake = fakeSiteFetch(sites, clock.now);
  const slots = createHostSlots(clock, 1000);
  const deps: SurveyReaderDeps = {
    fetch: fake.fetch,
    hasHost: async () => true,
    slot: slots.slot,
    timeoutMs: 5000,
    maxBytes: 100_000,
    ...overrides,
  };
  return { read: () => surveyReadSite(deps, HOST), requests: fake.requests };
}

describe('surveyReadSite', () => {
  it('finds the accounts the home page links, each with its page, after robots.txt, a second apart, without cookies', async () => {
    const { read, requests } = reader({
      [at('/robots.txt')]: { body: 'User-agent: *\nDisallow: /private', type: 'text/plain' },
      [at('/')]: { body: homeLinking(['https://x.com/ExampleNHS', 'X'], ['https://www.facebook.com/ExampleNHS', 'Facebook']) },
    });
    const outcome = await read();
    expect(outcome).toEqual({
      kind: 'found',
      pages: [at('/')],
      accounts: [
        { platform: 'x', handle: 'ExampleNHS', url: 'https://x.com/ExampleNHS', via: 'link', pageUrl: at('/') },
        { platform: 'facebook', handle: 'ExampleNHS', url: 'https://www.facebook.com/ExampleNHS', via: 'link', pageUrl: at('/') },
      ],
    });
    expect(requests.map((r) => [r.url, r.at, r.credentials])).toEqual([
      [at('/robots.txt'), 0, 'omit'],
      [at('/'), 1000, 'omit'],
    ]);
  });

  it('reads the one "follow us" page the home page links when the home page links none, and names that page', async () => {
    const { read, requests } = reader({
      [at('/')]: { body: homeLinking(['/adult-social-care', 'Social care'], ['/follow-us', 'Follow us']) },
      [at('/follow-us')]: { body: homeLinking(['https://bsky.app/profile/example.bsky.social', 'Bluesky']) },
    });
    const outcome = await read();
    expect(outcome.kind).toBe('found');
    expect(outcome.kind === 'found' && outcome.accounts.map((a) => [a.platform, a.pageUrl])).toEqual([['bluesky', at('/follow-us')]]);
    expect(requests.map((r) => r.url)).toEqual([at('/robots.txt'), at('/'), at('/follow-us')]);
  });

  it('says "read, links no account" when the pages read link none (never "no social media")', async () => {
    const { read } = reader({ [at('/')]: { body: homeLinking(['/news', 'News']) } });
    expect(await read()).toEqual({ kind: 'none', pages: [at('/')] });
  });

  it.each<[string, FakeSites, string]>([
    [
      'robots.txt disallows everyone',
      { [at('/robots.txt')]: { body: 'User-agent: *\nDisallow: /', type: 'text/plain' } },
      'robots.txt disallows the home page',
    ],
    [
      'robots.txt disallows the product',
      { [at('/robots.txt')]: { body: 'User-agent: NHSSocialLens\nDisallow: /\n\nUser-agent: *\nAllow: /', type: 'text/plain' } },
      'robots.txt disallows the home page',
    ],
    [
      'robots.txt is larger than RFC 9309 asks a crawler to read',
      { [at('/robots.txt')]: { body: `User-agent: *\nDisallow:\n${'#'.repeat(600_000)}`, type: 'text/plain' } },
      'robots.txt is larger than 500 KiB, so nothing is read there',
    ],
    ['robots.txt answers 503', { [at('/robots.txt')]: { status: 503 } }, 'robots.txt answered HTTP 503, so nothing is read there'],
    ['the home page answers 500', { [at('/')]: { status: 500 } }, 'server error (HTTP 500)'],
    [
      'the home page redirects elsewhere',
      { [at('/')]: { status: 301, location: 'https://elsewhere.example/' } },
      'redirected (the survey follows no redirect)',
    ],
    ['the connection fails', { [at('/')]: { fail: true } }, 'could not connect'],
    ['the answer is not a page', { [at('/')]: { type: 'application/pdf', body: '%PDF' } }, 'not an HTML page'],
  ])('does not read when %s, and says why in words', async (_, sites, reason) => {
    expect(await reader(sites).read()).toEqual({ kind: 'not-read', reason });
  });

  it('does not read the linked page robots.txt disallows, and never says "none" for it', async () => {
    const { read, requests } = reader({
      [at('/robots.txt')]: { body: 'User-agent: *\nDisallow: /contact', type: 'text/plain' },
      [at('/')]: { body: homeLinking(['/contact-us', 'Contact us']) },
    });
    expect(await read()).toEqual({
      kind: 'not-read',
      reason: 'the home page links no account; its linked page: robots.txt disallows /contact-us',
    });
    expect(requests.map((r) => r.url)).toEqual([at('/robots.txt'), at('/')]);
  });

  it('asks nothing of a site the browser does not let it read', async () => {
    const { read, requests } = reader({}, { hasHost: async () => false });
    expect(await read()).toEqual({ kind: 'not-read', reason: 'no permission for this site' });
    expect(requests).toEqual([]);
  });

  it('times out a site that never answers', async () => {
    const hanging: typeof fetch = (_input, init) =>
      new Promise((_, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError'))));
    const { read } = reader({}, { fetch: hanging, timeoutMs: 20 });
    expect(await read()).toEqual({ kind: 'not-read', reason: 'robots.txt timed out, so nothing is read there' });
  });
});

describe('reasonInWords', () => {
  it.each([
    ['HTTP 503', 'server error (HTTP 503)'],
    ['HTTP 404', 'page not found (HTTP 404)'],
    ['HTTP 403', 'refused (HTTP 403)'],
    ['timed out', 'timed out'],
  ])('%s → %s', (reason, words) => expect(reasonInWords(reason)).toBe(words));
});
