/**
 * Which pages of an organisation's own site are read to find the profiles it links to: the home
 * page, and at most one page that home page links to whose words or address say "social media",
 * "follow us" or "contact", on the same host. One rule for the background's site read (issue 19:
 * the home page of the very host the user is on, when the page links none) and the command line's
 * `accounts discover` (issue 27), so both read the same pages of a site. Never any other host.
 */
import type { Organisation } from '../index/schema';
import { isHostWithin } from '../net/hosts';
import type { HtmlAnchor } from './html-signals';
import { hostnameOf } from './page-url';

/**
 * The host whose pages may be read for `pageUrl`: its own host, when it is one of the current
 * domains (or under one) of every organisation given, and is reached over https. A former
 * domain is never read: it may belong to someone else now (issue 17).
 */
export function readableHost(pageUrl: string, organisations: readonly Organisation[]): string | undefined {
  const url = URL.canParse(pageUrl) ? new URL(pageUrl) : undefined;
  const host = url && hostnameOf(url);
  if (host === undefined || url?.port !== '' || organisations.length === 0) return undefined;
  const owns = (org: Organisation) => org.domains.some((d) => isHostWithin(host, d.host));
  return organisations.every(owns) ? host : undefined;
}

/** The home page the reader starts from: https, the same host, the root path. */
export function homePageOf(host: string): string {
  return `https://${host}/`;
}

// Words that lead to the page where an organisation lists its accounts, best first. Not "social"
// alone: NHS sites are full of "social care" and "social work" pages.
const SOCIAL = /social ?media|social networks?|follow ?us|connect with us|keep in touch|get social/i;
const CONTACT = /\bcontact/i;
const FILE = /\.(pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif|svg|mp4|ics|xml|json)$/i;

/**
 * At most one page on `host` that the home page links to and that is likely to list the
 * organisation's accounts: a "social media" or "follow us" page before a "contact" page, the first
 * in the page among equals. The home page itself, other hosts, other schemes and ports than the
 * home page's (the browser's is always https), and files are never chosen; nor is a page that only
 * says "social" ("social care", "social work", "social prescribing").
 */
export function accountsPageLink(anchors: readonly HtmlAnchor[], homeUrl: string, host: string): string | undefined {
  const home = new URL(homeUrl);
  let best: { url: string; score: number } | undefined;
  for (const anchor of anchors) {
    if (!URL.canParse(anchor.href, homeUrl)) continue;
    const url = new URL(anchor.href, homeUrl);
    url.hash = '';
    if (url.protocol !== home.protocol || url.hostname !== host || url.port !== home.port || url.username || url.password) continue;
    if (url.href === home.href || FILE.test(url.pathname)) continue;
    const words = `${anchor.text} ${decodeURIComponentSafe(url.pathname).replace(/[-_/]+/g, ' ')}`;
    const score = SOCIAL.test(words) ? 2 : CONTACT.test(words) ? 1 : 0;
    if (score > (best?.score ?? 0)) best = { url: url.href, score };
    if (score === 2) break;
  }
  return best?.url;
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
