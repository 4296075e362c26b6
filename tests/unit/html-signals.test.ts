import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, htmlSignals } from '../../lib/detect/html-signals';
import { extractPageProfiles, profilesFromSignals, sanitisePageSignals } from '../../lib/detect/page-signals';

const FIXTURES = join(process.cwd(), 'tests/fixtures/pages');
/** Real trust pages saved in 2017, beside the repository where present (never copied into it). */
const SHARED_PAGES = [join(process.cwd(), '../shared/pages'), join(process.cwd(), '../../shared/pages')].find((dir) => existsSync(dir));

/** The profiles `html` links to, read by the background's scanner. */
const scanned = (html: string, url: string) => profilesFromSignals(htmlSignals(html), url).map((p) => `${p.via} ${p.url}`);
/** The same, read by the content script's DOM rules (happy-dom's parser). */
const parsed = (html: string, url: string) =>
  extractPageProfiles(new DOMParser().parseFromString(html, 'text/html'), url).map((p) => `${p.via} ${p.url}`);

// The saved real pages name stylesheets and frames: happy-dom must not try to load them.
const happyDom = (globalThis as unknown as { happyDOM?: { settings: Record<string, unknown> } }).happyDOM;
if (happyDom)
  Object.assign(happyDom.settings, {
    disableCSSFileLoading: true,
    disableIframePageLoading: true,
    disableJavaScriptFileLoading: true,
    handleDisabledFileLoadingAsSuccess: true,
  });

describe('htmlSignals', () => {
  it.each(readdirSync(FIXTURES).filter((f) => f.endsWith('.html')))('finds what the DOM finds on %s', (file) => {
    const html = readFileSync(join(FIXTURES, file), 'utf8');
    expect(scanned(html, 'https://www.example.nhs.uk/')).toEqual(parsed(html, 'https://www.example.nhs.uk/'));
  });

  it.skipIf(SHARED_PAGES === undefined)('finds what the DOM finds on the real trust pages saved beside the repository', () => {
    for (const file of readdirSync(SHARED_PAGES ?? '').filter((f) => f.endsWith('.html'))) {
      const html = readFileSync(join(SHARED_PAGES ?? '', file), 'utf8');
      const url = `http://${file.replace(/\.html$/, '')}/`;
      expect(scanned(html, url).length, file).toBeGreaterThan(0);
      expect(scanned(html, url), file).toEqual(parsed(html, url));
    }
  });

  it('reads tags in any case, quoted or not, with entities, and the first of a repeated attribute', () => {
    const html = `<A HREF=https://x.com/Upper>u</A><a href='https://www.facebook.com/Single'>s</a>
      <a href="https://x.com/first" href="https://x.com/second">r</a><a class=x href="https://www.youtube.com/@Amp?a=1&amp;b=2">y</a>
      <a href="https:&#x2F;&#x2F;bsky.app/profile/encoded.bsky.social">b</a>`;
    expect(scanned(html, 'https://www.example.nhs.uk/')).toEqual(parsed(html, 'https://www.example.nhs.uk/'));
    expect(scanned(html, 'https://www.example.nhs.uk/')).toEqual([
      'link https://x.com/Upper',
      'link https://www.facebook.com/Single',
      'link https://x.com/first',
      'link https://www.youtube.com/@Amp',
      'link https://bsky.app/profile/encoded.bsky.social',
    ]);
  });

  it('reads no link inside a comment, a script, a style, a title, a textarea or a template', () => {
    const html = `<!-- <a href="https://x.com/comment">c</a> --><script>document.write('<a href="https://x.com/script">s</a>')</script>
      <style>a[href="https://x.com/style"]{}</style><title><a href="https://x.com/title"></a></title>
      <textarea><a href="https://x.com/textarea"></a></textarea><template><a href="https://x.com/template">t</a></template>
      <SCRIPT type="text/template"><a href="https://x.com/template2"></a></SCRIPT ><a href="https://x.com/real">real</a>`;
    expect(scanned(html, 'https://www.example.nhs.uk/')).toEqual(['link https://x.com/real']);
  });

  it('reads rel="me" on links and anchors, JSON-LD and twitter:site, as the DOM rules do', () => {
    const html = `<head><LINK REL="Me Author" HREF="https://mastodon.example/@Trust"><meta name="twitter:site" content="@TrustNHS">
      <script type="Application/LD+JSON ">{"sameAs": ["https://www.instagram.com/trustnhs"]}</script></head>
      <body><a rel="nofollow me" href="https://social.example/@TrustTwo">m</a></body>`;
    expect(scanned(html, 'https://www.example.nhs.uk/')).toEqual([
      'rel-me https://mastodon.example/@Trust',
      'rel-me https://social.example/@TrustTwo',
      'json-ld https://www.instagram.com/trustnhs',
      'meta https://x.com/TrustNHS',
    ]);
  });

  it('keeps each link’s words, to find a "follow us" or "contact" page', () => {
    const { anchors } = htmlSignals(`<nav><a href="/follow-us"><span class="icon"></span> Follow
      <b>us</b></a><a href="/contact">Contact &amp; find us</a><a href="/x">unclosed`);
    expect(anchors).toEqual([
      { href: '/follow-us', text: 'Follow us' },
      { href: '/contact', text: 'Contact & find us' },
      { href: '/x', text: 'unclosed' },
    ]);
  });

  it('decodes the character references links use, and nothing else', () => {
    expect(decodeEntities('a&amp;b&quot;&#39;&#x2F;&lt;&nbsp;&unknown;&#0;&#xD800;')).toBe('a&b"\'/< &unknown;\uFFFD\uFFFD');
  });

  it.each([
    ['an unclosed comment', `<!--${'<a href="https://x.com/a">'.repeat(20_000)}`],
    ['unclosed quotes', `<a href="${'x'.repeat(200_000)}`],
    ['a flood of tags', '<a '.repeat(100_000)],
    ['a script that never ends', `<script>${'<'.repeat(200_000)}`],
    ['a flood of less-than signs', '<<<<'.repeat(100_000)],
  ])('reads %s in time proportional to its size', (_name, html) => {
    const started = performance.now();
    htmlSignals(html);
    // A quadratic scan of these would take minutes; a linear one takes well under a second, even on a busy machine.
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('never throws on any text, and every profile it yields re-validates as the background checks them', () => {
    const fixture = readFileSync(join(FIXTURES, 'footer-icons.html'), 'utf8');
    const mutated = fc
      .tuple(fc.nat({ max: fixture.length }), fc.nat({ max: 40 }), fc.string({ maxLength: 30 }))
      .map(([at, cut, insert]) => fixture.slice(0, at) + insert + fixture.slice(at + cut));
    const tagSoup = fc
      .array(
        fc.constantFrom(
          '<a href="',
          'https://x.com/',
          'Trust',
          '"',
          "'",
          '>',
          '</a>',
          '<!--',
          '-->',
          '<script>',
          '</script>',
          ' rel=me ',
          '&amp;',
          '<',
          '=',
        ),
        {
          maxLength: 40,
        },
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 300 }), mutated, tagSoup), (html) => {
        const url = 'https://www.example.nhs.uk/';
        const profiles = profilesFromSignals(htmlSignals(html), url);
        // What the rules kept, reported again as a page's links, is kept again.
        const again = profilesFromSignals(
          sanitisePageSignals({
            relMe: profiles.filter((p) => p.via === 'rel-me').map((p) => p.url),
            links: profiles.filter((p) => p.via !== 'rel-me').map((p) => p.url),
          }),
          url,
        );
        expect(new Set(again.map((p) => p.url))).toEqual(new Set(profiles.map((p) => p.url)));
      }),
      { numRuns: 400 },
    );
  });
});
