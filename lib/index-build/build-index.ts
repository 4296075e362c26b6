/**
 * Builds the bundled index from the public source tables (see data/sources/README.md).
 *
 * Pure: it takes the parsed tables and returns the index and a report, so the same inputs always
 * give the same bytes. Every rule that drops a row or chooses between sources is written in the
 * module that reads that table, and recorded in the report, never applied silently:
 * trusts.ts, icbs.ts, national-bodies.ts and trust-successions.ts read the organisations;
 * social-accounts.ts, merge-collected.ts and merge-curated.ts add what is known about them.
 */
import type { CuratedCorrection } from '../corrections/apply';
import { type IndexSource, type NhsIndex, type Organisation, SCHEMA_VERSION } from '../index/schema';
import type { BuildReport } from './build-report';
import { compareIds, type Row } from './cells';
import { icbOrganisations } from './icbs';
import { type CollectedFile, mergeDiscoveries, mergeMetrics } from './merge-collected';
import { mergeCurated } from './merge-curated';
import { nationalBodies } from './national-bodies';
import { addSocialAccounts } from './social-accounts';
import { SOURCES, socialSource } from './sources';
import { addTrustPredecessors, dropFormerDomainsOwnedByCurrent } from './trust-successions';
import { trustOrganisations } from './trusts';

/** The parsed source tables, and the files the maintainers' commands collected, that a build reads. */
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
  const usedSocialSources = addSocialAccounts(organisations, inputs.socialAccounts, report);
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
