/**
 * Builds the bundled index from the public source tables (see data/sources/README.md).
 *
 * Pure: it takes the parsed tables and returns the index and a report, so the same inputs always
 * give the same bytes. Every rule that drops a row or chooses between sources is written in the
 * module that reads that table, and recorded in the report, never applied silently:
 * trusts.ts, icbs.ts, national-bodies.ts, devolved.ts and trust-successions.ts read the
 * organisations; legacy-bodies.ts, ccgs.ts, national-body-domains.ts and trust-types.ts add the
 * facts of issue 20; social-accounts.ts, merge-collected.ts and merge-curated.ts add what is known
 * about their accounts, and own-pages.ts what organisations' own pages say (2026-11).
 */
import type { CuratedCorrection } from '../corrections/apply';
import { type IndexSource, type NhsIndex, type Organisation, SCHEMA_VERSION } from '../index/schema';
import type { BuildReport } from './build-report';
import { addCcgPredecessors } from './ccgs';
import { compareIds, type Row } from './cells';
import { addDevolvedDomains, addDevolvedOrganisations } from './devolved';
import { icbOrganisations } from './icbs';
import { addLegacyBodies } from './legacy-bodies';
import { type CollectedFile, mergeDiscoveries, mergeMetrics } from './merge-collected';
import { mergeCurated } from './merge-curated';
import { nationalBodies } from './national-bodies';
import { addNationalBodyDomains } from './national-body-domains';
import { addOwnPages } from './own-pages';
import { addSocialAccounts } from './social-accounts';
import { evidenceSources, SOURCES, socialSource } from './sources';
import { addTrustPredecessors, dropFormerDomainsOwnedByCurrent } from './trust-successions';
import { addTrustTypes } from './trust-types';
import { trustOrganisations } from './trusts';

/** The file in data/sources each source table is read from (data/sources/README.md describes each). */
export const SOURCE_FILES = {
  trusts: 'nhs-trusts-index.csv',
  icbs: 'icbs.csv',
  successions: 'trust-successions.csv',
  nationalBodies: 'govuk-dhsc-family-orgs-2025-11.csv',
  // Issue 20: the national bodies' own websites, legacy bodies, CCGs, the NHS outside England,
  // trust types, and the pages and files those tables cite.
  nationalBodyDomains: 'national-body-domains.csv',
  legacyBodies: 'legacy-bodies.csv',
  ccgs: 'ccgs.csv',
  devolvedOrganisations: 'devolved-organisations.csv',
  devolvedDomains: 'devolved-domains.csv',
  trustTypes: 'trust-types.csv',
  evidencePages: 'evidence-pages.csv',
  socialAccounts: 'nhs-social-accounts.csv',
  // What 12 organisations' own pages say about their platforms and accounts (read 2026-11-28).
  ownPages: 'own-pages-2026-11.tsv',
} as const;

/** The parsed source tables, by name. */
export type SourceTables = Record<keyof typeof SOURCE_FILES, Row[]>;

/** Every source table, each read by `read` from its file name. */
export function readSourceTables(read: (file: string) => Row[]): SourceTables {
  const tables: Partial<SourceTables> = {};
  for (const [name, file] of Object.entries(SOURCE_FILES) as [keyof SourceTables, string][]) tables[name] = read(file);
  return tables as SourceTables;
}

/** The parsed source tables, and the files the maintainers' commands collected, that a build reads. */
export interface BuildInputs extends SourceTables {
  /** `accounts discover` findings, one file per run (data/discovered). */
  discoveries?: CollectedFile[];
  /** `metrics collect` snapshots, one file per run (data/metrics). */
  metricSnapshots?: CollectedFile[];
  /** Reviewed volunteer corrections (data/curated/corrections.jsonl). */
  curated?: CuratedCorrection[];
  release: { indexVersion: number; generatedAt: string };
}

/** Builds the index and the report of every rule applied. */
export function buildIndex(inputs: BuildInputs): { index: NhsIndex; report: BuildReport } {
  const report: BuildReport = {
    inputs: [
      ...(inputs.discoveries ?? []).map((f) => ({ table: `data/discovered/${f.name}`, rows: f.lines.filter(Boolean).length })),
      ...(inputs.metricSnapshots ?? []).map((f) => ({ table: `data/metrics/${f.name}`, rows: f.lines.filter(Boolean).length })),
      ...(Object.entries(SOURCE_FILES) as [keyof SourceTables, string][]).map(([name, table]) => ({ table, rows: inputs[name].length })),
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
  addDevolvedOrganisations(organisations, inputs.devolvedOrganisations, report);
  addTrustPredecessors(organisations, inputs.successions, report);
  addLegacyBodies(organisations, inputs.legacyBodies, report);
  addCcgPredecessors(organisations, inputs.ccgs, inputs.icbs, report);
  addNationalBodyDomains(organisations, inputs.nationalBodyDomains, report);
  addDevolvedDomains(organisations, inputs.devolvedDomains, report);
  addTrustTypes(organisations, inputs.trustTypes, report);
  dropFormerDomainsOwnedByCurrent(organisations, report);
  const usedSocialSources = addSocialAccounts(organisations, inputs.socialAccounts, report);
  const ownPageSources = addOwnPages(organisations, inputs.ownPages, report);
  const collectedSources = [
    ...mergeDiscoveries(organisations, inputs.discoveries ?? [], report),
    ...mergeMetrics(organisations, inputs.metricSnapshots ?? [], report),
    ...mergeCurated(organisations, inputs.curated ?? [], report),
  ];
  for (const org of organisations.values()) {
    // Newest first, then by code: the same order whichever table added a predecessor.
    org.predecessors.sort((a, b) => (b.until ?? '').localeCompare(a.until ?? '') || compareIds(a.id, b.id));
    org.platformChecks.sort((a, b) => a.platform.localeCompare(b.platform) || a.checked.localeCompare(b.checked));
    org.accounts.sort((a, b) => a.platform.localeCompare(b.platform) || a.url.localeCompare(b.url));
  }

  const pages = evidenceSources(inputs.evidencePages);
  const citedPages = [...citedSourceIds(organisations.values())].filter((id) => pages.has(id)).sort();
  const sources: IndexSource[] = [
    ...SOURCES,
    ...citedPages.flatMap((id) => pages.get(id) ?? []),
    ...[...usedSocialSources].sort().map((id) => socialSource(id, inputs.socialAccounts)),
    ...ownPageSources,
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

/** Every source id a fact of these organisations names: the pages the index lists are exactly these. */
function citedSourceIds(organisations: Iterable<Organisation>): Set<string> {
  const ids = new Set<string>();
  for (const org of organisations) {
    ids.add(org.source);
    if (org.trustTypeSource) ids.add(org.trustTypeSource.source);
    for (const d of org.domains) ids.add(d.source);
    for (const p of org.predecessors) {
      ids.add(p.source);
      for (const d of p.domains) ids.add(d.source);
    }
  }
  return ids;
}
