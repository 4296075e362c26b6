/** `nsl index stats`: coverage figures of an index, as the command prints them (docs/index-format.md). */
import { COUNTRIES, type NhsIndex, ORGANISATION_KINDS, type OrganisationKind } from '../index/schema';
import { PLATFORMS, type Platform } from '../social/platforms';

export interface IndexStats {
  indexVersion: number;
  generatedAt: string;
  organisations: number;
  byKind: Record<string, number>;
  /** Issue 20: organisations by country, and by country then kind. */
  byCountry: Record<string, number>;
  byCountryAndKind: Record<string, Record<string, number>>;
  byTrustType: Record<string, number>;
  /** Trusts whose type a published classification gives (not "unknown"), of all trusts. */
  trustTypesKnown: { count: number; of: number; share: number };
  withDomain: { count: number; share: number };
  /** Organisations known only by their GOV.UK organisation page (matched by its path, no domain of their own). */
  govukPageOnly: { id: string; name: string }[];
  /** Organisations with neither a domain nor a home page: no source gives their website yet. */
  withoutDomain: { id: string; name: string }[];
  withOfficialAccount: { count: number; share: number };
  withAnyAccount: { count: number; share: number };
  accountsByPlatform: Record<Platform, { official: number; unverified: number }>;
  predecessors: number;
  formerDomains: number;
  sharedDomains: number;
  oldestCheck: string | null;
  newestCheck: string | null;
}

const idAndName = (org: { id: string; name: string }) => ({ id: org.id, name: org.name });
const share = (count: number, total: number) => ({ count, share: total === 0 ? 0 : Math.round((count / total) * 1000) / 1000 });

/** Coverage figures a researcher can cite: what the index holds and how old it is. */
export function indexStats(index: NhsIndex): IndexStats {
  const orgs = index.organisations;
  const trusts = orgs.filter((o) => o.kind === 'trust');
  // In the schema's order of countries and kinds, so the figures read the same in every release.
  const countries = COUNTRIES.filter((country) => orgs.some((o) => o.country === country));
  const byKindOrder = (a: OrganisationKind, b: OrganisationKind) => ORGANISATION_KINDS.indexOf(a) - ORGANISATION_KINDS.indexOf(b);
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
    byCountry: tally(countries.flatMap((country) => orgs.filter((o) => o.country === country).map((o) => o.country))),
    byCountryAndKind: Object.fromEntries(
      countries.map((country) => [
        country,
        tally(
          orgs
            .filter((o) => o.country === country)
            .map((o) => o.kind)
            .sort(byKindOrder),
        ),
      ]),
    ),
    byTrustType: tally(trusts.map((o) => o.trustType ?? 'unknown')),
    trustTypesKnown: { ...share(trusts.filter((o) => (o.trustType ?? 'unknown') !== 'unknown').length, trusts.length), of: trusts.length },
    withDomain: share(orgs.filter((o) => o.domains.length > 0).length, orgs.length),
    govukPageOnly: orgs.filter((o) => o.domains.length === 0 && o.homepage !== undefined).map(idAndName),
    withoutDomain: orgs.filter((o) => o.domains.length === 0 && o.homepage === undefined).map(idAndName),
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
