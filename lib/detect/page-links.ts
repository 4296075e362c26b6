/**
 * What the content script reads from a page (issue 22): only the links that may be social
 * profiles (each link's `href` tested with one pattern), unparsed. The background classifies them
 * (`sanitisePageProfiles`, by the same rules as every other source), so the page's main thread
 * never walks its links through URL parsing: a page with hundreds of links costs what one with ten does.
 */
import { PROFILE_HOSTS } from '../social/profile-url';
import {
  MAX_JSON_LD_CHARS,
  MAX_PAGE_LINKS,
  type PageLink,
  type ProfileVia,
  type QueryableDocument,
  sameAsValues,
  twitterSiteUrl,
} from './page-signals';

/**
 * An address that names a platform's host: followed by a path (`x.com/`), a port (`x.com:443/`),
 * a trailing dot (`x.com./`) or a backslash, which URL parsing reads as a slash; any case. A
 * superset (`fox.com/` matches too, and the rules drop it). One pattern tested on each link's
 * `href` attribute: in Chromium, on the saved Leeds page (176 links), 10 to 30 times cheaper than
 * parsing every link, and 40 to 150 times cheaper than attribute selectors such as
 * `a[href*="x.com/" i]`, which the browser matches element by element (issue 22). Reading the
 * links as attribute nodes through XPath was tried too: no clear gain, and no XPath in the unit
 * tests' DOM (docs/performance.md).
 */
export const PROFILE_LINK = new RegExp(`(?:${PROFILE_HOSTS.map((host) => host.replaceAll('.', '\\.')).join('|')})\\.?[/:\\\\]`, 'i');

/** The page's possible profile links, in the order the rules read them, at most MAX_PAGE_LINKS. */
export function pageLinks(doc: QueryableDocument): PageLink[] {
  const links: PageLink[] = [];
  const add = (url: string | null, via: ProfileVia) => url !== null && links.length < MAX_PAGE_LINKS && links.push({ url, via });
  for (const e of doc.querySelectorAll('a[href][rel~="me"], link[href][rel~="me"]')) add(e.getAttribute('href'), 'rel-me');
  for (const e of doc.querySelectorAll('a[href]')) {
    const href = e.getAttribute('href') ?? '';
    if (PROFILE_LINK.test(href)) add(href, 'link');
  }
  for (const e of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = e.textContent ?? '';
    if (text.length <= MAX_JSON_LD_CHARS) for (const url of sameAsValues(text)) add(url, 'json-ld');
  }
  for (const e of doc.querySelectorAll('meta[name="twitter:site"][content]')) add(twitterSiteUrl(e.getAttribute('content') ?? ''), 'meta');
  return links;
}
