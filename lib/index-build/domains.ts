/**
 * The hosts the sources give for an organisation, as the index stores them: normalised, owned by
 * one organisation, each listed once.
 */
import { isSharedHost } from '../index/host-rules';
import { type Domain, HOST_PATTERN } from '../index/schema';
import { normaliseHost } from '../net/hosts';
import type { BuildReport } from './build-report';

/** A source's host as the index stores it (`www.` and the trailing dot dropped), or undefined when it is no host name. */
export function domainHost(raw: string): string | undefined {
  const host = normaliseHost(raw);
  // The index's own host rule, not a looser copy of it: a host it refuses would fail validation (issue 27).
  return HOST_PATTERN.test(host) ? host : undefined;
}

/** The host of a web address in a source table, as the index stores it; undefined for no address. */
export function urlHost(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return domainHost(new URL(url).hostname);
}

/**
 * The domains of one organisation from the hosts its sources offer, freshest source first: a host
 * that is no host name, or that many organisations share, is dropped and reported; several sources
 * giving the same host agree, and the first (freshest) is kept as its source.
 */
export function ownDomains(subject: string, offers: Domain[], report: BuildReport): Domain[] {
  const kept = new Map<string, Domain>();
  for (const domain of offers) {
    const host = domainHost(domain.host);
    if (host === undefined || isSharedHost(host)) {
      report.dropped.push({ table: 'domains', row: `${subject} ${domain.host}`, reason: 'not a host one organisation can own' });
      continue;
    }
    if (kept.has(host)) continue;
    kept.set(host, { ...domain, host });
  }
  return [...kept.values()];
}
