/**
 * Reads the social profiles an organisation's page links to: its header, footer and "follow us"
 * links, `rel="me"` links, JSON-LD `sameAs` and the `twitter:site` meta tag. One pass, no
 * observers, small enough for the content script; share buttons and platform pages are refused by
 * the same rules the index and the maintainers' discovery command use.
 */
import type { Platform } from '../social/platforms';
import { parseProfile } from '../social/profile-url';
import { MAX_PAGE_URL_LENGTH } from './page-url';

export type ProfileVia = 'link' | 'rel-me' | 'json-ld' | 'meta';
const VIAS: readonly ProfileVia[] = ['link', 'rel-me', 'json-ld', 'meta'];

/** A link a page offers as a possible profile, unparsed: what the content script sends (issue 22). */
export interface PageLink {
  url: string;
  via: ProfileVia;
}

export interface PageProfile {
  platform: Platform;
  handle: string;
  url: string;
  via: ProfileVia;
}

/** At most this many profiles are reported per page: enough for any footer, useless to a spammer. */
export const MAX_PAGE_PROFILES = 30;
/** At most this many links are read from a page's report: far more than any page's profile links. */
export const MAX_PAGE_LINKS = 300;
const MAX_ANCHORS = 3000;
export const MAX_JSON_LD_CHARS = 100_000;

/** The part of a document this needs (a real DOM in the content script, linkedom in the CLI). */
export type QueryableDocument = Pick<Document, 'querySelectorAll'>;

/**
 * What a page offers, in document order, before any rule is applied (issue 19): the content script
 * reads it from the DOM, the background's site reader from HTML text (html-signals.ts), and one
 * function, `profilesFromSignals`, applies the rules to both, so they can never disagree.
 */
export interface PageSignals {
  /** `href` of each `a` and `link` with `rel~="me"`. */
  relMe: string[];
  /** `href` of each `a` (the rules read the first MAX_ANCHORS). */
  links: string[];
  /** The text of each `script[type="application/ld+json"]`. */
  jsonLd: string[];
  /** `content` of each `meta[name="twitter:site"]`. */
  twitterSite: string[];
}

/** The social profiles `doc` (at `pageUrl`) links to, first occurrence first, without duplicates. */
export function extractPageProfiles(doc: QueryableDocument, pageUrl: string): PageProfile[] {
  const all = (selector: string, read: (element: Element) => string | null) =>
    Array.from(doc.querySelectorAll(selector), (e) => read(e) ?? '');
  const href = (element: Element) => element.getAttribute('href');
  return profilesFromSignals(
    {
      relMe: all('a[href][rel~="me"], link[href][rel~="me"]', href),
      links: all('a[href]', href),
      jsonLd: all('script[type="application/ld+json"]', (e) => e.textContent),
      twitterSite: all('meta[name="twitter:site"][content]', (e) => e.getAttribute('content')),
    },
    pageUrl,
  );
}

/** The social profiles a page's signals name, first occurrence first, without duplicates. */
export function profilesFromSignals(signals: PageSignals, pageUrl: string): PageProfile[] {
  return profilesOf(
    [
      ...signals.relMe.map((url) => ({ url, via: 'rel-me' as const })),
      ...signals.links.slice(0, MAX_ANCHORS).map((url) => ({ url, via: 'link' as const })),
      ...signals.jsonLd
        .flatMap((text) => (text.length <= MAX_JSON_LD_CHARS ? sameAsValues(text) : []))
        .map((url) => ({ url, via: 'json-ld' as const })),
      // The same path as every link (one code path keeps the content script small: issue 17).
      ...signals.twitterSite.map((site) => ({ url: twitterSiteUrl(site), via: 'meta' as const })),
    ],
    pageUrl,
  );
}

/** The address a `twitter:site` value (`@ExampleNHS`) names. */
export const twitterSiteUrl = (site: string) => `https://x.com/${site.trim().replace(/^@/, '')}`;

/**
 * The rules, for links from any source: each address read against the page's own, kept when it is
 * a profile (on a platform's host, or any host for rel="me", which is how Mastodon and others verify
 * a profile), first occurrence first, at most MAX_PAGE_PROFILES.
 */
function profilesOf(links: Iterable<PageLink>, pageUrl: string | undefined): PageProfile[] {
  const found = new Map<string, PageProfile>();
  for (const { url: raw, via } of links) {
    if (found.size >= MAX_PAGE_PROFILES) break;
    if (!URL.canParse(raw, pageUrl)) continue;
    const url = new URL(raw, pageUrl);
    const parsed = parseProfile(url, via === 'rel-me' ? new Set([url.hostname]) : undefined);
    if (parsed.ok && !found.has(parsed.profile.url)) found.set(parsed.profile.url, { ...parsed.profile, via });
  }
  return [...found.values()];
}

/** Every string under a `sameAs` key anywhere in a JSON-LD block (including `@graph`). */
export function sameAsValues(text: string): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 8 || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sameAs') out.push(...[value].flat().filter((v): v is string => typeof v === 'string'));
      else walk(value, depth + 1);
    }
  };
  walk(data, 0);
  return out;
}

/**
 * Re-checks what a page sent (issue 17), and classifies it (issue 22): the content script sends the
 * links that may be profiles, unparsed, and the background applies the rules. The background never
 * trusts a content script, so anything malformed or excessive is dropped: at most MAX_PAGE_LINKS
 * links are read, a link longer than any profile address is not even parsed, and at most
 * MAX_PAGE_PROFILES profiles are kept. `pageUrl` resolves relative links, as the page would.
 */
export function sanitisePageProfiles(raw: unknown, pageUrl?: string): PageProfile[] {
  if (!Array.isArray(raw)) return [];
  const links = raw.slice(0, MAX_PAGE_LINKS).filter((item): item is PageLink => {
    if (typeof item !== 'object' || item === null) return false;
    const { url, via } = item as { url?: unknown; via?: unknown };
    return typeof url === 'string' && url.length <= MAX_PAGE_URL_LENGTH && VIAS.includes(via as ProfileVia);
  });
  return profilesOf(
    links.map(({ url, via }) => ({ url, via })),
    pageUrl,
  );
}
