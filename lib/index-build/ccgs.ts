/**
 * Reads the clinical commissioning groups (data/sources/ccgs.csv, issue 20): every CCG becomes a
 * predecessor of the integrated care board it ended in, so its old website and code lead there.
 */
import type { Organisation, Predecessor } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, type Row, splitList } from './cells';
import { domainHost } from './domains';
import { addPredecessorDomain } from './legacy-bodies';

const TABLE = 'ccgs.csv';

/**
 * Rules: a CCG ends at its ICB of 2025 (ODS), followed through the April 2026 mergers in icbs.csv
 * to the current ICB(s), so it is a predecessor of each current ICB its area went to. No date is
 * given: the day a CCG's area became part of an ICB is in none of the sources read (ODS's successor
 * file has no such row), and a CCG's own merger date is not the day it joined today's ICB.
 */
export function addCcgPredecessors(organisations: Map<string, Organisation>, ccgRows: Row[], icbRows: Row[], report: BuildReport): void {
  const successorsOf = new Map(icbRows.map((row) => [cell(row, 'ods_code'), splitList(cell(row, 'successor_codes'))]));
  const currentIcbs = (code: string, seen = new Set<string>()): Organisation[] => {
    const org = organisations.get(code);
    if (org?.kind === 'icb') return [org];
    if (seen.has(code)) return [];
    seen.add(code);
    return (successorsOf.get(code) ?? []).flatMap((next) => currentIcbs(next, seen));
  };
  for (const row of ccgRows) {
    const code = cell(row, 'ccg_code');
    if (organisations.has(code)) {
      report.dropped.push({ table: TABLE, row: code, reason: 'the CCG code is itself a current organisation' });
      continue;
    }
    const targets = currentIcbs(cell(row, 'icb_2025'));
    if (targets.length === 0) {
      report.dropped.push({ table: TABLE, row: code, reason: `its ICB ${cell(row, 'icb_2025')} does not lead to a current ICB` });
      continue;
    }
    const name = cell(row, 'name');
    const host = cell(row, 'host') === '' ? undefined : domainHost(cell(row, 'host'));
    for (const icb of targets) {
      const predecessor: Predecessor = { id: code, ...(name ? { name } : {}), domains: [], source: 'ods-eccg-2025' };
      icb.predecessors.push(predecessor);
      if (host !== undefined)
        addPredecessorDomain(predecessor, { host, source: 'nhs-website-ccgs-2019-05', checked: '2019-05-22' }, report);
    }
  }
}
