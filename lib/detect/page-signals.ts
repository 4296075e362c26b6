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
/**
 * At most this much JSON-LD text is parsed for one page, and at most this many `sameAs` values
 * read from one block and from one page, whichever way the page was read (issue 26): a page of 20
 * blocks of 100 KB of `sameAs` values cost the worker 0.8 s a read, each value parsed as an address.
 */
export const MAX_JSON_LD_PAGE_CHARS = 200_000;
export const MAX_SAME_AS_PER_BLOCK = 50;
export const MAX_SAME_AS_PER_PAGE = 100;
/**
 * The most a page's report may hold in all, in UTF-16 code units (512 KB of memory at most,
 * whatever the page does; issue 26): far more than any page's profile links and JSON-LD.
 */
export const MAX_PAGE_READ_CHARS = 256 * 1024;

/** The part of a document this needs (a real DOM, or happy-dom in tests: the reference the HTML reader, html-signals.ts, is checked against). */
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
      // `i`: HTML reads `rel` ignoring case, as browsers match it; happy-dom needs telling.
      relMe: all('a[href][rel~="me" i], link[href][rel~="me" i]', href),
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
      ...jsonLdSameAs(signals.jsonLd).map((url) => ({ url, via: 'json-ld' as const })),
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

/**
 * The `sameAs` values of a page's JSON-LD blocks, within the caps: at most MAX_PAGE_BLOCKS blocks
 * of at most MAX_JSON_LD_CHARS each, MAX_JSON_LD_PAGE_CHARS parsed in all, MAX_SAME_AS_PER_BLOCK
 * values a block and MAX_SAME_AS_PER_PAGE a page (issue 26).
 */
function jsonLdSameAs(blocks: readonly string[]): string[] {
  const out: string[] = [];
  let parsed = 0;
  for (const text of blocks.slice(0, MAX_PAGE_BLOCKS)) {
    if (text.length > MAX_JSON_LD_CHARS) continue;
    parsed += text.length;
    if (parsed > MAX_JSON_LD_PAGE_CHARS || out.length >= MAX_SAME_AS_PER_PAGE) break;
    out.push(...sameAsValues(text, Math.min(MAX_SAME_AS_PER_BLOCK, MAX_SAME_AS_PER_PAGE - out.length)));
  }
  return out;
}

/** Every string under a `sameAs` key anywhere in a JSON-LD block (including `@graph`), the first `max` of them. */
export function sameAsValues(text: string, max = MAX_SAME_AS_PER_BLOCK): string[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  const out: string[] = [];
  const walk = (node: unknown, depth: number) => {
    if (depth > 8 || node === null || typeof node !== 'object' || out.length >= max) return;
    if (Array.isArray(node)) {
      for (const item of node) walk(item, depth + 1);
      return;
    }
    for (const [key, value] of Object.entries(node)) {
      if (key === 'sameAs')
        out.push(
          ...[value]
            .flat()
            .filter((v): v is string => typeof v === 'string')
            .slice(0, max - out.length),
        );
      else walk(value, depth + 1);
    }
  };
  walk(data, 0);
  return out;
}

/** At most this many JSON-LD blocks and `twitter:site` values are read from a page's report, or parsed from a page. */
export const MAX_PAGE_BLOCKS = 20;
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
  // Sizes first, counting no further than the cap (issue 26): a report longer in all than a page
  // may send is refused whole, before any of it is filtered or parsed.
  let total = 0;
  for (const list of [report.relMe, report.links, report.jsonLd, report.twitterSite])
    for (let i = 0; Array.isArray(list) && i < list.length && i < MAX_PAGE_LINKS && total <= MAX_PAGE_READ_CHARS; i++) {
      const value: unknown = list[i];
      if (typeof value === 'string') total += value.length;
    }
  if (total > MAX_PAGE_READ_CHARS) return { relMe: [], links: [], jsonLd: [], twitterSite: [] };
  const texts = (value: unknown, max: number, maxLength: number) =>
    Array.isArray(value) ? value.slice(0, max).filter((v): v is string => typeof v === 'string' && v.length <= maxLength) : [];
  return {
    relMe: texts(report.relMe, MAX_PAGE_LINKS, MAX_PAGE_URL_LENGTH),
    links: texts(report.links, MAX_PAGE_LINKS, MAX_PAGE_URL_LENGTH),
    jsonLd: texts(report.jsonLd, MAX_PAGE_BLOCKS, MAX_JSON_LD_CHARS),
    twitterSite: texts(report.twitterSite, MAX_PAGE_BLOCKS, MAX_TWITTER_SITE_CHARS),
  };
}
