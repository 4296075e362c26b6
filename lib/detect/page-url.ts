/**
 * Which page addresses can belong to an organisation at all, and the host names to look up.
 * Everything here is a pure function of the URL text, so look-alikes are tested as tables.
 */

import { normaliseHost } from '../net/hosts';

const IPV4 = /^\d{1,3}(?:\.\d{1,3}){3}$/;

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

/**
 * The address of a page the background reads (issue 22), as the browser gives it for the tab: an
 * http(s) address, cut to `MAX_PAGE_URL_LENGTH`; otherwise undefined, and the page is not
 * recorded. The page itself never says where it is (issue 17): the tab's address is the browser's
 * own account, and a report read from a page at another address is dropped before it gets here.
 */
export function pageUrlOfTab(url: unknown): string | undefined {
  if (typeof url !== 'string' || !URL.canParse(url)) return undefined;
  const page = new URL(url);
  if (page.protocol !== 'https:' && page.protocol !== 'http:') return undefined;
  return cappedPageUrl(page.href) || undefined;
}

/**
 * Whether a page at `url` can be evidence of what an organisation runs (issue 26): only an https
 * page. A plain http page may have been changed by anyone on the network path, so it is still
 * recognised by its address (badge, popup) but its links are never recorded as the
 * organisation's own, never raise its level and never start a read of its site.
 */
export function canBeEvidence(url: string): boolean {
  return URL.canParse(url) && new URL(url).protocol === 'https:';
}
