/**
 * What the page reports when the background runs `readPage` in it (issue 22), in Debian's Chromium:
 * the function is sent as its source text, as `scripting.executeScript` sends it, and runs in the
 * page's own DOM. The reference is Chromium's own CSS selectors over every link, the way the
 * content script read pages before, with the same rules applied after (`profilesFromSignals`).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type PageRead, readPage } from '../../lib/browser/page-scripts';
import { htmlSignals } from '../../lib/detect/html-signals';
import { PROFILE_LINK } from '../../lib/detect/page-links';
import { decodePageReport } from '../../lib/detect/page-report';
import {
  MAX_JSON_LD_CHARS,
  MAX_PAGE_LINKS,
  MAX_PAGE_READ_CHARS,
  type PageSignals,
  profilesFromSignals,
  sanitisePageSignals,
} from '../../lib/detect/page-signals';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { profileHref } from '../support/profile-hrefs';

const FIXTURES = join(process.cwd(), 'tests/fixtures/pages');
const SHARED_PAGES = join(process.cwd(), '../shared/pages');
const URL_OF_PAGE = 'https://www.uclh.nhs.uk/contact';

let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
  page = await browser.newPage();
  // Saved pages name their style sheets and images: nothing is fetched.
  await page.route('**/*', (route) => route.abort());
});

afterAll(async () => {
  await browser?.close();
});

const ARGS = JSON.stringify([PROFILE_LINK.source, MAX_PAGE_LINKS, MAX_JSON_LD_CHARS, MAX_PAGE_READ_CHARS]);

/** The report decoded as the background decodes it (issue 26: one string). */
function decoded(report: unknown): PageRead {
  const read = decodePageReport(report);
  if (read?.url === undefined) throw new Error(`no report: ${String(report).slice(0, 80)}`);
  return { url: read.url, signals: read.signals };
}

/** Loads `html` and runs `readPage` in it from its source text, as the browser's scripting API does. */
async function read(html: string): Promise<PageRead> {
  await page.setContent(html, { waitUntil: 'domcontentloaded' });
  return decoded(await page.evaluate(`(${readPage.toString()})(...${ARGS})`));
}

/** Every signal of the loaded page through Chromium's CSS selectors, every link unfiltered: the reference. */
function everySignal(): Promise<PageSignals> {
  return page.evaluate(() => {
    const all = (selector: string, read: (e: Element) => string | null) =>
      Array.from(document.querySelectorAll(selector), (e) => read(e) ?? '');
    return {
      relMe: all('a[href][rel~="me"], link[href][rel~="me"]', (e) => e.getAttribute('href')),
      links: all('a[href]', (e) => e.getAttribute('href')),
      jsonLd: all('script[type="application/ld+json"]', (e) => e.textContent),
      twitterSite: all('meta[name="twitter:site"][content]', (e) => e.getAttribute('content')),
    };
  });
}

/** What the background makes of a report (issue 17: checked first). */
const classified = (read: PageRead, url = URL_OF_PAGE) => profilesFromSignals(sanitisePageSignals(read.signals), url);
const fixture = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

describe('readPage in Chromium (issue 22: the page reports the links that may be profiles, the background applies the rules)', () => {
  it('sends only the links that name a platform’s host, unparsed, and the background finds the footer’s profiles', async () => {
    const report = await read(fixture('footer-icons.html'));
    expect(report.signals.links).toEqual([
      'https://twitter.com/intent/tweet?text=New%20unit&url=https%3A%2F%2Fwww.example.nhs.uk%2Fnews',
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.example.nhs.uk%2Fnews',
      'https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Fwww.example.nhs.uk',
      'https://www.facebook.com/ExampleHospitalsNHS/',
      'https://twitter.com/ExampleNHS',
      'https://www.instagram.com/examplehospitalsnhs/',
      'https://www.youtube.com/@ExampleHospitalsNHS',
      'https://x.com/',
    ]);
    expect(classified(report, 'https://www.example.nhs.uk/news').map((p) => `${p.via} ${p.url}`)).toEqual([
      'link https://www.facebook.com/ExampleHospitalsNHS',
      'link https://x.com/ExampleNHS',
      'link https://www.instagram.com/examplehospitalsnhs',
      'link https://www.youtube.com/@ExampleHospitalsNHS',
    ]);
  });

  it.each(['follow-us.html', 'json-ld.html', 'header-only.html', 'trust-home-seven.html', 'not-nhs.html', 'home-with-follow-link.html'])(
    'finds on %s exactly what reading every signal with CSS selectors finds',
    async (name) => {
      const report = await read(fixture(name));
      expect(classified(report)).toEqual(profilesFromSignals(await everySignal(), URL_OF_PAGE));
    },
  );

  it.skipIf(!existsSync(SHARED_PAGES))(
    'sends 3 of the saved Leeds page’s 176 links, and the background finds its three profiles',
    async () => {
      const report = await read(readFileSync(join(SHARED_PAGES, 'www.leedsth.nhs.uk.html'), 'utf8'));
      expect((await everySignal()).links.length).toBeGreaterThan(150);
      expect(report.signals.links).toHaveLength(3);
      expect(classified(report, 'http://www.leedsth.nhs.uk/').map((p) => p.url)).toEqual([
        'https://www.facebook.com/LeedsTHTrust',
        'https://x.com/LTHTrust',
        'https://www.linkedin.com/company/leeds-teaching-hospitals-nhs-trust',
      ]);
    },
  );

  it('resolves a relative link against the page’s address in the background, as the page would', async () => {
    const report = await read('<body><a href="//x.com/uclh">X</a></body>');
    expect(report.signals.links).toEqual(['//x.com/uclh']);
    expect(classified(report, 'https://www.uclh.nhs.uk/')).toEqual([
      { platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' },
    ]);
  });

  it('keeps a page’s list of candidates bounded', async () => {
    const links = Array.from({ length: MAX_PAGE_LINKS + 50 }, (_, i) => `<a href="https://x.com/a${i}">x</a>`).join('');
    expect((await read(`<body>${links}</body>`)).signals.links).toHaveLength(MAX_PAGE_LINKS);
  });

  it('reads rel="me" in any case, a link’s and a <link>’s, in document order', async () => {
    const report = await read(
      '<head><link rel="ME" href="https://mastodon.example/@a"></head><body><a href="https://x.com/b" rel="noopener Me">b</a><a rel="home" href="https://mastodon.example/@c">c</a></body>',
    );
    expect(report.signals.relMe).toEqual(['https://mastodon.example/@a', 'https://x.com/b']);
    expect(report.signals.relMe).toEqual((await everySignal()).relMe);
  });

  it('reports the address the page is at, and nothing but its address when the page’s own scripts break the reading', async () => {
    // A page of its own: the broken prototype lasts as long as the page's window.
    const own = await browser.newPage();
    await own.setContent('<body><a href="https://x.com/uclh">X</a></body>');
    await own.evaluate(() => {
      Document.prototype.evaluate = () => {
        throw new Error('broken by the page');
      };
    });
    await expect(own.evaluate(`(${readPage.toString()})(...${ARGS})`).then(decoded)).resolves.toEqual({
      url: 'about:blank',
      signals: { relMe: [], links: [], jsonLd: [], twitterSite: [] },
    });
    await own.close();
  });

  /**
   * What a hostile page does before the read (issue 26): every built-in `readPage` touches, or
   * could, replaced so that each value is long and each list grows without end. `fake` also
   * replaces `document.evaluate` with a snapshot of a million made-up nodes.
   */
  const tamper = (fake: boolean) => `(() => {
    const big = 'https://x.com/' + 'a'.repeat(20000);
    const json = '{"sameAs":"' + 'b'.repeat(90000) + '"}';
    const push = Array.prototype.push;
    const many = Array(1000).fill(big);
    const node = (nodeType, nodeName) => ({ nodeType, nodeName, nodeValue: nodeType === 3 ? json : big, ownerElement: { getAttribute: () => big } });
    const nodes = [node(2, 'href'), node(2, 'rel'), node(3, '#text'), node(2, 'content')];
    Array.prototype.push = function () { for (let i = 0; i < 20; i++) push.call(this, big); return this.length; };
    for (const name of ['slice', 'filter', 'map', 'concat', 'flat', 'flatMap', 'splice', 'join', 'at', 'fill', 'unshift'])
      Array.prototype[name] = function () { return many; };
    Object.defineProperty(Array.prototype, '0', { configurable: true, set(v) {
      for (let i = 0; i < 200; i++) Object.defineProperty(this, String(i), { value: big, writable: true, enumerable: true, configurable: true });
    } });
    for (const name of Object.getOwnPropertyNames(String.prototype))
      if (name !== 'constructor' && name !== 'length') String.prototype[name] = function () { return big + big; };
    Number.prototype.toString = function () { return big; };
    for (const proto of [Node.prototype, Attr.prototype, CharacterData.prototype, Element.prototype]) {
      for (const name of ['nodeValue', 'textContent', 'value', 'data', 'href'])
        Object.defineProperty(proto, name, { configurable: true, get() { return this.nodeType === 3 ? json : big; } });
    }
    Element.prototype.getAttribute = function () { return big; };
    RegExp.prototype.test = function () { return true; };
    JSON.stringify = function () { return big; };
    Object.defineProperty(Document.prototype, 'URL', { configurable: true, get() { return big; } });
    if (${fake}) {
      Document.prototype.evaluate = function () { return { snapshotLength: 1e6, snapshotItem: (i) => nodes[i % 4] }; };
    } else {
      Object.defineProperty(XPathResult.prototype, 'snapshotLength', { configurable: true, get() { return 1e6; } });
      const item = XPathResult.prototype.snapshotItem;
      XPathResult.prototype.snapshotItem = function (i) { return item.call(this, i % 4); };
    }
  })()`;

  it.each([
    ['its built-ins, the nodes’ getters and the XPath snapshot', false],
    ['all those and `document.evaluate` itself', true],
  ])('delivers at most MAX_PAGE_READ_CHARS from a page that replaced %s (issue 26)', async (_what, fake) => {
    const own = await browser.newPage();
    await own.setContent(
      '<head><link rel="me" href="https://mastodon.example/@a"><meta name="twitter:site" content="@a"><script type="application/ld+json">{}</script></head><body><a href="https://x.com/a">a</a></body>',
    );
    // Through the DevTools Protocol: the tampered page would break Playwright's own helpers. The
    // result is returned by value, as the browser returns a function's result to the worker.
    const cdp = await own.context().newCDPSession(own);
    await cdp.send('Runtime.evaluate', { expression: tamper(fake) });
    const { result } = (await cdp.send('Runtime.evaluate', {
      expression: `(${readPage.toString()})(...${ARGS})`,
      returnByValue: true,
    })) as { result: { value?: unknown } };
    await own.close();
    const delivered = typeof result.value === 'string' ? result.value.length : JSON.stringify(result.value ?? '').length;
    expect(delivered).toBeLessThanOrEqual(MAX_PAGE_READ_CHARS);
    // The tampering reached the read (the page's long values are what it sent), and the background
    // takes what is within its caps.
    expect(delivered).toBeGreaterThan(MAX_PAGE_READ_CHARS / 2);
    const report = decodePageReport(result.value);
    expect(report?.signals.links.length).toBeGreaterThan(0);
    expect(JSON.stringify(sanitisePageSignals(report?.signals)).length).toBeLessThanOrEqual(MAX_PAGE_READ_CHARS);
  });

  const anchor = fc
    .tuple(profileHref, fc.constantFrom('', ' rel="me"', ' rel="noopener ME"'))
    .map(([h, rel]) => `<a href="${h.replaceAll('"', '&quot;')}"${rel}>link</a>`);
  const extras = fc.subarray([
    '<script type="application/ld+json">{"sameAs":["https://www.facebook.com/uclh","https://example.org/x"]}</script>',
    '<meta name="twitter:site" content="@UCLH">',
    '<link rel="me" href="https://mastodon.example/@uclh">',
  ]);

  it('finds, with the rules applied in the background, exactly the profiles reading every link finds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(anchor, { maxLength: 60 }), extras, async (anchors, more) => {
        const report = await read(`<head>${more.join('')}</head><body>${anchors.join('')}</body>`);
        expect(classified(report)).toEqual(profilesFromSignals(await everySignal(), URL_OF_PAGE));
      }),
      { numRuns: 150 },
    );
  });

  it('finds exactly the profiles the command line and the site reader find in the same page’s text (one HTML reader, issue 27)', async () => {
    const hidden = fc.subarray([
      '<!-- <a href="https://x.com/commented">x</a> -->',
      '<script>var a = \'<a href="https://x.com/scripted">\';</script>',
      '<template><a href="https://x.com/templated">t</a></template>',
    ]);
    await fc.assert(
      fc.asyncProperty(fc.array(anchor, { maxLength: 60 }), extras, hidden, async (anchors, more, markup) => {
        const html = `<head>${more.join('')}</head><body>${markup.join('')}${anchors.join('')}</body>`;
        const report = await read(html);
        expect(classified(report)).toEqual(profilesFromSignals(htmlSignals(html), URL_OF_PAGE));
      }),
      { numRuns: 150 },
    );
  });
});
