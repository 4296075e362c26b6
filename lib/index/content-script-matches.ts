import type { NhsIndex } from './schema';

/** Always injected: every NHS organisation site under nhs.uk (the entry point declares it). */
export const STATIC_CONTENT_SCRIPT_MATCHES = ['*://*.nhs.uk/*'];
/** CQC's provider and location pages name the organisation's code in their address. */
export const CQC_MATCHES = ['*://www.cqc.org.uk/provider/*', '*://www.cqc.org.uk/location/*'];

/**
 * The match patterns for the index's domains outside nhs.uk (trusts on .org.uk or .co.uk, ICB
 * partnership sites…), current and former, so the content script runs there and nowhere else.
 */
export function extraContentScriptMatches(index: NhsIndex): string[] {
  const hosts = new Set<string>();
  for (const org of index.organisations) {
    for (const domain of [...org.domains, ...org.predecessors.flatMap((p) => p.domains)]) {
      if (domain.host !== 'nhs.uk' && !domain.host.endsWith('.nhs.uk')) hosts.add(domain.host);
    }
  }
  return [...CQC_MATCHES, ...[...hosts].sort().map((host) => `*://*.${host}/*`)];
}
