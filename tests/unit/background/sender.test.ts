/**
 * Issue 17, "Trust nothing that comes in": the background takes a page's address from what the
 * browser says about the tab (since issue 22 it reads pages itself: tests/unit/background/page-reader.test.ts),
 * keeps every stored address short, and never treats a predecessor's old domain as the
 * organisation's own site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { logVisit } from '../../../lib/browser/research-log';
import { recordSightings } from '../../../lib/browser/sightings';
import { createTabResults } from '../../../lib/browser/tab-results';
import { cappedPageUrl, MAX_PAGE_URL_LENGTH, pageUrlOfTab } from '../../../lib/detect/page-url';
import type { NhsIndex } from '../../../lib/index/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { makeIndex, makeOrganisation } from '../../support/index-factory';
import { service as backgroundService, memorySession, NOW, trackedOpen, useFreshDatabase, visitPage } from './support';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** A query long enough to take an address far past the cap. */
const LONG_QUERY = `?q=${'a'.repeat(50_000)}`;

useFreshDatabase();

function service(index: NhsIndex = makeIndex(), settings: Settings = DEFAULT_SETTINGS) {
  return backgroundService(index, settings);
}

const PROFILES = [{ url: 'https://x.com/Impostor', via: 'link' }];

describe('pageUrlOfTab', () => {
  const LOADED = 'https://www.nhs.uk/conditions/flu/';
  it.each<[string, unknown, string | undefined]>([
    ['the tab’s address', LOADED, LOADED],
    [
      'the same address written differently (default port, capitals)',
      'https://WWW.NHS.UK:443/conditions/',
      'https://www.nhs.uk/conditions/',
    ],
    ['over http', 'http://www.nhs.uk/conditions/flu/', 'http://www.nhs.uk/conditions/flu/'],
    ['an opaque-origin document', 'about:blank', undefined],
    ['a data: address', 'data:text/html,hi', undefined],
    ['a script address', 'javascript:alert(1)', undefined],
    ['the browser’s error page', 'chrome-error://chromewebdata/', undefined],
    ['something that is not an address', 'not a url', undefined],
    ['something that is not text', { href: LOADED }, undefined],
    ['nothing (a tab the extension may not read)', undefined, undefined],
  ])('%s', (_label, url, expected) => {
    expect(pageUrlOfTab(url)).toBe(expected);
  });

  it('keeps an address over the cap to its path', () => {
    expect(pageUrlOfTab(`${LOADED}${LONG_QUERY}`)).toBe(LOADED);
  });

  it('keeps every web address within the cap, on its own origin', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.nat(6000), (url, padding) => {
        const long = new URL(url);
        long.pathname += 'z'.repeat(padding);
        const padded = long.href;
        const accepted = pageUrlOfTab(padded);
        expect(accepted).toBeDefined();
        expect(new URL(accepted ?? '').origin).toBe(new URL(padded).origin);
        expect(accepted?.length).toBeLessThanOrEqual(MAX_PAGE_URL_LENGTH);
      }),
      { numRuns: 300 },
    );
  });
});

describe('cappedPageUrl', () => {
  it.each([
    ['a short address, unchanged', 'https://www.uclh.nhs.uk/a?b=c#d', 'https://www.uclh.nhs.uk/a?b=c#d'],
    [
      'exactly the cap, unchanged',
      `https://a.nhs.uk/${'p'.repeat(MAX_PAGE_URL_LENGTH - 17)}`,
      `https://a.nhs.uk/${'p'.repeat(MAX_PAGE_URL_LENGTH - 17)}`,
    ],
    ['a long query, dropped', `https://www.uclh.nhs.uk/contact${LONG_QUERY}#x`, 'https://www.uclh.nhs.uk/contact'],
    ['a long path, down to the origin', `https://www.uclh.nhs.uk/${'p/'.repeat(30_000)}`, 'https://www.uclh.nhs.uk/'],
    ['long text that is not an address, nothing', 'x'.repeat(MAX_PAGE_URL_LENGTH + 1), ''],
  ])('%s', (_label, url, expected) => {
    expect(cappedPageUrl(url)).toBe(expected);
  });

  it('is never longer than the cap, and keeps a short address as it is', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.string({ maxLength: 3000 })),
        fc.nat(6000),
        (url, padding) => {
          const long = `${url}${'z'.repeat(padding)}`;
          const capped = cappedPageUrl(long);
          expect(capped.length).toBeLessThanOrEqual(MAX_PAGE_URL_LENGTH);
          if (long.length <= MAX_PAGE_URL_LENGTH) expect(capped).toBe(long);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('a page the background read, at its tab’s address', () => {
  it('records nothing for an address that is not a web page', async () => {
    const { svc, badges, session } = service(makeIndex(), { ...DEFAULT_SETTINGS, researchLog: true, showInPageFlag: true });
    await expect(visitPage(svc, 4, 'chrome-error://chromewebdata/', PROFILES)).resolves.toEqual({ recognised: false });
    expect(badges.get(4)).toBeUndefined();
    expect(session.data.size).toBe(0);
    const db = await svc.database();
    expect([await db.count('sightings'), await db.count('visits')]).toEqual([0, 0]);
  });

  it('recognises the page, and a single-page move to a service page', async () => {
    const { badges, svc } = service();
    await expect(visitPage(svc, 4, 'https://www.uclh.nhs.uk/')).resolves.toEqual({ recognised: true });
    expect(badges.get(4)?.text).toBe('?');
    await expect(visitPage(svc, 5, 'https://www.nhs.uk/services/hospital/uch/RRV03')).resolves.toEqual({ recognised: true });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5 }, { id: EXTENSION_ID, url: `${ORIGIN}popup.html` });
    expect(result.state === 'recognised' && result.detection.url).toBe('https://www.nhs.uk/services/hospital/uch/RRV03');
  });

  it('stores a long address without its query: in the tab’s result, the sightings and the research log', async () => {
    const { svc } = service(makeIndex(), { ...DEFAULT_SETTINGS, researchLog: true });
    const long = `https://www.uclh.nhs.uk/contact${LONG_QUERY}`;
    await expect(visitPage(svc, 4, long, PROFILES)).resolves.toEqual({ recognised: true });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 4 }, { id: EXTENSION_ID, url: `${ORIGIN}popup.html` });
    expect(result.state === 'recognised' && result.detection.url).toBe('https://www.uclh.nhs.uk/contact');
    const db = await svc.database();
    expect((await db.getAll('sightings')).map((s) => s.pageUrl)).toEqual(['https://www.uclh.nhs.uk/contact']);
    expect((await db.getAll('visits')).map((v) => v.url)).toEqual(['https://www.uclh.nhs.uk/contact']);
  });

  it('caps the address the popup passes too', async () => {
    const { svc, session } = service();
    const result = await svc.handlers['ui-bg-get-tab-result'](
      { tabId: 9, url: `https://www.example.org/${LONG_QUERY}` },
      { id: EXTENSION_ID, url: `${ORIGIN}popup.html` },
    );
    expect(result).toEqual({ state: 'not-recognised', url: 'https://www.example.org/', site: 'example.org' });
    expect(JSON.stringify([...session.data.values()]).length).toBeLessThan(MAX_PAGE_URL_LENGTH);
  });
});

describe('every store caps the addresses it keeps', () => {
  const long = `https://www.uclh.nhs.uk/news${LONG_QUERY}`;

  it('tab results', async () => {
    const session = memorySession();
    const results = createTabResults(session);
    await results.save(1, { state: 'not-recognised', url: long });
    await results.save(2, { state: 'disabled', url: long, site: 'uclh.nhs.uk' });
    await results.save(3, {
      state: 'recognised',
      detection: { url: long, candidates: [] },
      sightings: [],
      context: [],
      ownCorrections: [],
      index: { version: 1, generatedAt: NOW.toISOString(), sources: [] },
    });
    expect(await results.get(1)).toEqual({ state: 'not-recognised', url: 'https://www.uclh.nhs.uk/news' });
    expect(await results.get(2)).toMatchObject({ url: 'https://www.uclh.nhs.uk/news' });
    const recognised = await results.get(3);
    expect(recognised.state === 'recognised' && recognised.detection.url).toBe('https://www.uclh.nhs.uk/news');
  });

  it('sightings and the research log', async () => {
    const db = await trackedOpen();
    await recordSightings(db, ['RRV'], long, [{ platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' }], NOW);
    await logVisit(db, { at: NOW.toISOString(), url: long, organisationId: 'RRV', organisationName: 'UCLH' });
    expect((await db.getAll('sightings')).map((s) => s.pageUrl)).toEqual(['https://www.uclh.nhs.uk/news']);
    expect((await db.getAll('visits')).map((v) => v.url)).toEqual(['https://www.uclh.nhs.uk/news']);
  });
});

describe('a predecessor’s old domain', () => {
  const MERGED = makeIndex([
    makeOrganisation({
      id: 'RAL',
      name: 'Royal Free London NHS Foundation Trust',
      domains: [{ host: 'royalfree.nhs.uk', source: 'test-source', checked: '2026' }],
      predecessors: [
        {
          id: 'RAP',
          name: 'North Middlesex University Hospital NHS Trust',
          until: '2025-01-01',
          domains: [{ host: 'northmid.nhs.uk', source: 'test-source', checked: '2026' }],
          source: 'test-source',
        },
      ],
    }),
  ]);
  const FLAG_ON = { ...DEFAULT_SETTINGS, showInPageFlag: true };

  it('still names the successor, but shows no in-page label and records none of its links as the successor’s', async () => {
    const { svc } = service(MERGED, FLAG_ON);
    await expect(visitPage(svc, 4, 'https://www.northmid.nhs.uk/', PROFILES)).resolves.toEqual({
      recognised: true,
    });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 4 }, { id: EXTENSION_ID, url: `${ORIGIN}popup.html` });
    expect(result.state === 'recognised' && result.detection.candidates[0]?.evidence).toMatchObject({
      rule: 'domain',
      predecessor: { id: 'RAP' },
    });
    expect(await (await svc.database()).count('sightings')).toBe(0);
  });

  it('while the successor’s own domain shows the label and records its links', async () => {
    const { svc } = service(MERGED, FLAG_ON);
    await expect(visitPage(svc, 4, 'https://www.royalfree.nhs.uk/', PROFILES)).resolves.toEqual({
      recognised: true,
      // The level counts the profile the page links to (issue 19).
      flag: { name: 'Royal Free London NHS Foundation Trust', level: 'One platform known, from its own website' },
    });
    expect(await (await svc.database()).count('sightings')).toBe(1);
  });
});
