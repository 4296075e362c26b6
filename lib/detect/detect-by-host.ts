import type { Organisation } from '../index/schema';
import { hostSuffixes, pageHostname } from './page-url';
import type { Candidate, Detection } from './types';

/** Returns the organisations that list `host` as one of their own or their predecessors' domains. */
export type OrganisationsByHost = (host: string) => Promise<readonly Organisation[]> | readonly Organisation[];

/**
 * Recognises the organisation(s) whose website `url` is on.
 *
 * Rules: the most specific listed domain wins (`media.gosh.nhs.uk` is GOSH's through `gosh.nhs.uk`);
 * a domain listed by several organisations returns every one of them, in id order, so the user can
 * pick; an organisation's current domain outranks the same host as a predecessor's former domain.
 */
export async function detectByHost(url: string, organisationsByHost: OrganisationsByHost): Promise<Detection> {
  const host = pageHostname(url);
  if (host === undefined) return { url, candidates: [] };
  for (const suffix of hostSuffixes(host)) {
    const organisations = await organisationsByHost(suffix);
    if (organisations.length === 0) continue;
    const current = organisations.filter((org) => org.domains.some((d) => d.host === suffix));
    const candidates = (current.length > 0 ? current : organisations)
      .map((org) => candidateFor(org, suffix))
      .filter((candidate): candidate is Candidate => candidate !== undefined)
      .sort((a, b) => a.organisation.id.localeCompare(b.organisation.id));
    if (candidates.length > 0) return { url, candidates };
  }
  return { url, candidates: [] };
}

function candidateFor(org: Organisation, host: string): Candidate | undefined {
  if (org.domains.some((d) => d.host === host)) {
    return { organisation: org, evidence: { rule: 'domain', host }, confidence: 'high' };
  }
  const predecessor = org.predecessors.find((p) => p.domains.some((d) => d.host === host));
  if (predecessor === undefined) return undefined;
  return {
    organisation: org,
    evidence: {
      rule: 'former-domain',
      host,
      predecessorId: predecessor.id,
      ...(predecessor.name === undefined ? {} : { predecessorName: predecessor.name }),
      ...(predecessor.until === undefined ? {} : { until: predecessor.until }),
    },
    // An old domain may have been sold or reused since, so it is weaker evidence than a current one.
    confidence: 'medium',
  };
}

/** Every host an organisation can be recognised by: its domains and its predecessors' domains. */
export function organisationHostKeys(org: Organisation): string[] {
  const hosts = new Set(org.domains.map((d) => d.host));
  for (const predecessor of org.predecessors) for (const d of predecessor.domains) hosts.add(d.host);
  return [...hosts];
}
