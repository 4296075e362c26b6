/** Reads the integrated care boards table (data/sources/icbs.csv) into organisations. */
import type { Organisation, Predecessor } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, type Row } from './cells';
import { ownDomains, urlHost } from './domains';

/**
 * The current integrated care boards, from the ICB table (icbs.csv), each with the boards it
 * replaced (dissolved rows naming it as successor) as its predecessors.
 */
export function icbOrganisations(rows: Row[], report: BuildReport): Organisation[] {
  const current = rows.filter((row) => cell(row, 'status').startsWith('current'));
  const dissolved = rows.filter((row) => cell(row, 'status').startsWith('dissolved'));
  return current.map((row) => {
    const id = cell(row, 'ods_code');
    const domains = ownDomains(
      id,
      [
        { host: urlHost(cell(row, 'website')) ?? '', source: 'dw-board-papers-2026-08', checked: '2026-08-01' },
        {
          host: urlHost(cell(row, 'board_papers_url')) ?? '',
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
        const oldHost = urlHost(cell(old, 'website'));
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
