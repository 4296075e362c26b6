/**
 * Finds an organisation's official accounts on its own website: the home page and a few likely
 * pages (contact, about, follow us…), read with the same link rules as the content script. Also
 * records, per platform, that the pages checked link to no account there: what lets an adoption
 * level say "none" rather than "unknown". Network access is injected, so tests run on loopback.
 */
import { extractPageProfiles, type ProfileVia, type QueryableDocument } from '../detect/page-signals';
import { PLATFORMS, type Platform } from '../index/schema';
import { likelyPages } from './likely-pages';
import type { RobotsRules } from './robots';

export type FetchResult = { ok: true; url: string; contentType: string; body: string } | { ok: false; reason: string };

export interface DiscoveryDeps {
  /** Fetches a page politely, following redirects; `url` in the result is where it ended. */
  fetchPage(url: string): Promise<FetchResult>;
  robotsFor(origin: string): Promise<RobotsRules>;
  parseHtml(html: string): QueryableDocument;
  /** The date every finding is stamped with (YYYY-MM-DD). */
  today: string;
  maxPages: number;
}

export type Finding =
  | { type: 'account'; ods: string; platform: Platform; handle: string; url: string; foundOn: string; via: ProfileVia; checked: string }
  | { type: 'no-link'; ods: string; platform: Platform; pagesChecked: string[]; checked: string }
  | { type: 'error'; ods: string; url: string; reason: string; checked: string };

export interface DiscoveryResult {
  findings: Finding[];
  pagesRead: number;
}

/** Discovers the accounts linked from the site at `startUrl`, owned by `ods` with `domains`. */
export async function discoverOrganisation(
  ods: string,
  domains: readonly string[],
  startUrl: string,
  deps: DiscoveryDeps,
): Promise<DiscoveryResult> {
  const startHost = new URL(startUrl).hostname;
  const isSameSite = (url: URL) => url.hostname === startHost || domains.some((d) => url.hostname === d || url.hostname.endsWith(`.${d}`));
  const findings: Finding[] = [];
  const accounts = new Map<string, Finding & { type: 'account' }>();
  const pagesRead: string[] = [];
  const queue = [startUrl];
  const seen = new Set<string>();
  const error = (url: string, reason: string) => findings.push({ type: 'error', ods, url, reason, checked: deps.today });

  while (queue.length > 0 && seen.size < deps.maxPages) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    const target = new URL(url);
    const robots = await deps.robotsFor(target.origin);
    if (!robots.isAllowed(target.pathname + target.search)) {
      error(url, 'robots.txt disallows this page');
      continue;
    }
    const fetched = await deps.fetchPage(url);
    if (!fetched.ok) {
      error(url, fetched.reason);
      continue;
    }
    // A page that redirects off the organisation's site is someone else's: its links are not evidence.
    if (!isSameSite(new URL(fetched.url))) {
      error(url, `redirected to another site (${new URL(fetched.url).hostname})`);
      continue;
    }
    if (!/html/i.test(fetched.contentType)) {
      error(url, `not a web page (${fetched.contentType || 'no content type'})`);
      continue;
    }
    pagesRead.push(fetched.url);
    const doc = deps.parseHtml(fetched.body);
    for (const profile of extractPageProfiles(doc, fetched.url)) {
      if (!accounts.has(profile.url)) {
        accounts.set(profile.url, { type: 'account', ods, ...profile, foundOn: fetched.url, checked: deps.today });
      }
    }
    if (pagesRead.length === 1) queue.push(...likelyPages(doc, fetched.url, isSameSite, deps.maxPages - 1));
  }

  findings.push(...accounts.values());
  // "No link found" is only claimed when pages were actually read.
  if (pagesRead.length > 0) {
    const found = new Set([...accounts.values()].map((a) => a.platform));
    for (const platform of PLATFORMS) {
      if (!found.has(platform)) findings.push({ type: 'no-link', ods, platform, pagesChecked: pagesRead, checked: deps.today });
    }
  }
  return { findings, pagesRead: pagesRead.length };
}
