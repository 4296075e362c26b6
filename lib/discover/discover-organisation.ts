/**
 * Finds an organisation's official accounts on its own website: the home page and at most one
 * "social media", "follow us" or "contact" page it links on the same host, chosen by the
 * extension's own rule (`accountsPageLink`, issue 27) and read with the extension's own reader
 * (`htmlSignals`) and link rules. Also records, per platform, that the pages checked link to no
 * account there: what lets an adoption level say "none" rather than "unknown". Network access is
 * injected, so tests run on loopback.
 */
import { type HtmlSignals, htmlSignals } from '../detect/html-signals';
import { type NotPlatformHost, type ProfileVia, profilesFromSignals } from '../detect/page-signals';
import { accountsPageLink } from '../detect/site-links';
import { isHostWithin } from '../net/hosts';
import { PLATFORMS, type Platform } from '../social/platforms';
import type { RobotsRules } from './robots';

export type FetchResult = { ok: true; url: string; contentType: string; body: string } | { ok: false; reason: string };

/** Asked before each hop of a redirect chain, the first URL included: why not to go there, if so. */
export type HopCheck = (url: URL, redirected: boolean) => Promise<string | undefined>;

export interface DiscoveryDeps {
  /**
   * Fetches a page politely, following redirects while `checkHop` allows each hop; `url` in the
   * result is where it ended.
   */
  fetchPage(url: string, checkHop: HopCheck): Promise<FetchResult>;
  robotsFor(origin: string): Promise<RobotsRules>;
  /** Reads a page's HTML; `htmlSignals` unless a test stands in for it. */
  readHtml?: (html: string) => HtmlSignals;
  /** The date every finding is stamped with (YYYY-MM-DD). */
  today: string;
  /** 1: the home page only; 2 (the most): the home page and the page `accountsPageLink` chooses. */
  maxPages: number;
  /** The index's domains and the extension's install-time hosts: never a social platform's (issue 26). */
  notPlatformHost?: NotPlatformHost;
}

/** The home page and one page it links: the most any reader of a site reads (issue 27). */
export const MAX_SITE_PAGES = 2;

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
  const findings: Finding[] = [];
  const error = (url: string, reason: string) => findings.push({ type: 'error', ods, url, reason, checked: deps.today });
  if (!URL.canParse(startUrl)) {
    error(startUrl, 'not a valid address');
    return { findings, pagesRead: 0 };
  }
  const startHost = new URL(startUrl).hostname;
  const isSameSite = (url: URL) => url.hostname === startHost || domains.some((d) => isHostWithin(url.hostname, d));
  const accounts = new Map<string, Finding & { type: 'account' }>();
  const pagesRead: string[] = [];
  const queue = [startUrl];
  const seen = new Set<string>();
  // Every hop of a redirect chain is checked, not only the first address (issue 17): a page that
  // redirects off the organisation's site is someone else's (its links are not evidence), and a
  // page it redirects to on its own site is read only if that host's robots.txt allows it.
  const checkHop: HopCheck = async (hop, redirected) => {
    if (!isSameSite(hop)) return `redirected to another site (${hop.hostname})`;
    const robots = await deps.robotsFor(hop.origin);
    if (robots.isAllowed(hop.pathname + hop.search)) return undefined;
    if (robots.unreadable !== undefined) return `robots.txt could not be read (${robots.unreadable}), so nothing is read there`;
    return redirected ? `redirected to ${hop.href}, which robots.txt disallows` : 'robots.txt disallows this page';
  };

  const maxPages = Math.min(deps.maxPages, MAX_SITE_PAGES);
  while (queue.length > 0 && seen.size < maxPages) {
    const url = queue.shift() ?? '';
    if (seen.has(url)) continue;
    seen.add(url);
    // Whatever one page does (a parser that throws on its markup, a fetch that fails oddly), it is
    // one error line: it never stops this organisation, let alone the run (issue 17).
    try {
      const fetched = await deps.fetchPage(url, checkHop);
      if (!fetched.ok) {
        error(url, fetched.reason);
        continue;
      }
      if (!/html/i.test(fetched.contentType)) {
        error(url, `not a web page (${fetched.contentType || 'no content type'})`);
        continue;
      }
      const signals = (deps.readHtml ?? htmlSignals)(fetched.body);
      const profiles = profilesFromSignals(signals, fetched.url, deps.notPlatformHost);
      // The home page as read, after any redirect on the organisation's own site: the page it
      // links is on that very host.
      const next = pagesRead.length === 0 ? accountsPageLink(signals.anchors, fetched.url, new URL(fetched.url).hostname) : undefined;
      pagesRead.push(fetched.url);
      for (const profile of profiles) {
        if (!accounts.has(profile.url)) {
          accounts.set(profile.url, { type: 'account', ods, ...profile, foundOn: fetched.url, checked: deps.today });
        }
      }
      if (next !== undefined) queue.push(next);
    } catch (thrown) {
      error(url, `could not be read (${thrown instanceof Error ? thrown.message : String(thrown)})`);
    }
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
