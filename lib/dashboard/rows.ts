/**
 * One row per organisation: what the dashboard's table shows and what `nsl export` writes. Rows
 * are computed once from the index, so filtering, sorting and aggregating never re-derive levels.
 */
import type { Account, Country, Organisation, OrganisationKind, TrustType } from '../index/schema';
import { type AdoptionLevel, adoptionOf } from '../metrics/adoption';
import { organisationMetrics } from '../metrics/organisation-metrics';
import type { Platform } from '../social/platforms';

/** Adoption levels from the most to the least known-active, "not yet known" last (it is not "none"). */
export const ADOPTION_LEVELS: readonly AdoptionLevel[] = ['several-platforms', 'one-platform', 'one-known-platform', 'none', 'unknown'];

/** A level as a category (the table's filter, the chart): "One platform (X only)" is one of "One platform". */
export const LEVEL_LABELS: Record<AdoptionLevel, string> = {
  'several-platforms': 'Several platforms',
  'one-platform': 'One platform',
  'one-known-platform': 'One platform known',
  none: 'No social media found',
  unknown: 'Not yet known',
};

export interface RowAccount {
  platform: Platform;
  handle: string;
  url: string;
  state: Account['state'];
}

export interface DashboardRow {
  id: string;
  /** What the id is a code of: ODS, GSS (Scotland's health boards), PHS (its special boards), or none. */
  codeScheme: CodeScheme;
  name: string;
  kind: OrganisationKind;
  /** Trusts only, where the source gives it. */
  trustType?: string;
  /** The classification the trust type was read from, as it writes it ("ACUTE - TEACHING"). */
  trustTypeSource?: string;
  /** The index's region name; "unknown" when the source gave none. */
  region: string;
  country: Country;
  level: AdoptionLevel;
  /** The level in words, as the popup says it ("One platform: X only"). */
  levelLabel: string;
  /** Platforms with an official account in use, as the adoption level counts them. */
  activePlatforms: Platform[];
  /** Every official account, open or not (its state says which). */
  officialAccounts: RowAccount[];
  /** Single-source candidates the index holds but does not count. */
  unverifiedAccounts: number;
  /** Followers summed over measured official accounts; absent when none was measured (never 0). */
  followers?: number;
  measuredAccounts: number;
  /** The organisation's website: its first domain, or its home page on a shared host. */
  website?: string;
  /** The index's sources the record rests on (its own, its accounts' and its platform checks'; source ids), sorted (issue 30). */
  sources: string[];
  /** The newest date the index checked one of its accounts or platforms (YYYY-MM-DD); absent when none was. */
  lastChecked?: string;
  /** The level with what this browser has seen of its own website, when it was seen (issue 30); absent otherwise. */
  seen?: SeenLevel;
}

/** An organisation's level over the index and what this browser saw of its own website (dashboard/seen-by-you.ts). */
export interface SeenLevel {
  level: AdoptionLevel;
  /** "Several platforms, from its own website". */
  label: string;
  /** The last observation (ISO timestamp). */
  lastSeen: string;
}

export type CodeScheme = 'ods' | 'gss' | 'phs' | 'none';

/** What an organisation's id is a code of; a namespaced id (`govuk:`, `hscni:`…) is no code at all. */
export function codeSchemeOf(org: Pick<Organisation, 'id' | 'codeScheme'>): CodeScheme {
  if (org.id.includes(':')) return 'none';
  return org.codeScheme ?? 'ods';
}

/** An organisation's code for people: "RJ1", "S08000031 (GSS)", "SB0801 (PHS)", or "No code". */
export function codeLabel(row: Pick<DashboardRow, 'id' | 'codeScheme'>): string {
  if (row.codeScheme === 'none') return 'No code';
  return row.codeScheme === 'ods' ? row.id : `${row.id} (${row.codeScheme.toUpperCase()})`;
}

/** The row for one organisation, its level counted over `counted` platforms. */
export function dashboardRow(org: Organisation, counted?: readonly Platform[]): DashboardRow {
  const adoption = adoptionOf(org, counted);
  const metrics = organisationMetrics(org);
  const firstDomain = org.domains[0]?.host;
  const website = firstDomain !== undefined ? `https://${firstDomain}/` : org.homepage;
  const lastChecked = [...org.accounts.map((a) => a.checked), ...org.platformChecks.map((c) => c.checked)].sort().at(-1);
  return {
    id: org.id,
    codeScheme: codeSchemeOf(org),
    name: org.name,
    kind: org.kind,
    ...(org.trustType !== undefined ? { trustType: org.trustType } : {}),
    ...(org.trustTypeSource !== undefined ? { trustTypeSource: org.trustTypeSource.classification } : {}),
    region: org.region,
    country: org.country,
    level: adoption.level,
    levelLabel: adoption.label,
    activePlatforms: adoption.activePlatforms,
    officialAccounts: org.accounts
      .filter((a) => a.verification === 'official')
      .map((a) => ({ platform: a.platform, handle: a.handle, url: a.url, state: a.state })),
    unverifiedAccounts: org.accounts.filter((a) => a.verification === 'unverified').length,
    ...(metrics.followers !== undefined ? { followers: metrics.followers } : {}),
    measuredAccounts: metrics.measuredAccounts,
    ...(website !== undefined ? { website } : {}),
    sources: [...new Set([org.source, ...org.accounts.map((a) => a.source), ...org.platformChecks.map((c) => c.source)])].sort(),
    ...(lastChecked !== undefined ? { lastChecked } : {}),
  };
}

/** Rows for every organisation, in the index's order. */
export function dashboardRows(organisations: readonly Organisation[], counted?: readonly Platform[]): DashboardRow[] {
  return organisations.map((org) => dashboardRow(org, counted));
}

/** Trust types for people, in the order the filter lists them. */
export const TRUST_TYPE_LABELS: Record<TrustType, string> = {
  acute: 'Acute',
  specialist: 'Acute specialist',
  'mental-health': 'Mental health and learning disability',
  community: 'Community',
  ambulance: 'Ambulance',
  'care-trust': 'Care trust',
  unknown: 'Not yet known',
};

/** A region for people: the index's "unknown" is "Not yet known"; "national" bodies have none. */
export function regionLabel(region: string): string {
  if (region === 'unknown') return 'Not yet known';
  if (region === 'national') return 'National (no region)';
  return region;
}
