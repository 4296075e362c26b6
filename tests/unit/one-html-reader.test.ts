/**
 * One way to read HTML (issue 27): the command line (`accounts discover`, `lookup --html`) and the
 * background's site read both read a page's text with `htmlSignals`; the extension reads a loaded
 * page from its DOM. On generated pages, the text reader finds what a DOM finds: the same profiles
 * by the same rules, and the same page chosen as the one that lists the accounts.
 * (tests/e2e/page-read.test.ts checks the same against `readPage` in Chromium.)
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type HtmlAnchor, htmlSignals } from '../../lib/detect/html-signals';
import { extractPageProfiles, profilesFromSignals } from '../../lib/detect/page-signals';
import { accountsPageLink } from '../../lib/detect/site-links';
import { profileHref } from '../support/profile-hrefs';

const HOST = 'www.example.nhs.uk';
const HOME = `https://${HOST}/`;

const href = fc.oneof(
  profileHref,
  fc.constantFrom(
    '/follow-us',
    '/social-media',
    '/adult-social-care',
    '/contact-us',
    '/news',
    '/about/social_media',
    `https://${HOST}/contact`,
  ),
);
const words = fc.constantFrom(
  '',
  'X',
  'Follow us',
  'Social <b>care</b>',
  'Contact &amp; find us',
  '<span class="icon"></span> Keep in\n touch',
  'Social&nbsp;media',
  'News',
);
const attribute = (value: string) => `"${value.replaceAll('&', '&amp;').replaceAll('"', '&quot;')}"`;
const anchor = fc
  .tuple(href, fc.constantFrom('', ' rel="me"', ' rel="noopener ME"', ' class=footer'), words)
  .map(([h, rel, text]) => `<a href=${attribute(h)}${rel}>${text}</a>`);
/** What pages put around their links: metadata, and markup whose links are no links. */
const extra = fc.constantFrom(
  '<script type="application/ld+json">{"sameAs":["https://www.facebook.com/uclh","https://example.org/x"]}</script>',
  '<meta name="twitter:site" content="@UCLH">',
  '<link rel="me" href="https://mastodon.example/@uclh">',
  '<!-- <a href="https://x.com/commented">x</a> -->',
  '<script>var a = \'<a href="https://x.com/scripted">\';</script>',
  '<template><a href="https://x.com/templated">t</a></template>',
  '<p>Text &amp; more</p>',
);
const page = fc
  .tuple(fc.array(extra, { maxLength: 4 }), fc.array(fc.oneof(anchor, extra), { maxLength: 40 }))
  .map(([head, body]) => `<!doctype html><html><head>${head.join('')}</head><body>${body.join('\n')}</body></html>`);

/** A DOM's reading of the links and their words, as a browser shows them. */
const domAnchors = (doc: Document): HtmlAnchor[] =>
  Array.from(doc.querySelectorAll('a[href]'), (a) => ({
    href: a.getAttribute('href') ?? '',
    text: (a.textContent ?? '').replace(/\s+/g, ' ').trim(),
  }));

describe('the text reader and a DOM agree on what a page links', () => {
  it('finds the same profiles, and chooses the same page of accounts, on generated pages', () => {
    fc.assert(
      fc.property(page, (html) => {
        const doc = new DOMParser().parseFromString(html, 'text/html');
        const signals = htmlSignals(html);
        expect(profilesFromSignals(signals, HOME)).toEqual(extractPageProfiles(doc, HOME));
        expect(signals.anchors.map((a) => ({ ...a, text: a.text.replaceAll('\u00a0', ' ').replace(/\s+/g, ' ').trim() }))).toEqual(
          domAnchors(doc).map((a) => ({ ...a, text: a.text.replaceAll('\u00a0', ' ').replace(/\s+/g, ' ').trim() })),
        );
        expect(accountsPageLink(signals.anchors, HOME, HOST)).toBe(accountsPageLink(domAnchors(doc), HOME, HOST));
      }),
      { numRuns: 300 },
    );
  });
});
