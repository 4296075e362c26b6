/**
 * Reads the social profiles an organisation's page links to: its header, footer and "follow us"
 * links, `rel="me"` links, JSON-LD `sameAs` and the `twitter:site` meta tag. One pass, no
 * observers; share buttons and platform pages are refused by
 * the same rules the index and the maintainers' discovery command use.
 */
import type { Platform } from '../social/platforms';
import { parseProfile } from '../social/profile-url';
import { MAX_PAGE_URL_LENGTH } from './page-url';

export type ProfileVia = 'link' | 'rel-me' | 'json-ld' | 'meta';

export interface PageProfile {
  platform: Platform;
  handle: string;
  url: string;
  via: ProfileVia;
}

/** At most this many profiles are reported per page: enough for any footer, useless to a spammer. */
export const MAX_PAGE_PROFILES = 30;
/** At most this many links of each kind are read from a page's report: far more than any page's profile links. */
export const MAX_PAGE_LINKS = 300;
const MAX_ANCHORS = 3000;
export const MAX_JSON_LD_CHARS = 100_000;

/** The part of a document this needs (a real DOM in the page, happy-dom in tests, linkedom in the CLI). */
export type QueryableDocument = Pick<Document, 'querySelectorAll'>;

/**
 * What a page offers, in document order, before any rule is applied (issue 19): the page
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

/**
 * Hosts that are never a social platform's, beyond the NHS zones profile-url.ts refuses itself
 * (issue 26): the index's own domains and every host the extension may read from install. A
 * caller that knows the index passes it; `rel="me"` never makes such a host a Mastodon instance.
 */
export type NotPlatformHost = (hostname: string) => boolean;

/** The social profiles `doc` (at `pageUrl`) links to, first occurrence first, without duplicates. */
export function extractPageProfiles(doc: QueryableDocument, pageUrl: string, notPlatformHost?: NotPlatformHost): PageProfile[] {
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
    notPlatformHost,
  );
}

/** The social profiles a page's signals name, first occurrence first, without duplicates. */
export function profilesFromSignals(signals: PageSignals, pageUrl: string, notPlatformHost?: NotPlatformHost): PageProfile[] {
  return profilesOf(
    [
      ...signals.relMe.map((url) => ({ url, via: 'rel-me' as const })),
      ...signals.links.slice(0, MAX_ANCHORS).map((url) => ({ url, via: 'link' as const })),
      ...signals.jsonLd
        .flatMap((text) => (text.length <= MAX_JSON_LD_CHARS ? sameAsValues(text) : []))
        .map((url) => ({ url, via: 'json-ld' as const })),
      // The same path as every link.
      ...signals.twitterSite.map((site) => ({ url: twitterSiteUrl(site), via: 'meta' as const })),
    ],
    pageUrl,
    notPlatformHost,
  );
}

/** The address a `twitter:site` value (`@ExampleNHS`) names. */
export const twitterSiteUrl = (site: string) => `https://x.com/${site.trim().replace(/^@/, '')}`;

/**
 * The rules, for links from any source: each address read against the page's own, kept when it is
 * a profile (on a platform's host, or for rel="me", which is how Mastodon verifies a profile, any
 * host that is not an NHS organisation's or one the extension may read: issue 26), first occurrence
 * first, at most MAX_PAGE_PROFILES. A plain link never makes an arbitrary host a Mastodon instance:
 * anyone can link anywhere, and only `rel="me"` says "this is us".
 */
function profilesOf(
  links: Iterable<{ url: string; via: ProfileVia }>,
  pageUrl: string | undefined,
  notPlatformHost: NotPlatformHost = () => false,
): PageProfile[] {
  const found = new Map<string, PageProfile>();
  for (const { url: raw, via } of links) {
    if (found.size >= MAX_PAGE_PROFILES) break;
    if (!URL.canParse(raw, pageUrl)) continue;
    const url = new URL(raw, pageUrl);
    const instance = via === 'rel-me' && !notPlatformHost(url.hostname);
    const parsed = parseProfile(url, instance ? new Set([url.hostname]) : undefined);
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

/** At most this many JSON-LD blocks and `twitter:site` values are read from a page's report. */
const MAX_PAGE_BLOCKS = 20;
/** Longer than any handle a `twitter:site` value names. */
const MAX_TWITTER_SITE_CHARS = 100;

/**
 * Re-checks what a page sent (issue 17): the page reports its signals, the links among them only
 * those that may be profiles, unparsed, and the background applies the rules (issue 22). The
 * background never trusts a page, whose own scripts may have changed what was read, so anything
 * malformed or excessive is dropped: at most MAX_PAGE_LINKS links of each kind are read, a link
 * longer than any profile address is not even parsed, and at most MAX_PAGE_BLOCKS JSON-LD blocks
 * and `twitter:site` values. `profilesFromSignals` then keeps at most MAX_PAGE_PROFILES profiles.
 */
export function sanitisePageSignals(raw: unknown): PageSignals {
  const report = typeof raw === 'object' && raw !== null ? (raw as Partial<Record<keyof PageSignals, unknown>>) : {};
  const texts = (value: unknown, max: number, maxLength: number) =>
    Array.isArray(value) ? value.slice(0, max).filter((v): v is string => typeof v === 'string' && v.length <= maxLength) : [];
  return {
    relMe: texts(report.relMe, MAX_PAGE_LINKS, MAX_PAGE_URL_LENGTH),
    links: texts(report.links, MAX_PAGE_LINKS, MAX_PAGE_URL_LENGTH),
    jsonLd: texts(report.jsonLd, MAX_PAGE_BLOCKS, MAX_JSON_LD_CHARS),
    twitterSite: texts(report.twitterSite, MAX_PAGE_BLOCKS, MAX_TWITTER_SITE_CHARS),
  };
}
