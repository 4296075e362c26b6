/**
 * Issue 17, "Trust nothing that comes in": the background takes a page's address from what the
 * browser says about the sender, counts only the top frame, keeps every stored address short, and
 * never treats a predecessor's old domain as the organisation's own site.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dispatch, type SenderInfo } from '../../../lib/browser/messaging';
import { logVisit } from '../../../lib/browser/research-log';
import { recordSightings } from '../../../lib/browser/sightings';
import { createTabResults } from '../../../lib/browser/tab-results';
import { cappedPageUrl, MAX_PAGE_URL_LENGTH, type PageSender, pageUrlFromSender } from '../../../lib/detect/page-url';
import type { NhsIndex } from '../../../lib/index/schema';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/settings';
import { makeIndex, makeOrganisation } from '../../support/index-factory';
import { service as backgroundService, memorySession, NOW, trackedOpen, useFreshDatabase } from './support';

const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop';
const ORIGIN = `chrome-extension://${EXTENSION_ID}/`;
/** A query long enough to take an address far past the cap. */
const LONG_QUERY = `?q=${'a'.repeat(50_000)}`;

/**
 * A content script's message as Chromium describes its sender (the shape the browser test logged):
 * the document's load-time address and origin, the frame, and the tab.
 */
function chromiumSender(tabId: number, url: string, frameId = 0): SenderInfo {
  const sender = {
    id: EXTENSION_ID,
    url,
    origin: new URL(url).origin,
    frameId,
    documentId: '86A6EFDA73DFDFF568E51E2EBCC4C2E6',
    documentLifecycle: 'active',
    tab: { id: tabId, url, active: true, windowId: 1, index: 0, incognito: false, status: 'complete' },
  };
  return sender;
}

useFreshDatabase();

/** The background service, and its router as the browser delivers messages to it. */
function service(index: NhsIndex = makeIndex(), settings: Settings = DEFAULT_SETTINGS) {
  const background = backgroundService(index, settings);
  /** Sends a message through the background's router, as the browser delivers it. */
  const send = (message: unknown, sender: SenderInfo) => dispatch(message, sender, EXTENSION_ID, ORIGIN, background.svc.handlers);
  return { ...background, send };
}

const PROFILES = [{ platform: 'x', handle: 'Impostor', url: 'https://x.com/Impostor', via: 'link' }];
const visited = (url: string, profiles: unknown[] = PROFILES) => ({ type: 'content-bg-page-visited', payload: { url, profiles } });

describe('pageUrlFromSender', () => {
  const LOADED = 'https://www.nhs.uk/conditions/flu/';
  const top = (url: string, extra: Partial<PageSender> = {}): PageSender => ({ url, origin: new URL(url).origin, frameId: 0, ...extra });

  it.each<[string, unknown, PageSender, string | undefined]>([
    ['the address the document loaded with', LOADED, top(LOADED), LOADED],
    [
      'a single-page move on the same site (sender.url keeps the load-time address)',
      'https://www.nhs.uk/services/hospital/x/RJ122',
      top(LOADED),
      'https://www.nhs.uk/services/hospital/x/RJ122',
    ],
    ['the same page with another fragment', `${LOADED}#symptoms`, top(`${LOADED}#top`), `${LOADED}#symptoms`],
    [
      'the origin written differently (default port, capitals)',
      'https://WWW.NHS.UK:443/conditions/',
      top(LOADED),
      'https://www.nhs.uk/conditions/',
    ],
    ['Firefox, which gives no origin', LOADED, { url: LOADED, frameId: 0 }, LOADED],
    ['another site', 'https://www.uclh.nhs.uk/', top('https://evil.nhs.uk/'), undefined],
    ['a parent domain of the sender', 'https://uclh.nhs.uk/', top('https://www.uclh.nhs.uk/'), undefined],
    ['a subdomain of the sender', 'https://news.uclh.nhs.uk/', top('https://www.uclh.nhs.uk/'), undefined],
    ['the same host over http', 'http://www.nhs.uk/conditions/flu/', top(LOADED), undefined],
    ['the same host on another port', 'https://www.nhs.uk:8443/conditions/flu/', top(LOADED), undefined],
    ['a child frame, even about its own address', LOADED, top(LOADED, { frameId: 3 }), undefined],
    ['a sender with no frame', LOADED, { url: LOADED, origin: 'https://www.nhs.uk' }, undefined],
    ['a sender with no address', LOADED, { origin: 'https://www.nhs.uk', frameId: 0 }, undefined],
    ['a sender whose origin disagrees with its address', LOADED, top(LOADED, { origin: 'https://evil.example' }), undefined],
    ['an opaque-origin document', 'about:blank', top('about:blank'), undefined],
    ['a data: address', 'data:text/html,hi', top('data:text/html,hi'), undefined],
    ['something that is not an address', 'not a url', top(LOADED), undefined],
    ['something that is not text', { href: LOADED }, top(LOADED), undefined],
  ])('%s', (_label, reported, sender, expected) => {
    expect(pageUrlFromSender(reported, sender)).toBe(expected);
  });

  it('keeps an address over the cap to its path', () => {
    expect(pageUrlFromSender(`${LOADED}${LONG_QUERY}`, top(LOADED))).toBe(LOADED);
  });

  it('never accepts another origin, and what it accepts is on the sender’s origin and within the cap', () => {
    fc.assert(
      fc.property(fc.webUrl({ withQueryParameters: true, withFragments: true }), fc.webUrl(), (reported, loaded) => {
        const accepted = pageUrlFromSender(reported, top(loaded));
        if (new URL(reported).origin !== new URL(loaded).origin) expect(accepted).toBeUndefined();
        else {
          expect(accepted).toBeDefined();
          expect(new URL(accepted ?? '').origin).toBe(new URL(loaded).origin);
          expect(accepted?.length).toBeLessThanOrEqual(MAX_PAGE_URL_LENGTH);
        }
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

describe('content-bg-page-visited, through dispatch, with the browser’s sender', () => {
  it('refuses a page on one site claiming to be another: no result, badge, sighting or log entry', async () => {
    const { svc, send, badges, session } = service(makeIndex(), { ...DEFAULT_SETTINGS, researchLog: true, showInPageFlag: true });
    await expect(send(visited('https://www.uclh.nhs.uk/'), chromiumSender(4, 'https://evil.nhs.uk/'))).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)).toBeUndefined();
    expect(session.data.size).toBe(0);
    const db = await svc.database();
    expect([await db.count('sightings'), await db.count('visits')]).toEqual([0, 0]);
  });

  it('refuses a child frame, even one reporting its own address', async () => {
    const { svc, send, badges } = service();
    await expect(send(visited('https://www.uclh.nhs.uk/'), chromiumSender(4, 'https://www.uclh.nhs.uk/', 2))).resolves.toEqual({
      recognised: false,
    });
    expect(badges.get(4)).toBeUndefined();
    expect(await (await svc.database()).count('sightings')).toBe(0);
  });

  it('recognises the top frame’s own page, and follows a single-page move on the same site', async () => {
    const { send, badges, svc } = service();
    await expect(send(visited('https://www.uclh.nhs.uk/', []), chromiumSender(4, 'https://www.uclh.nhs.uk/'))).resolves.toEqual({
      recognised: true,
    });
    expect(badges.get(4)?.text).toBe('?');
    // Chromium's sender.url stays the address the document loaded with after history.pushState.
    await expect(
      send(visited('https://www.nhs.uk/services/hospital/uch/RRV03', []), chromiumSender(5, 'https://www.nhs.uk/conditions/')),
    ).resolves.toEqual({
      recognised: true,
    });
    const result = await svc.handlers['ui-bg-get-tab-result']({ tabId: 5 }, { id: EXTENSION_ID, url: `${ORIGIN}popup.html` });
    expect(result.state === 'recognised' && result.detection.url).toBe('https://www.nhs.uk/services/hospital/uch/RRV03');
  });

  it('stores a long address without its query: in the tab’s result, the sightings and the research log', async () => {
    const { svc, send } = service(makeIndex(), { ...DEFAULT_SETTINGS, researchLog: true });
    const long = `https://www.uclh.nhs.uk/contact${LONG_QUERY}`;
    await expect(send(visited(long), chromiumSender(4, long))).resolves.toEqual({ recognised: true });
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
    const { svc, send } = service(MERGED, FLAG_ON);
    await expect(send(visited('https://www.northmid.nhs.uk/'), chromiumSender(4, 'https://www.northmid.nhs.uk/'))).resolves.toEqual({
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
    const { svc, send } = service(MERGED, FLAG_ON);
    await expect(send(visited('https://www.royalfree.nhs.uk/'), chromiumSender(4, 'https://www.royalfree.nhs.uk/'))).resolves.toEqual({
      recognised: true,
      // The level counts the profile the page links to (issue 19).
      flag: { name: 'Royal Free London NHS Foundation Trust', level: 'One platform known, from its own website' },
    });
    expect(await (await svc.database()).count('sightings')).toBe(1);
  });
});
