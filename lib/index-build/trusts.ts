/** Reads the trusts table (data/sources/nhs-trusts-index.csv) into organisations. */
import type { Domain, Organisation } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, type Row, splitList } from './cells';
import { ownDomains } from './domains';
import { titleCaseOdsName } from './names';

/** NHS England's regions by their ODS code (the trusts table's `ods_nhse_region_2025`). */
const REGIONS: Record<string, string> = {
  Y56: 'London',
  Y58: 'South West',
  Y59: 'South East',
  Y60: 'Midlands',
  Y61: 'East of England',
  Y62: 'North West',
  Y63: 'North East and Yorkshire',
};

/** ODS files these three as care trusts rather than in the NHS trusts file. */
const CARE_TRUSTS = new Set(['TAD', 'TAH', 'TAJ']);

/** The NHS trusts, from the trusts table (nhs-trusts-index.csv): name, type, region and every host the sources give. */
export function trustOrganisations(rows: Row[], report: BuildReport): Organisation[] {
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
    for (const h of splitList(host)) offers.push({ host: h, source, checked, ...(note ? { note } : {}) });
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
  return ownDomains(id, offers, report);
}
