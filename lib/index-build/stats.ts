import type { NhsIndex } from '../index/schema';
import { PLATFORMS, type Platform } from '../social/platforms';

export interface IndexStats {
  indexVersion: number;
  generatedAt: string;
  organisations: number;
  byKind: Record<string, number>;
  byTrustType: Record<string, number>;
  withDomain: { count: number; share: number };
  withOfficialAccount: { count: number; share: number };
  withAnyAccount: { count: number; share: number };
  accountsByPlatform: Record<Platform, { official: number; unverified: number }>;
  predecessors: number;
  formerDomains: number;
  sharedDomains: number;
  oldestCheck: string | null;
  newestCheck: string | null;
}

const share = (count: number, total: number) => ({ count, share: total === 0 ? 0 : Math.round((count / total) * 1000) / 1000 });

/** Coverage figures a researcher can cite: what the index holds and how old it is. */
export function indexStats(index: NhsIndex): IndexStats {
  const orgs = index.organisations;
  const tally = (values: string[]) => {
    const counts: Record<string, number> = {};
    for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
    return counts;
  };
  const accountsByPlatform = Object.fromEntries(
    PLATFORMS.map((p) => [p, { official: 0, unverified: 0 }]),
  ) as IndexStats['accountsByPlatform'];
  const dates: string[] = [];
  const hostOwners = new Map<string, number>();
  for (const org of orgs) {
    for (const account of org.accounts) {
      accountsByPlatform[account.platform][account.verification]++;
      dates.push(account.checked);
    }
    for (const domain of org.domains) {
      dates.push(domain.checked);
      hostOwners.set(domain.host, (hostOwners.get(domain.host) ?? 0) + 1);
    }
  }
  dates.sort();
  return {
    indexVersion: index.indexVersion,
    generatedAt: index.generatedAt,
    organisations: orgs.length,
    byKind: tally(orgs.map((o) => o.kind)),
    byTrustType: tally(orgs.filter((o) => o.kind === 'trust').map((o) => o.trustType ?? 'unknown')),
    withDomain: share(orgs.filter((o) => o.domains.length > 0).length, orgs.length),
    withOfficialAccount: share(orgs.filter((o) => o.accounts.some((a) => a.verification === 'official')).length, orgs.length),
    withAnyAccount: share(orgs.filter((o) => o.accounts.length > 0).length, orgs.length),
    accountsByPlatform,
    predecessors: orgs.reduce((n, o) => n + o.predecessors.length, 0),
    formerDomains: orgs.reduce((n, o) => n + o.predecessors.reduce((m, p) => m + p.domains.length, 0), 0),
    sharedDomains: [...hostOwners.values()].filter((n) => n > 1).length,
    oldestCheck: dates[0] ?? null,
    newestCheck: dates.at(-1) ?? null,
  };
}
