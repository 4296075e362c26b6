/**
 * Reads one organisation's website for a survey of the sector (issue 29 part 2), by the rules and
 * with the code of the in-browser site read (`readSite`, issue 19): its home page on its current
 * host and at most one "social media" / "follow us" / "contact" page that it links on the same
 * host; https only, no cookies, no referrer, a timeout and a byte cap. Around it, what a survey
 * adds: the browser's leave to read the host is checked first (permissions.contains, never
 * assumed), robots.txt is read first and obeyed by RFC 9309 with the crawler's parser
 * (lib/discover/robots.ts), and every request waits for its host's slot (at most one a second).
 * Redirects stay refused, as `readSite` refuses them: the outcome says "redirected".
 */
import { ALLOW_ALL, parseRobots, type RobotsRules, unreachableRobots } from '../discover/robots';
import { bodyText, cappedFetch } from '../net/capped-fetch';
import type { SurveyAccount, SurveyOutcome } from '../survey/survey-state';
import { readSite } from './site-reader';

/** The token robots.txt rules may name to address this tool: the command line's own (lib/cli/user-agent.ts). */
export const SURVEY_ROBOTS_TOKEN = 'NHSSocialLens';

export interface SurveyReaderDeps {
  fetch: typeof fetch;
  /** Whether the browser lets the extension read from `origin` (`https://host`); asks nothing. */
  hasHost(origin: string): Promise<boolean>;
  /** Resolves when a request to `host` may go (the scheduler's politeness). */
  slot(host: string): Promise<void>;
  timeoutMs: number;
  maxBytes: number;
}

/** Thrown by the survey's fetch so that `readSite` stops; the reason is kept beside it. */
class Refused extends Error {}

/** RFC 9309 §2.5: a crawler must read at least 500 KiB of robots.txt; the rest is never downloaded. */
const ROBOTS_MAX_BYTES = 512_000;

/** Reads robots.txt at `host`: 2xx its rules, 4xx none, else (5xx, unreachable, redirected) nothing allowed. */
async function robotsOf(deps: SurveyReaderDeps, host: string): Promise<RobotsRules> {
  await deps.slot(host);
  // The one capped download (lib/net/capped-fetch.ts): a deadline over the answer and its body,
  // and a byte cap, so a robots.txt that hangs, trickles or sends gigabytes costs nothing (issue 29).
  const fetched = await cappedFetch({
    fetch: deps.fetch,
    url: `https://${host}/robots.txt`,
    init: { credentials: 'omit', redirect: 'manual', referrerPolicy: 'no-referrer' },
    timeoutMs: deps.timeoutMs,
    maxBytes: ROBOTS_MAX_BYTES,
    wantBody: (response) => response.status === 200,
  });
  if (!fetched.ok) {
    if (fetched.problem === 'timeout') return unreachableRobots('robots.txt timed out');
    if (fetched.problem === 'too-large') return unreachableRobots('robots.txt is larger than 500 KiB');
    return unreachableRobots('robots.txt could not be fetched');
  }
  const { response, body } = fetched;
  const status = response.status;
  if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
    // RFC 9309 §2.3.1.2 follows up to five redirects; the survey follows none, so it treats the
    // file as unreachable and reads nothing there: the cautious reading.
    return unreachableRobots('robots.txt redirects elsewhere');
  }
  if (status >= 400 && status < 500) return ALLOW_ALL; // §2.3.1.3: unavailable, so everything is allowed
  if (status !== 200) return unreachableRobots(`robots.txt answered HTTP ${status}`);
  return parseRobots(bodyText(body), SURVEY_ROBOTS_TOKEN);
}

/** `readSite`'s reason, in the survey's words. */
export function reasonInWords(reason: string | undefined): string {
  if (reason === undefined) return 'could not be read';
  const status = /^HTTP (\d{3})$/.exec(reason)?.[1];
  if (status !== undefined) {
    const code = Number(status);
    if (code >= 500) return `server error (HTTP ${code})`;
    if (code === 404 || code === 410) return `page not found (HTTP ${code})`;
    if (code === 401 || code === 403) return `refused (HTTP ${code})`;
    return `unexpected answer (HTTP ${code})`;
  }
  if (reason === 'redirected') return 'redirected (the survey follows no redirect)';
  return reason;
}

/** Reads `host` for a survey: the outcome, with every account's page, or why it was not read. */
export async function surveyReadSite(deps: SurveyReaderDeps, host: string): Promise<SurveyOutcome> {
  if (!(await deps.hasHost(`https://${host}`).catch(() => false))) return { kind: 'not-read', reason: 'no permission for this site' };
  const robots = await robotsOf(deps, host);
  if (robots.unreadable !== undefined) return { kind: 'not-read', reason: `${robots.unreadable}, so nothing is read there` };
  if (!robots.isAllowed('/')) return { kind: 'not-read', reason: 'robots.txt disallows the home page' };
  let refused: string | undefined;
  const politeFetch: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!robots.isAllowed(url.pathname + url.search)) {
      refused = `robots.txt disallows ${url.pathname}`;
      throw new Refused(refused);
    }
    await deps.slot(url.hostname);
    return deps.fetch(input, init);
  };
  const read = await readSite({ fetch: politeFetch, timeoutMs: deps.timeoutMs, maxBytes: deps.maxBytes }, host);
  const pages = read.pages.map((p) => p.url);
  if (read.outcome === 'failed') {
    const why = refused ?? reasonInWords(read.reason);
    // The home page links none but the page that may list them could not be read: not known, never "none".
    if (read.pages.length > 0) return { kind: 'not-read', reason: `the home page links no account; its linked page: ${why}` };
    return { kind: 'not-read', reason: why };
  }
  const accounts: SurveyAccount[] = [];
  const seen = new Set<string>();
  for (const page of read.pages)
    for (const p of page.profiles) {
      if (seen.has(p.url)) continue;
      seen.add(p.url);
      accounts.push({ platform: p.platform, handle: p.handle, url: p.url, via: p.via, pageUrl: page.url });
    }
  return accounts.length > 0 ? { kind: 'found', accounts, pages } : { kind: 'none', pages };
}
