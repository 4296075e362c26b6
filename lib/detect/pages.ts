/**
 * Which pages matter, in one place (issue 18): which pages the background reads (match patterns:
 * the index's own hosts, CQC's site, the NHS website, and, once the user allows it, every nhs.uk
 * site) and which hosts are pages about organisations rather than their own sites (CQC, the NHS
 * website). wxt.config.ts asks for `pageMatchPatterns` as host permissions and offers
 * `OPTIONAL_PAGE_MATCHES` as optional ones; the background reads a page only when its address
 * matches one of `readablePatterns` and the browser lets it (issue 22); detect.ts reads the hosts.
 *
 * Issue 28: a host permission that is a wildcard over a public suffix (`*://*.nhs.uk/*`: nhs.uk is
 * on the Public Suffix List) makes Chrome's install prompt say "Read and change all your data on all
 * websites". So the index's hosts are asked for one by one, each with its subdomains, and the
 * wildcard is optional: the user grants it once, for NHS sites the index does not know yet.
 */
import type { NhsIndex } from '../index/schema';

/**
 * Optional (issue 28): every site under nhs.uk, which the user may allow once (in the settings, or
 * from the popup on an nhs.uk page the extension cannot read), so NHS sites the index does not know
 * yet, or that a refreshed index adds, are read too; the sector survey (issue 29) asks for the same.
 */
export const NHS_UK_ORIGIN = '*://*.nhs.uk';
export const NHS_UK_MATCHES = [`${NHS_UK_ORIGIN}/*`];

/** Every optional page pattern: the wildcards over a public suffix, never asked for at install. */
export const OPTIONAL_PAGE_MATCHES: readonly string[] = NHS_UK_MATCHES;

/** The NHS website's own host: its service pages name a site by code. One host, not the nhs.uk zone. */
export const NHS_WEBSITE_MATCHES = ['*://www.nhs.uk/*'];

/**
 * CQC's site: its provider and location pages name an organisation's code in their address, and
 * the rest is CQC's own site. Host permissions ignore paths, so the host with its subdomains is
 * what is asked for (the provider and location patterns it covers were asked for twice, issue 28).
 */
export const CQC_DOMAIN = 'cqc.org.uk';

/**
 * GOV.UK's organisation pages belong to their bodies by path (issue 20). Host permissions ignore
 * paths: asking for these would grant all of www.gov.uk, so the build does not (issue 28); the popup
 * (activeTab) still recognises an organisation's GOV.UK page by its address when the user opens it.
 */
export const GOVUK_MATCHES = ['*://www.gov.uk/government/organisations/*'];

/** CQC's hosts: its provider and location pages name an organisation by code; its other pages are CQC's own site. */
export const CQC_HOSTS: ReadonlySet<string> = new Set(['cqc.org.uk', 'www.cqc.org.uk']);

/** The NHS website's hosts: its pages are its own, except a service page, which names a site by code. */
export const NHS_WEBSITE_HOSTS: ReadonlySet<string> = new Set(['nhs.uk', 'www.nhs.uk']);

/**
 * The pages the build asks to read at install, as match patterns (host permissions): the NHS
 * website, and every domain of the index (trusts on nhs.uk, .org.uk or .co.uk, ICB partnership
 * sites, nhs.wales, .scot and hscni.net hosts…), current and former, with CQC's, each once with its
 * subdomains (a host under another one listed is left out), sorted. Never a wildcard over a public
 * suffix: the index refuses such a domain (lib/index/host-rules.ts), and a test checks the list.
 */
export function pageMatchPatterns(index: NhsIndex): string[] {
  const hosts = new Set<string>([CQC_DOMAIN]);
  for (const org of index.organisations)
    for (const domain of [...org.domains, ...org.predecessors.flatMap((p) => p.domains)]) hosts.add(domain.host);
  const covered = (host: string) => {
    for (let dot = host.indexOf('.'); dot !== -1; dot = host.indexOf('.', dot + 1)) if (hosts.has(host.slice(dot + 1))) return true;
    return false;
  };
  return [
    ...NHS_WEBSITE_MATCHES,
    ...[...hosts]
      .filter((host) => !covered(host))
      .sort()
      .map((host) => `*://*.${host}/*`),
  ];
}

/** Every page the background may read: the install's hosts, and the optional ones once the user allows them. */
export function readablePatterns(index: NhsIndex): string[] {
  return [...pageMatchPatterns(index), ...OPTIONAL_PAGE_MATCHES];
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
