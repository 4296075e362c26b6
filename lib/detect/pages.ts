/**
 * Which pages matter, in one place (issue 18): which pages the background reads (match patterns:
 * every nhs.uk site, CQC's provider and location pages, GOV.UK's organisation pages and the index's
 * own hosts outside nhs.uk) and which hosts are pages about organisations rather than their own
 * sites (CQC, the NHS website). wxt.config.ts asks for the hosts of `pageMatchPatterns` as host
 * permissions and fixes the list into the build; the background reads a page only when its address
 * matches one (`matchesPagePatterns`, issue 22); detect.ts reads the hosts.
 */
import type { NhsIndex } from '../index/schema';

/** Always read: every NHS organisation site under nhs.uk. */
export const NHS_UK_MATCHES = ['*://*.nhs.uk/*'];

/** CQC's provider and location pages name the organisation's code in their address. */
export const CQC_MATCHES = ['*://www.cqc.org.uk/provider/*', '*://www.cqc.org.uk/location/*'];

/**
 * GOV.UK's organisation pages and the pages under them belong to their bodies by path (issue 20);
 * the rest of GOV.UK is nobody's, so the background never reads a page there.
 */
export const GOVUK_MATCHES = ['*://www.gov.uk/government/organisations/*'];

/** CQC's hosts: its provider and location pages name an organisation by code; its other pages are CQC's own site. */
export const CQC_HOSTS: ReadonlySet<string> = new Set(['cqc.org.uk', 'www.cqc.org.uk']);

/** The NHS website's hosts: its pages are its own, except a service page, which names a site by code. */
export const NHS_WEBSITE_HOSTS: ReadonlySet<string> = new Set(['nhs.uk', 'www.nhs.uk']);

/**
 * Every page the background reads, as match patterns: nhs.uk, CQC's pages, GOV.UK's organisation
 * pages, and the index's domains outside nhs.uk (trusts on .org.uk or .co.uk, ICB partnership
 * sites, nhs.wales, .scot and hscni.net hosts…), current and former, each host exactly with its
 * subdomains, and nowhere else.
 */
export function pageMatchPatterns(index: NhsIndex): string[] {
  const hosts = new Set<string>();
  for (const org of index.organisations) {
    for (const domain of [...org.domains, ...org.predecessors.flatMap((p) => p.domains)]) {
      // NHS_UK_MATCHES already covers nhs.uk and every host under it.
      if (domain.host !== 'nhs.uk' && !domain.host.endsWith('.nhs.uk')) hosts.add(domain.host);
    }
  }
  return [...NHS_UK_MATCHES, ...CQC_MATCHES, ...GOVUK_MATCHES, ...[...hosts].sort().map((host) => `*://*.${host}/*`)];
}

/** One match pattern taken apart: `*` or a scheme, a host (`*.` for it and its subdomains), a path with `*` wildcards. */
const MATCH_PATTERN = /^(\*|https?):\/\/(\*|(?:\*\.)?[^/*]+)(\/.*)$/;

/** A match pattern's path, `*` being any text, as a regular expression over the path and query. */
const pathPattern = (path: string) =>
  new RegExp(
    `^${path
      .split('*')
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*')}$`,
  );

/**
 * Whether an address matches one of `patterns`, as the browser matches a content script's
 * (http and https only; `*.host` is the host and its subdomains; `*` in a path is any text): the
 * service worker decides with it whether to read a page at all (issue 22). The patterns are
 * compiled once; a pattern the browser would refuse matches nothing.
 */
export function pageMatcher(patterns: readonly string[]): (url: string) => boolean {
  const compiled = patterns.flatMap((pattern) => {
    const parts = MATCH_PATTERN.exec(pattern);
    if (parts === null) return [];
    const [, scheme = '', host = '', path = ''] = parts;
    return [{ scheme, host, path: pathPattern(path) }];
  });
  return (url) => {
    if (!URL.canParse(url)) return false;
    const page = new URL(url);
    const scheme = page.protocol.slice(0, -1);
    if (scheme !== 'http' && scheme !== 'https') return false;
    return compiled.some((pattern) => {
      if (pattern.scheme !== '*' && pattern.scheme !== scheme) return false;
      if (pattern.host.startsWith('*.')) {
        const zone = pattern.host.slice(2);
        if (page.hostname !== zone && !page.hostname.endsWith(`.${zone}`)) return false;
      } else if (pattern.host !== '*' && pattern.host !== page.hostname) return false;
      return pattern.path.test(page.pathname + page.search);
    });
  };
}

/**
 * Whether a host is under one of `patterns`' hosts (the install-time host permissions): such a
 * host is never a social platform's (issue 26), since the browser lets the extension reach it
 * without asking, so live figures from it would go to a host the user never chose.
 */
export function underPagePatterns(patterns: readonly string[]): (hostname: string) => boolean {
  const hosts = new Set(patterns.flatMap((pattern) => MATCH_PATTERN.exec(pattern)?.[2]?.replace(/^\*\./, '') ?? []));
  return (hostname) => {
    const labels = hostname.toLowerCase().replace(/\.$/, '').split('.');
    return labels.some((_, i) => hosts.has(labels.slice(i).join('.')));
  };
}
