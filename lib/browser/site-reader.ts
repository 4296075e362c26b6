/**
 * Reads an organisation's own site, in the background, for the profiles it links to (issue 19):
 * the home page of the host the user is on and, when that links none, at most one page it links
 * to that says "social media", "follow us" or "contact", on the same host. Every request goes
 * without cookies or a referrer, stops at a redirect (the browser does not say where a redirect
 * leads without following it, and following could reach another host), gives up after a timeout,
 * reads only a text/html answer within a byte cap (lib/net/capped-fetch.ts: a larger page is not
 * read, issue 27), and never touches any other host.
 */
import { htmlSignals } from '../detect/html-signals';
import { type NotPlatformHost, type PageProfile, profilesFromSignals } from '../detect/page-signals';
import { accountsPageLink, homePageOf } from '../detect/site-links';
import type { StoredSiteRead } from '../detect/stored-site-read';
import { bodyText, cappedFetch } from '../net/capped-fetch';

export interface SiteReaderDeps {
  fetch: typeof fetch;
  /** The longest a whole read (both pages) may take. */
  timeoutMs: number;
  /** The most bytes of one page: a larger page is not read, and the rest is never downloaded. */
  maxBytes: number;
  /** Hosts never a social platform's (the install-time host permissions: issue 26). */
  notPlatformHost?: NotPlatformHost;
}

/** One page read, with the profiles it links to. */
export interface PageRead {
  url: string;
  profiles: PageProfile[];
}

export interface SiteRead {
  /** Every address requested, in order. */
  requested: string[];
  /** The pages read whole (or up to the cap), with their profiles. */
  pages: PageRead[];
  outcome: StoredSiteRead['outcome'];
  reason?: string;
}

/** Production settings: ten seconds for the whole read, 2 MB a page (a trust's home page is rarely a tenth of that). */
export const SITE_READER_TIMEOUT_MS = 10_000;
export const SITE_READER_MAX_BYTES = 2_000_000;

type Fetched = { ok: true; html: string } | { ok: false; reason: string };

/** Reads `host`'s home page, then at most one linked page on `host`, as the rules above say. */
export async function readSite(deps: SiteReaderDeps, host: string): Promise<SiteRead> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), deps.timeoutMs);
  const requested: string[] = [];
  const pages: PageRead[] = [];
  const get = (url: string): Promise<Fetched> => {
    requested.push(url);
    return fetchPage(deps, url, host, controller.signal);
  };
  try {
    const home = homePageOf(host);
    const first = await get(home);
    if (!first.ok) return { requested, pages, outcome: 'failed', reason: first.reason };
    const signals = htmlSignals(first.html);
    pages.push({ url: home, profiles: profilesFromSignals(signals, home, deps.notPlatformHost) });
    if (pages[0]?.profiles.length) return { requested, pages, outcome: 'found' };
    const linked = accountsPageLink(signals.anchors, home, host);
    if (linked === undefined) return { requested, pages, outcome: 'none' };
    const second = await get(linked);
    if (!second.ok) return { requested, pages, outcome: 'failed', reason: second.reason };
    const profiles = profilesFromSignals(htmlSignals(second.html), linked, deps.notPlatformHost);
    pages.push({ url: linked, profiles });
    return { requested, pages, outcome: profiles.length > 0 ? 'found' : 'none' };
  } finally {
    clearTimeout(timer);
  }
}

/** One page: no cookies, no referrer, no redirects, text/html only, at most `maxBytes` (a larger one is not read). */
async function fetchPage(deps: SiteReaderDeps, url: string, host: string, signal: AbortSignal): Promise<Fetched> {
  // Checked again here, so that no caller can ever make the reader leave the host (issue 19).
  if (new URL(url).hostname !== host) return { ok: false, reason: 'another host' };
  const fetched = await cappedFetch({
    fetch: deps.fetch,
    url,
    init: { credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer', headers: { accept: 'text/html' } },
    // The whole read's deadline (`signal`) covers every page; this one can only come sooner.
    timeoutMs: deps.timeoutMs,
    signal,
    maxBytes: deps.maxBytes,
    wantBody: (response) => pageProblem(response) === undefined,
  });
  if (!fetched.ok) {
    if (fetched.problem === 'timeout') return { ok: false, reason: 'timed out' };
    if (fetched.problem === 'unreachable') return { ok: false, reason: 'could not connect' };
    // A page cut at the cap could hide its footer's links: it is not read, never read as "none" (issue 27).
    if (fetched.problem === 'too-large') return { ok: false, reason: `larger than ${deps.maxBytes} bytes` };
    return { ok: false, reason: 'could not read the page' };
  }
  const problem = pageProblem(fetched.response);
  return problem === undefined ? { ok: true, html: bodyText(fetched.body) } : { ok: false, reason: problem };
}

/** Why an answer is not a page to read (a redirect, an error, not HTML), or undefined. */
function pageProblem(response: Response): string | undefined {
  if (response.type === 'opaqueredirect' || (response.status >= 300 && response.status < 400)) return 'redirected';
  if (response.status !== 200) return `HTTP ${response.status}`;
  const type = (response.headers.get('content-type') ?? '').toLowerCase();
  if (!type.startsWith('text/html') && !type.startsWith('application/xhtml+xml')) return 'not an HTML page';
  return undefined;
}
