/**
 * Which pages matter, in one place (issue 18): where the content script runs (its manifest match
 * patterns: every nhs.uk site, CQC's provider and location pages, GOV.UK's organisation pages and
 * the index's own hosts outside nhs.uk) and which hosts are pages about organisations rather than
 * their own sites (CQC, the NHS website). entrypoints/content.ts declares NHS_UK_MATCHES, wxt.config.ts adds
 * `extraContentScriptMatches` at build time, and detect.ts reads the hosts.
 */
import type { NhsIndex } from '../index/schema';

/** Always injected: every NHS organisation site under nhs.uk (the content script declares it). */
export const NHS_UK_MATCHES = ['*://*.nhs.uk/*'];

/** CQC's provider and location pages name the organisation's code in their address. */
export const CQC_MATCHES = ['*://www.cqc.org.uk/provider/*', '*://www.cqc.org.uk/location/*'];

/**
 * GOV.UK's organisation pages and the pages under them belong to their bodies by path (issue 20);
 * the rest of GOV.UK is nobody's, so the content script never runs there.
 */
export const GOVUK_MATCHES = ['*://www.gov.uk/government/organisations/*'];

/** CQC's hosts: its provider and location pages name an organisation by code; its other pages are CQC's own site. */
export const CQC_HOSTS: ReadonlySet<string> = new Set(['cqc.org.uk', 'www.cqc.org.uk']);

/** The NHS website's hosts: its pages are its own, except a service page, which names a site by code. */
export const NHS_WEBSITE_HOSTS: ReadonlySet<string> = new Set(['nhs.uk', 'www.nhs.uk']);

/**
 * The match patterns the build adds to the content script: CQC's pages, GOV.UK's organisation
 * pages, and the index's domains outside nhs.uk (trusts on .org.uk or .co.uk, ICB partnership
 * sites, nhs.wales, .scot and hscni.net hosts…), current and former, each host exactly with its
 * subdomains, so the content script runs there and nowhere else.
 */
export function extraContentScriptMatches(index: NhsIndex): string[] {
  const hosts = new Set<string>();
  for (const org of index.organisations) {
    for (const domain of [...org.domains, ...org.predecessors.flatMap((p) => p.domains)]) {
      // NHS_UK_MATCHES already covers nhs.uk and every host under it.
      if (domain.host !== 'nhs.uk' && !domain.host.endsWith('.nhs.uk')) hosts.add(domain.host);
    }
  }
  return [...CQC_MATCHES, ...GOVUK_MATCHES, ...[...hosts].sort().map((host) => `*://*.${host}/*`)];
}
