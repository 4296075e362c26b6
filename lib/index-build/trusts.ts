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

/** ODS files these three as care trusts rather than in the NHS trusts file: their names are already in their own style. */
const CARE_TRUSTS = new Set(['TAD', 'TAH', 'TAJ']);

/**
 * The NHS trusts, from the trusts table (nhs-trusts-index.csv): name, region and every host the
 * sources give. The type is "unknown" until trust-types.ts reads it from ERIC (issue 20: never
 * from words in the name).
 */
export function trustOrganisations(rows: Row[], report: BuildReport): Organisation[] {
  return rows.map((row) => {
    const id = cell(row, 'ods_code');
    const name = CARE_TRUSTS.has(id) && /[a-z]/.test(cell(row, 'name')) ? cell(row, 'name') : titleCaseOdsName(cell(row, 'name'));
    const regionCode = cell(row, 'ods_nhse_region_2025');
    const country = cell(row, 'country') === 'Wales' ? 'Wales' : 'England';
    return {
      id,
      name,
      kind: 'trust',
      trustType: 'unknown',
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
