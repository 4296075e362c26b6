/**
 * Reads the social profiles an organisation's page links to: its header, footer and "follow us"
 * links, `rel="me"` links, JSON-LD `sameAs` and the `twitter:site` meta tag. One pass, no
 * observers, small enough for the content script; share buttons and platform pages are refused by
 * the same rules the index and the maintainers' discovery command use.
 */
import type { Platform } from '../social/platforms';
import { isSocialPlatformHost, parseProfileUrl } from '../social/profile-url';
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
const MAX_ANCHORS = 3000;
const MAX_JSON_LD_CHARS = 100_000;

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
  const found = new Map<string, PageProfile>();
  const add = (raw: string, via: ProfileVia) => {
    if (found.size >= MAX_PAGE_PROFILES || !URL.canParse(raw, pageUrl)) return;
    const url = new URL(raw, pageUrl);
    // rel="me" is how Mastodon and others verify a profile, so it may name any instance.
    const isMe = via === 'rel-me';
    if (!isMe && !isSocialPlatformHost(url.hostname)) return;
    const parsed = parseProfileUrl(url.href, isMe ? new Set([url.hostname]) : undefined);
    if (parsed.ok && !found.has(parsed.profile.url)) found.set(parsed.profile.url, { ...parsed.profile, via });
  };
  for (const raw of signals.relMe) add(raw, 'rel-me');
  for (const raw of signals.links.slice(0, MAX_ANCHORS)) add(raw, 'link');
  for (const text of signals.jsonLd) if (text.length <= MAX_JSON_LD_CHARS) for (const value of sameAsValues(text)) add(value, 'json-ld');
  // The same path as every link (one code path keeps the content script small: issue 17).
  for (const site of signals.twitterSite) add(`https://x.com/${site.trim().replace(/^@/, '')}`, 'meta');
  return [...found.values()];
}

/** Every string under a `sameAs` key anywhere in a JSON-LD block (including `@graph`). */
function sameAsValues(text: string): string[] {
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
 * Re-checks profiles received from a page: the background never trusts what a content script
 * sends, so every URL is parsed again and anything malformed or excessive is dropped.
 */
export function sanitisePageProfiles(raw: unknown): PageProfile[] {
  if (!Array.isArray(raw)) return [];
  const out = new Map<string, PageProfile>();
  for (const item of raw.slice(0, MAX_PAGE_PROFILES)) {
    if (typeof item !== 'object' || item === null) continue;
    const { url, via } = item as { url?: unknown; via?: unknown };
    // An address no profile link needs is not even parsed (issue 17).
    if (typeof url !== 'string' || url.length > MAX_PAGE_URL_LENGTH || !['link', 'rel-me', 'json-ld', 'meta'].includes(via as string))
      continue;
    const parsed = parseProfileUrl(url, via === 'rel-me' && URL.canParse(url) ? new Set([new URL(url).hostname]) : undefined);
    if (parsed.ok) out.set(parsed.profile.url, { ...parsed.profile, via: via as ProfileVia });
  }
  return [...out.values()];
}
