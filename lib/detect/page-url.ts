/**
 * Which page addresses can belong to an organisation at all, and the host names to look up.
 * Everything here is a pure function of the URL text, so look-alikes are tested as tables.
 */

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

/**
 * The one host-name normaliser (issue 18): trimmed, lower-case, without the trailing dot of a fully
 * qualified name (`uclh.nhs.uk.` is `uclh.nhs.uk`) and, unless `keepWww`, without a leading `www.`.
 * The index build, corrections and the per-site switch treat a site and its `www.` host as one
 * site; detection keeps `www.`, so its evidence says exactly where it read a page.
 *
 * Not for social platforms' hosts: profile-url.ts also strips `m.`, `mobile.` and `uk.` there,
 * which are the same platform site but never the same organisation's site.
 */
export function normaliseHost(raw: string, { keepWww = false }: { keepWww?: boolean } = {}): string {
  const host = raw.trim().toLowerCase().replace(/\.+$/, '');
  return keepWww ? host : host.replace(/^www\./, '');
}

/** True when `host` is `domain` or a host under it (`www.nuh.nhs.uk` is within `nuh.nhs.uk`; `evilnuh.nhs.uk` is not). */
export function isHostWithin(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/** The host name of an http(s) page, lower-case without a trailing dot; undefined for anything else. */
export function hostnameOf(url: URL): string | undefined {
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = normaliseHost(url.hostname, { keepWww: true });
  // IP addresses and bracketed IPv6 literals are never an organisation's own site.
  if (host === '' || IPV4.test(host) || host.startsWith('[')) return undefined;
  return host;
}

/**
 * The host and each parent domain, most specific first: `a.b.nhs.uk` -> `a.b.nhs.uk`, `b.nhs.uk`,
 * `nhs.uk`. Single labels are left out because no organisation owns a top-level domain.
 */
export function hostSuffixes(host: string): string[] {
  const labels = host.split('.');
  const out: string[] = [];
  for (let i = 0; i < labels.length - 1; i++) out.push(labels.slice(i).join('.'));
  return out;
}

/**
 * The longest page address the extension keeps (issue 17): tab results, sightings and the research
 * log store at most this many characters of an address, and a profile link longer than this is
 * not read at all. Browsers and servers commonly stop at about 2,000 characters anyway.
 */
export const MAX_PAGE_URL_LENGTH = 2048;

/**
 * `url` cut down to fit `MAX_PAGE_URL_LENGTH`, at a boundary that keeps it a true address: first
 * without its query and fragment, then its origin alone. Never cut mid-text: a shortened address
 * that names another page would mislead, while the host is what recognises a page (and the path,
 * where a code is read, whenever it fits).
 */
export function cappedPageUrl(url: string): string {
  if (url.length <= MAX_PAGE_URL_LENGTH) return url;
  if (!URL.canParse(url)) return '';
  const parsed = new URL(url);
  const withoutQuery = `${parsed.origin}${parsed.pathname}`;
  if (parsed.origin !== 'null' && withoutQuery.length <= MAX_PAGE_URL_LENGTH) return withoutQuery;
  return parsed.origin !== 'null' && parsed.origin.length < MAX_PAGE_URL_LENGTH ? `${parsed.origin}/` : '';
}

/** What the browser itself says about the frame a content-script message came from. */
export interface PageSender {
  /** The document's address, as the browser recorded it when the document loaded. */
  url?: string;
  /** The document's origin (Chromium; Firefox leaves it out). */
  origin?: string;
  /** 0 for the tab's top frame. */
  frameId?: number;
}

/**
 * The address a content script reported, when the browser's own account of the sender vouches for
 * it (issue 17), cut to `MAX_PAGE_URL_LENGTH`; otherwise undefined, and the report is refused.
 *
 * Rules: only the top frame speaks for a tab (the content script runs there alone); the address
 * must be an http(s) page on the very origin (scheme, host and port) the browser gives for the
 * sending document. The rest of the address (path, query, fragment) cannot be checked against the
 * browser: single-page sites move with `history.pushState`, and Chromium's `sender.url` keeps the
 * address the document loaded with (seen in the browser tests). It needs no checking either:
 * `pushState` can never leave the document's origin, so a page can already claim any address
 * on its own origin, and never one on another site.
 */
export function pageUrlFromSender(reported: unknown, sender: PageSender): string | undefined {
  if (sender.frameId !== 0 || typeof reported !== 'string' || sender.url === undefined) return undefined;
  if (!URL.canParse(reported) || !URL.canParse(sender.url)) return undefined;
  const page = new URL(reported);
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return undefined;
  const origin = new URL(sender.url).origin;
  if (page.origin !== origin || (sender.origin !== undefined && sender.origin !== origin)) return undefined;
  return cappedPageUrl(page.href);
}
