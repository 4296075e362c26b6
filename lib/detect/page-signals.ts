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

/** The social profiles `doc` (at `pageUrl`) links to, first occurrence first, without duplicates. */
export function extractPageProfiles(doc: QueryableDocument, pageUrl: string): PageProfile[] {
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

  for (const element of doc.querySelectorAll('a[href][rel~="me"], link[href][rel~="me"]'))
    add(element.getAttribute('href') ?? '', 'rel-me');
  let anchors = 0;
  for (const anchor of doc.querySelectorAll('a[href]')) {
    if (anchors++ >= MAX_ANCHORS) break;
    add(anchor.getAttribute('href') ?? '', 'link');
  }
  for (const script of doc.querySelectorAll('script[type="application/ld+json"]')) {
    const text = script.textContent ?? '';
    if (text.length > MAX_JSON_LD_CHARS) continue;
    for (const value of sameAsValues(text)) add(value, 'json-ld');
  }
  // The same path as every link (one code path keeps the content script small: issue 17).
  for (const meta of doc.querySelectorAll('meta[name="twitter:site"][content]'))
    add(`https://x.com/${(meta.getAttribute('content') ?? '').trim().replace(/^@/, '')}`, 'meta');
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
