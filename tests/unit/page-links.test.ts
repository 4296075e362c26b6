import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PROFILE_LINK, pageLinks } from '../../lib/detect/page-links';
import { extractPageProfiles, MAX_PAGE_LINKS, sanitisePageProfiles } from '../../lib/detect/page-signals';
import { PROFILE_HOSTS, parseProfileUrl } from '../../lib/social/profile-url';

const FIXTURES = join(process.cwd(), 'tests/fixtures/pages');
const SHARED_PAGES = join(process.cwd(), '../shared/pages');
const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
/** What the background makes of what the content script sends (issue 22). */
const classified = (doc: Document, url: string) => sanitisePageProfiles(pageLinks(doc), url);

describe('pageLinks (issue 22: the content script sends the links that may be profiles, the background applies the rules)', () => {
  it('sends only the links that name a platform’s host, unparsed, and the background finds the footer’s profiles', () => {
    const doc = parse(readFileSync(join(FIXTURES, 'footer-icons.html'), 'utf8'));
    expect(pageLinks(doc).map((l) => l.url)).toEqual([
      'https://twitter.com/intent/tweet?text=New%20unit&url=https%3A%2F%2Fwww.example.nhs.uk%2Fnews',
      'https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fwww.example.nhs.uk%2Fnews',
      'https://www.linkedin.com/shareArticle?mini=true&url=https%3A%2F%2Fwww.example.nhs.uk',
      'https://www.facebook.com/ExampleHospitalsNHS/',
      'https://twitter.com/ExampleNHS',
      'https://www.instagram.com/examplehospitalsnhs/',
      'https://www.youtube.com/@ExampleHospitalsNHS',
      'https://x.com/',
    ]);
    expect(classified(doc, 'https://www.example.nhs.uk/news').map((p) => `${p.via} ${p.url}`)).toEqual([
      'link https://www.facebook.com/ExampleHospitalsNHS',
      'link https://x.com/ExampleNHS',
      'link https://www.instagram.com/examplehospitalsnhs',
      'link https://www.youtube.com/@ExampleHospitalsNHS',
    ]);
  });

  it.each(['follow-us.html', 'json-ld.html', 'header-only.html', 'trust-home-seven.html', 'not-nhs.html'])(
    'finds on %s exactly what reading every link in the page finds',
    (name) => {
      const doc = parse(readFileSync(join(FIXTURES, name), 'utf8'));
      const url = 'https://www.example.nhs.uk/page';
      expect(classified(doc, url)).toEqual(extractPageProfiles(doc, url));
    },
  );

  it.skipIf(!existsSync(SHARED_PAGES))('sends 3 of the saved Leeds page’s 176 links, and the background finds its three profiles', () => {
    const doc = parse(readFileSync(join(SHARED_PAGES, 'www.leedsth.nhs.uk.html'), 'utf8'));
    expect(doc.querySelectorAll('a[href]').length).toBeGreaterThan(150);
    expect(pageLinks(doc)).toHaveLength(3);
    expect(classified(doc, 'http://www.leedsth.nhs.uk/').map((p) => p.url)).toEqual([
      'https://www.facebook.com/LeedsTHTrust',
      'https://x.com/LTHTrust',
      'https://www.linkedin.com/company/leeds-teaching-hospitals-nhs-trust',
    ]);
  });

  it('resolves a relative link against the page’s address in the background, as the page would', () => {
    expect(sanitisePageProfiles([{ url: '//x.com/uclh', via: 'link' }], 'https://www.uclh.nhs.uk/')).toEqual([
      { platform: 'x', handle: 'uclh', url: 'https://x.com/uclh', via: 'link' },
    ]);
    expect(sanitisePageProfiles([{ url: '//x.com/uclh', via: 'link' }])).toEqual([]);
  });

  it('reads at most MAX_PAGE_LINKS links of a report, however many a page sends (issue 17)', () => {
    const junk = Array.from({ length: MAX_PAGE_LINKS }, () => ({ url: 'https://x.com/intent/tweet', via: 'link' }));
    expect(sanitisePageProfiles([...junk, { url: 'https://x.com/uclh', via: 'link' }])).toEqual([]);
    expect(sanitisePageProfiles([...junk.slice(1), { url: 'https://x.com/uclh', via: 'link' }])).toHaveLength(1);
  });

  it('keeps a page’s list of candidates bounded', () => {
    const links = Array.from({ length: MAX_PAGE_LINKS + 50 }, (_, i) => `<a href="https://x.com/a${i}">x</a>`).join('');
    expect(pageLinks(parse(`<body>${links}</body>`))).toHaveLength(MAX_PAGE_LINKS);
  });

  // Addresses built from parts as pages write them: any case, relative forms, ports, trailing dots,
  // backslashes, share links and other sites. (A host hidden behind percent-escapes or tabs is not
  // among them: a site that obfuscates its own link is not claiming it.)
  const host = fc.oneof(
    fc.constantFrom(...PROFILE_HOSTS).chain((h) => fc.constantFrom(h, `www.${h}`, `m.${h}`, `uk.${h}`, h.toUpperCase(), `${h}.`)),
    fc.constantFrom('www.example.nhs.uk', 'fox.com', 'mastodon.example', 'example.org', '127.0.0.1', 'xcom'),
  );
  const path = fc.constantFrom(
    '/uclh',
    '/@uclh',
    '/company/uclh-nhs',
    '/profile/uclh.bsky.social',
    '/intent/tweet',
    '/',
    '',
    '\\uclh',
    '/photos/uclh',
  );
  const href = fc.oneof(
    fc
      .tuple(
        fc.constantFrom('https://', 'http://', '//', 'HTTPS://'),
        host,
        fc.constantFrom('', ':443'),
        path,
        fc.constantFrom('', '?ref=a', '#top'),
      )
      .map((parts) => parts.join('')),
    fc.constantFrom('/about', 'mailto:a@example.nhs.uk', 'javascript:void(0)', '#main', ''),
  );
  const anchor = fc
    .tuple(href, fc.constantFrom('', ' rel="me"', ' rel="noopener ME"'))
    .map(([h, rel]) => `<a href="${h.replaceAll('"', '&quot;')}"${rel}>link</a>`);
  const extras = fc.subarray([
    '<script type="application/ld+json">{"sameAs":["https://www.facebook.com/uclh","https://example.org/x"]}</script>',
    '<meta name="twitter:site" content="@UCLH">',
    '<link rel="me" href="https://mastodon.example/@uclh">',
  ]);

  it('finds, with the rules applied in the background, exactly the profiles reading every link finds', () => {
    fc.assert(
      fc.property(fc.array(anchor, { maxLength: 60 }), extras, (anchors, more) => {
        const doc = parse(`<head>${more.join('')}</head><body>${anchors.join('')}</body>`);
        const url = 'https://www.uclh.nhs.uk/contact';
        expect(classified(doc, url)).toEqual(extractPageProfiles(doc, url));
      }),
      { numRuns: 300 },
    );
  });

  it('never drops a link that is a profile on a platform’s host (the pattern is a superset)', () => {
    fc.assert(
      fc.property(href, (raw) => {
        const base = 'https://www.uclh.nhs.uk/';
        const parsed = URL.canParse(raw, base) ? parseProfileUrl(new URL(raw, base).href) : undefined;
        if (parsed?.ok) expect(PROFILE_LINK.test(raw)).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
