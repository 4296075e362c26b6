/**
 * Builds the bundled index from the public source tables (see data/sources/README.md).
 *
 * Pure: it takes the parsed tables and returns the index and a report, so the same inputs always
 * give the same bytes. Every rule that drops a row or chooses between sources is written here and
 * recorded in the report, never applied silently.
 */

import type { CuratedCorrection } from '../corrections/apply';
import type { Platform } from '../social/platforms';
import { explainRejection } from '../social/profile-rejections';
import { parseHandle } from '../social/profile-url';
import { isSharedHost } from './host-rules';
import { type CollectedFile, mergeDiscoveries, mergeMetrics } from './merge-collected';
import { mergeCurated } from './merge-curated';
import { titleCaseOdsName } from './names';
import {
  type Account,
  type Domain,
  type IndexSource,
  type NhsIndex,
  type Organisation,
  type PlatformCheck,
  type Predecessor,
  SCHEMA_VERSION,
} from './schema';

type Row = Record<string, string>;

export interface BuildInputs {
  trusts: Row[];
  icbs: Row[];
  successions: Row[];
  nationalBodies: Row[];
  socialAccounts: Row[];
  /** `accounts discover` findings, one file per run (data/discovered). */
  discoveries?: CollectedFile[];
  /** `metrics collect` snapshots, one file per run (data/metrics). */
  metricSnapshots?: CollectedFile[];
  /** Reviewed volunteer corrections (data/curated/corrections.jsonl). */
  curated?: CuratedCorrection[];
  release: { indexVersion: number; generatedAt: string };
}

export interface BuildReport {
  inputs: { table: string; rows: number }[];
  dropped: { table: string; row: string; reason: string }[];
  conflicts: { subject: string; kept: string; dropped: string; rule: string }[];
}

export const SOURCES: readonly IndexSource[] = [
  {
    id: 'ods-ord-2026-08',
    name: 'NHS Organisation Data Service (ORD API), trust names and websites, via uniwalletdev/wayfinder',
    url: 'https://directory.spineservices.nhs.uk/ORD/2-0-0/organisations',
    licence: 'OGL-3.0',
    date: '2026-08-08',
  },
  {
    id: 'ods-etr-2025',
    name: 'NHS Organisation Data Service, NHS trusts file (etr.csv), via jhau/nhs-spend',
    url: 'https://digital.nhs.uk/services/organisation-data-service',
    licence: 'OGL-3.0',
    date: '2025-12-29',
  },
  {
    id: 'ods-succ-2026',
    name: 'NHS Organisation Data Service, successor organisations (succ.csv), via Maglehoj/42578-Project',
    url: 'https://digital.nhs.uk/services/organisation-data-service',
    licence: 'OGL-3.0',
    date: '2026-05-03',
  },
  {
    id: 'dw-board-papers-2026-08',
    name: 'NHS board papers reader: trust and ICB board-paper pages, validated weekly (Davewest84/nhs-board-papers-reader)',
    url: 'https://github.com/Davewest84/nhs-board-papers-reader',
    licence: 'CC0-1.0',
    date: '2026-08-01',
  },
  {
    id: 'nhse-provider-directory-2023-10',
    name: 'NHS England NHS provider directory, website field (via ManicJamie/NHS-Trust-Accessibility-Monitor)',
    url: 'https://www.england.nhs.uk/publication/nhs-provider-directory/',
    licence: 'OGL-3.0',
    date: '2023-10-26',
  },
  {
    id: 'ons-icb-2024-12',
    name: 'ONS Open Geography, ICB names and codes (December 2024)',
    url: 'https://geoportal.statistics.gov.uk/',
    licence: 'OGL-3.0',
    date: '2024-12',
  },
  {
    id: 'govuk-organisations-2025-11',
    name: 'GOV.UK Organisations API, DHSC and its arm’s-length bodies (via govuk-digital-backbone/ukps-domains)',
    url: 'https://www.gov.uk/api/organisations',
    licence: 'OGL-3.0',
    date: '2025-11-20',
  },
];

/** Where each social-accounts row came from (data/sources/nhs-social-accounts.csv, `source_id`). */
const SOCIAL_SOURCE_NAMES: Record<string, { name: string; url?: string }> = {
  nhse_footer_mock: { name: 'england.nhs.uk page footer links, captured in a public test mock (2025)', url: 'https://www.england.nhs.uk/' },
  apisio_nhsed: { name: 'APIs.io provider profile of NHS England Digital (2025–26)', url: 'https://apis.io/' },
  hippo_footer: {
    name: 'NHS Digital website footer template (NHS-digital-website/hippo, 2018)',
    url: 'https://github.com/NHS-digital-website/hippo',
  },
  // The curators did not record which repository this script is in, so it has no address here.
  leadgen_known: { name: 'An unverified list in a public sales lead-generation script (low confidence)' },
  // Press pages (see data/sources/SOURCES-social-upstream.md); where the curators recorded only
  // the site, the URL is the site's home page rather than a guessed path.
  pg_est_2014: {
    name: 'Emergency Services Times: top tweeters in the NHS Providers / McCrea report "On the brink of SoMething special?" (Dec 2014)',
    url: 'https://emergencyservicestimes.com/top-tweeters-recognised-in-nhs-report/',
  },
  pg_guardian_2011a: {
    name: 'The Guardian Healthcare Network on NHS use of Twitter (16 Feb 2011)',
    url: 'https://www.theguardian.com/healthcare-network/2011/feb/16/nhs-twitter-use-tweets-communication-healthcare',
  },
  pg_yorkpress_2015: {
    name: 'The York Press on Yorkshire Ambulance Service’s tweetathon (c. Aug 2015)',
    url: 'http://www.yorkpress.co.uk/',
  },
  pg_neas_2013: { name: 'North East Ambulance Service news release (14 Jan 2013)', url: 'https://www.neas.nhs.uk/' },
  pg_northernecho_2024: {
    name: 'The Northern Echo: North East Ambulance Service joins X exodus (Aug 2024)',
    url: 'https://thenorthernecho.co.uk/news/24523080.north-east-ambulance-service-joins-x-exodus-content',
  },
  pg_independent_2024: {
    name: 'The Independent: Royal National Orthopaedic Hospital closes its X account (Aug 2024)',
    url: 'https://the-independent.com/news/uk/home-news/elon-musk-x-nhs-royal-national-orthopaedic-hospital-b2593775.html',
  },
  pg_wakefield_2024: {
    name: 'Wakefield Express: Mid Yorkshire Teaching NHS Trust steps away from X (12 Dec 2024)',
    url: 'https://www.wakefieldexpress.co.uk/health/local-nhs-trust-to-step-away-from-popular-social-media-site-due-to-difference-in-values-4906792',
  },
  pg_swypft_2010: {
    name: 'South West Yorkshire Partnership NHS FT: local trust is a top tweeter (1 Sep 2010)',
    url: 'https://www.southwestyorkshire.nhs.uk/2010/09/01/local-trust-is-a-top-tweeter/',
  },
  pg_worksop_2023: {
    name: 'Worksop Guardian: Bassetlaw hospitals’ Facebook page reaches 50,000 followers (30 Oct 2023)',
    url: 'https://www.worksopguardian.co.uk/health/bassetlaw-hospitals-facebook-page-reaches-50000-followers-4391269',
  },
};

const REGIONS: Record<string, string> = {
  Y56: 'London',
  Y58: 'South West',
  Y59: 'South East',
  Y60: 'Midlands',
  Y61: 'East of England',
  Y62: 'North West',
  Y63: 'North East and Yorkshire',
};

const SOCIAL_PLATFORMS: Record<string, Platform> = {
  x_twitter: 'x',
  facebook: 'facebook',
  instagram: 'instagram',
  youtube: 'youtube',
  linkedin: 'linkedin',
  flickr: 'flickr',
  tiktok: 'tiktok',
  bluesky: 'bluesky',
  threads: 'threads',
};

/** ODS files these three as care trusts rather than in the NHS trusts file. */
const CARE_TRUSTS = new Set(['TAD', 'TAH', 'TAJ']);

/** NHS England's ODS code, as the social-accounts source records it. */
const NHS_ENGLAND_ODS = 'X24';

/** Builds the index and the report of every rule applied. */
export function buildIndex(inputs: BuildInputs): { index: NhsIndex; report: BuildReport } {
  const report: BuildReport = {
    inputs: [
      ...(inputs.discoveries ?? []).map((f) => ({ table: `data/discovered/${f.name}`, rows: f.lines.filter(Boolean).length })),
      ...(inputs.metricSnapshots ?? []).map((f) => ({ table: `data/metrics/${f.name}`, rows: f.lines.filter(Boolean).length })),
      { table: 'nhs-trusts-index.csv', rows: inputs.trusts.length },
      { table: 'icbs.csv', rows: inputs.icbs.length },
      { table: 'trust-successions.csv', rows: inputs.successions.length },
      { table: 'govuk-dhsc-family-orgs-2025-11.csv', rows: inputs.nationalBodies.length },
      { table: 'nhs-social-accounts.csv', rows: inputs.socialAccounts.length },
    ],
    dropped: [],
    conflicts: [],
  };
  const organisations = new Map<string, Organisation>();
  for (const org of [
    ...trustOrganisations(inputs.trusts, report),
    ...icbOrganisations(inputs.icbs, report),
    ...nationalBodies(inputs.nationalBodies, report),
  ]) {
    organisations.set(org.id, org);
  }
  addTrustPredecessors(organisations, inputs.successions, report);
  dropFormerDomainsOwnedByCurrent(organisations, report);
  const usedSocialSources = addAccounts(organisations, inputs.socialAccounts, report);
  const collectedSources = [
    ...mergeDiscoveries(organisations, inputs.discoveries ?? [], report),
    ...mergeMetrics(organisations, inputs.metricSnapshots ?? [], report),
    ...mergeCurated(organisations, inputs.curated ?? [], report),
  ];
  for (const org of organisations.values()) {
    org.platformChecks.sort((a, b) => a.platform.localeCompare(b.platform) || a.checked.localeCompare(b.checked));
    org.accounts.sort((a, b) => a.platform.localeCompare(b.platform) || a.url.localeCompare(b.url));
  }

  const sources: IndexSource[] = [
    ...SOURCES,
    ...[...usedSocialSources].sort().map((id) => socialSource(id, inputs.socialAccounts)),
    ...collectedSources,
  ];
  const index: NhsIndex = {
    schemaVersion: SCHEMA_VERSION,
    indexVersion: inputs.release.indexVersion,
    generatedAt: inputs.release.generatedAt,
    sources,
    organisations: [...organisations.values()].sort((a, b) => compareIds(a.id, b.id)),
  };
  return { index, report };
}

function trustOrganisations(rows: Row[], report: BuildReport): Organisation[] {
  return rows.map((row) => {
    const id = cell(row, 'ods_code');
    const name = CARE_TRUSTS.has(id) && /[a-z]/.test(cell(row, 'name')) ? cell(row, 'name') : titleCaseOdsName(cell(row, 'name'));
    const regionCode = cell(row, 'ods_nhse_region_2025');
    const country = cell(row, 'country') || 'England';
    return {
      id,
      name,
      kind: 'trust',
      trustType: trustTypeOf(id, cell(row, 'name')),
      region: country === 'Wales' ? 'Wales' : (REGIONS[regionCode] ?? 'unknown'),
      country,
      domains: trustDomains(row, report),
      predecessors: [],
      accounts: [],
      platformChecks: [],
      source: 'ods-ord-2026-08',
    };
  });
}

/**
 * Trust type from a rule that is certain, else "unknown": ODS care trusts, and the words
 * "Ambulance" or "Mental Health" in the legal name. "Hospital" is not enough (specialist trusts
 * are hospitals too), so acute, specialist and community trusts stay unknown until a source says.
 */
function trustTypeOf(id: string, odsName: string): Organisation['trustType'] {
  if (CARE_TRUSTS.has(id)) return 'care-trust';
  if (/\bAMBULANCE\b/i.test(odsName)) return 'ambulance';
  if (/\bMENTAL HEALTH\b/i.test(odsName)) return 'mental-health';
  return 'unknown';
}

/**
 * Every host the sources give for a trust. When several sources give the same host, the freshest
 * wins: DW board papers (validated 2026-08-01), then ODS (2026-08), then the 2023 NHS England
 * directory, then hosts named in DW's notes.
 */
function trustDomains(row: Row, report: BuildReport): Domain[] {
  const id = cell(row, 'ods_code');
  const offers: Domain[] = [];
  const offer = (host: string, source: string, checked: string, note?: string) => {
    for (const h of host
      .split(';')
      .map((x) => x.trim())
      .filter(Boolean)) {
      offers.push({ host: h, source, checked, ...(note ? { note } : {}) });
    }
  };
  const sharedWith = cell(row, 'host_dw_shared_with');
  offer(
    cell(row, 'host_dw'),
    'dw-board-papers-2026-08',
    '2026-08-01',
    sharedWith ? `shared with ${sharedWith.split(';').join(', ')}` : undefined,
  );
  offer(cell(row, 'host_ods'), 'ods-ord-2026-08', '2026-08-08');
  offer(cell(row, 'host_nhse_2023'), 'nhse-provider-directory-2023-10', '2023-10-26');
  offer(cell(row, 'hosts_in_dw_notes'), 'dw-board-papers-2026-08', '2026-08-01', 'named in the board-papers reader notes');
  return dedupeDomains(id, offers, report);
}

function dedupeDomains(subject: string, offers: Domain[], report: BuildReport): Domain[] {
  const kept = new Map<string, Domain>();
  for (const domain of offers) {
    const host = normaliseHost(domain.host);
    if (host === undefined || isSharedHost(host)) {
      report.dropped.push({ table: 'domains', row: `${subject} ${domain.host}`, reason: 'not a host one organisation can own' });
      continue;
    }
    const existing = kept.get(host);
    // Several sources giving the same host agree; the freshest one is kept as its source.
    if (existing) continue;
    kept.set(host, { ...domain, host });
  }
  return [...kept.values()];
}

function icbOrganisations(rows: Row[], report: BuildReport): Organisation[] {
  const current = rows.filter((row) => cell(row, 'status').startsWith('current'));
  const dissolved = rows.filter((row) => cell(row, 'status').startsWith('dissolved'));
  return current.map((row) => {
    const id = cell(row, 'ods_code');
    const domains = dedupeDomains(
      id,
      [
        { host: hostOf(cell(row, 'website')) ?? '', source: 'dw-board-papers-2026-08', checked: '2026-08-01' },
        {
          host: hostOf(cell(row, 'board_papers_url')) ?? '',
          source: 'dw-board-papers-2026-08',
          checked: '2026-08-01',
          note: 'board papers published here',
        },
      ].filter((d) => d.host !== ''),
      report,
    );
    const predecessors: Predecessor[] = dissolved
      .filter((old) => cell(old, 'successor_codes').split(';').includes(id))
      .map((old) => {
        const oldHost = hostOf(cell(old, 'website'));
        return {
          id: cell(old, 'ods_code'),
          name: cell(old, 'ons_icb24_name') || cell(old, 'name'),
          until: cell(old, 'merger_date'),
          domains: oldHost ? [{ host: oldHost, source: 'dw-board-papers-2026-08', checked: '2026-08-01' }] : [],
          source: 'dw-board-papers-2026-08',
        };
      });
    return {
      id,
      name: cell(row, 'ons_icb24_name') || cell(row, 'name'),
      kind: 'icb' as const,
      region: cell(row, 'region') || 'unknown',
      country: 'England',
      domains,
      predecessors,
      accounts: [],
      platformChecks: [],
      source: cell(row, 'ons_icb24_name') ? 'ons-icb-2024-12' : 'dw-board-papers-2026-08',
    };
  });
}

function nationalBodies(rows: Row[], report: BuildReport): Organisation[] {
  const slugOf = (row: Row) => govukSlug(cell(row, 'govuk_page'));
  const rowBySlug = new Map(rows.map((row) => [slugOf(row), row]));
  // GOV.UK still names NHS England by its legal name's old slug in some successor lists.
  const SLUG_ALIASES: Record<string, string> = { 'nhs-commissioning-board': 'nhs-england' };
  const live = rows.filter((row) => cell(row, 'govuk_status') !== 'closed');
  const organisations = new Map(
    live.map((row): [string, Organisation] => {
      const ownWebsite = cell(row, 'govuk_status') === 'exempt';
      return [
        slugOf(row),
        {
          id: cell(row, 'title') === 'NHS England' ? NHS_ENGLAND_ODS : `govuk:${slugOf(row)}`,
          name: cell(row, 'title'),
          kind: 'national-body',
          region: 'national',
          country: 'England',
          // Exempt bodies run their own website, which this source does not name: domains unknown.
          domains: [],
          ...(ownWebsite ? {} : { homepage: cell(row, 'govuk_page') }),
          predecessors: [],
          accounts: [],
          platformChecks: [],
          source: 'govuk-organisations-2025-11',
        },
      ];
    }),
  );
  // A closed body points to the live bodies at the end of its chain of successors (Monitor ->
  // NHS Improvement -> NHS England).
  const liveSuccessors = (rawSlug: string, seen: Set<string>): Organisation[] => {
    const slug = SLUG_ALIASES[rawSlug] ?? rawSlug;
    const org = organisations.get(slug);
    if (org) return [org];
    const row = rowBySlug.get(slug);
    if (row === undefined || seen.has(slug)) return [];
    seen.add(slug);
    return splitList(cell(row, 'superseding_organisations')).flatMap((next) => liveSuccessors(next, seen));
  };
  for (const row of rows.filter((r) => cell(r, 'govuk_status') === 'closed')) {
    const targets = splitList(cell(row, 'superseding_organisations')).flatMap((next) => liveSuccessors(next, new Set([slugOf(row)])));
    if (targets.length === 0) {
      report.dropped.push({
        table: 'govuk-dhsc-family-orgs-2025-11.csv',
        row: cell(row, 'title'),
        reason: 'closed with no current successor in the index',
      });
    }
    const until = cell(row, 'closed_at').slice(0, 10);
    for (const target of new Set(targets)) {
      target.predecessors.push({
        id: `govuk:${slugOf(row)}`,
        name: cell(row, 'title'),
        ...(until ? { until } : {}),
        domains: [],
        source: 'govuk-organisations-2025-11',
      });
    }
  }
  return [...organisations.values()];
}

function splitList(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/**
 * Old trust codes point to the end of their successor chain, so an old link resolves to today's
 * organisation; a trust split between several successors is a predecessor of each.
 */
function addTrustPredecessors(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  const seen = new Set<string>();
  for (const row of rows) {
    const oldId = cell(row, 'predecessor_code');
    const target = organisations.get(cell(row, 'current_successor_chain_end'));
    const label = `${oldId} -> ${cell(row, 'current_successor_chain_end')}`;
    if (organisations.has(oldId)) {
      report.dropped.push({ table: 'trust-successions.csv', row: label, reason: 'predecessor is itself a current organisation' });
      continue;
    }
    if (target === undefined) {
      report.dropped.push({ table: 'trust-successions.csv', row: label, reason: 'successor chain does not end at a current trust' });
      continue;
    }
    const key = `${target.id}<${oldId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const host = normaliseHost(cell(row, 'predecessor_host_ods'));
    const name = cell(row, 'predecessor_name');
    target.predecessors.push({
      id: oldId,
      ...(name ? { name: titleCaseOdsName(name) } : {}),
      until: isoDate(cell(row, 'effective_date')),
      domains: host ? [{ host, source: 'ods-ord-2026-08', checked: '2026-08-08' }] : [],
      source: 'ods-succ-2026',
    });
  }
  for (const org of organisations.values()) {
    org.predecessors.sort((a, b) => (b.until ?? '').localeCompare(a.until ?? '') || compareIds(a.id, b.id));
  }
}

/** A closed organisation's old domain that a current organisation lists as its own belongs to the current one. */
function dropFormerDomainsOwnedByCurrent(organisations: Map<string, Organisation>, report: BuildReport): void {
  const currentOwner = new Map<string, string>();
  for (const org of organisations.values()) for (const d of org.domains) currentOwner.set(d.host, org.id);
  for (const org of organisations.values()) {
    for (const predecessor of org.predecessors) {
      predecessor.domains = predecessor.domains.filter((d) => {
        const owner = currentOwner.get(d.host);
        if (owner === undefined) return true;
        report.conflicts.push({
          subject: `${d.host} (former domain of ${predecessor.id})`,
          kept: `current domain of ${owner}`,
          dropped: `former domain under ${org.id}`,
          rule: 'a current organisation owns its listed domains',
        });
        return false;
      });
    }
  }
}

const LOW_CONFIDENCE = /LOW CONFIDENCE/i;

/**
 * Accounts from the social-accounts table. Rows marked low confidence are kept as unverified
 * candidates unless a second source names the same account; duplicates keep the newest check.
 */
function addAccounts(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): Set<string> {
  const used = new Set<string>();
  const byKey = new Map<string, { account: Account; sources: Set<string>; lowConfidence: boolean }>();
  for (const row of rows) {
    const label = `${cell(row, 'ods_code') || '(no code)'} ${cell(row, 'platform')} ${cell(row, 'handle_or_url') || '(no handle)'}`;
    const org = organisations.get(cell(row, 'ods_code'));
    const platform = SOCIAL_PLATFORMS[cell(row, 'platform')];
    const handle = cell(row, 'handle_or_url');
    if (org === undefined) {
      report.dropped.push({
        table: 'nhs-social-accounts.csv',
        row: label,
        reason: 'organisation is not in the index (no current ODS code)',
      });
      continue;
    }
    if (platform === undefined) {
      report.dropped.push({ table: 'nhs-social-accounts.csv', row: label, reason: `unknown platform ${cell(row, 'platform')}` });
      continue;
    }
    if (handle === '') {
      org.platformChecks.push({
        platform,
        result: platformCheckResult(cell(row, 'source_note')),
        source: socialSourceId(cell(row, 'source_id')),
        checked: factDate(cell(row, 'followers_date')),
        ...(cell(row, 'source_note') ? { note: cell(row, 'source_note').slice(0, 300) } : {}),
      });
      used.add(socialSourceId(cell(row, 'source_id')));
      report.dropped.push({
        table: 'nhs-social-accounts.csv',
        row: label,
        reason: 'the source names no handle: kept as a platform check, not an account',
      });
      continue;
    }
    const parsed = parseHandle(platform, handle);
    if (!parsed.ok) {
      report.dropped.push({ table: 'nhs-social-accounts.csv', row: label, reason: `handle ${explainRejection(parsed)}` });
      continue;
    }
    const sourceId = socialSourceId(cell(row, 'source_id'));
    const lowConfidence = LOW_CONFIDENCE.test(cell(row, 'source_note'));
    const key = `${org.id}|${parsed.profile.url.toLowerCase()}`;
    const account: Account = {
      platform,
      handle: parsed.profile.handle,
      url: parsed.profile.url,
      verification: lowConfidence ? 'unverified' : 'official',
      state: 'unknown',
      source: sourceId,
      checked: factDate(cell(row, 'followers_date')),
      ...(cell(row, 'source_note') ? { note: cell(row, 'source_note').slice(0, 300) } : {}),
    };
    const existing = byKey.get(key);
    if (existing) {
      const newer = account.checked > existing.account.checked ? account : existing.account;
      const older = newer === account ? existing.account : account;
      report.conflicts.push({
        subject: `${org.id} ${account.url}`,
        kept: newer.source,
        dropped: older.source,
        rule: 'same account: newest check wins',
      });
      existing.sources.add(sourceId);
      existing.lowConfidence &&= lowConfidence;
      existing.account = newer;
    } else {
      byKey.set(key, { account, sources: new Set([sourceId]), lowConfidence });
    }
    used.add(sourceId);
  }
  for (const [key, entry] of byKey) {
    const org = organisations.get(key.split('|')[0] ?? '');
    if (!org) continue;
    // A second, independent source confirms a low-confidence row.
    const verification = entry.lowConfidence && entry.sources.size < 2 ? 'unverified' : 'official';
    org.accounts.push({ ...entry.account, verification });
  }
  return used;
}

/**
 * What a row that names no handle says about the platform, from the words of its note: a closed
 * or suspended account, one that stopped posting, or else an account the source did not name.
 */
function platformCheckResult(note: string): PlatformCheck['result'] {
  if (/\b(closed|suspended|deleted|left)\b/i.test(note)) return 'closed';
  if (/\b(stepped away|stopped posting|no longer posts?)\b/i.test(note)) return 'dormant';
  return 'account-unnamed';
}

function socialSource(id: string, rows: Row[]): IndexSource {
  const raw = rows.find((row) => socialSourceId(cell(row, 'source_id')) === id);
  const original = raw ? cell(raw, 'source_id') : id;
  const known = SOCIAL_SOURCE_NAMES[original];
  return {
    id,
    name: known?.name ?? `Public web page cited as ${original} in the project's social-accounts notes`,
    ...(known?.url ? { url: known.url } : {}),
    licence: 'facts quoted from a public page; no licence stated',
    date: raw ? factDate(cell(raw, 'followers_date')) : '2026',
  };
}

function socialSourceId(raw: string): string {
  return `social-${raw.split(';')[0]?.trim().toLowerCase().replace(/_/g, '-') ?? 'unknown'}`;
}

/** The latest real date in a free-text date ("2025-03..2026-04" -> "2026-04"; "undated (2025-26 era)" -> "2025"). */
export function factDate(text: string): string {
  const found = [...text.matchAll(/\b(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?/g)].map((m) =>
    [m[1], m[2], m[3]].filter(Boolean).join('-'),
  );
  return found.sort().at(-1) ?? '2026';
}

function normaliseHost(raw: string): string | undefined {
  const host = raw
    .trim()
    .toLowerCase()
    .replace(/^www\./, '')
    .replace(/\.$/, '');
  return /^[a-z0-9.-]+\.[a-z]{2,}$/.test(host) ? host : undefined;
}

function hostOf(url: string): string | undefined {
  if (!URL.canParse(url)) return undefined;
  return normaliseHost(new URL(url).hostname);
}

function govukSlug(page: string): string {
  return page.split('/').filter(Boolean).at(-1) ?? 'unknown';
}

function isoDate(yyyymmdd: string): string {
  return /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` : yyyymmdd;
}

function cell(row: Row, column: string): string {
  return (row[column] ?? '').trim();
}

function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Serialises the index with one organisation per line: small enough to ship, and a data change
 * shows up in review as the lines of the organisations it touched.
 */
export function serialiseIndex(index: NhsIndex): string {
  const { organisations, ...header } = index;
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"organisations":[\n${organisations.map((org) => JSON.stringify(org)).join(',\n')}\n]}\n`;
}
