/**
 * Reads the legacy national bodies (data/sources/legacy-bodies.csv, issue 20): the old domains of
 * closed bodies the GOV.UK table already names (NHS Digital, Health Education England), and the
 * closed bodies it does not (NHSX, HSIB, NHS Protect), each a predecessor of its successor.
 */
import type { Domain, Organisation, Predecessor } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, type Row } from './cells';
import { ownDomains } from './domains';

const TABLE = 'legacy-bodies.csv';

/** Adds each legacy body's old host to every predecessor with its id, adding the predecessor first where a row names its successor. */
export function addLegacyBodies(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  for (const row of rows) {
    const id = cell(row, 'id');
    const successorId = cell(row, 'successor_id');
    if (successorId !== '') {
      const successor = organisations.get(successorId);
      if (successor === undefined) {
        report.dropped.push({ table: TABLE, row: id, reason: `successor ${successorId} is not in the index` });
        continue;
      }
      const since = cell(row, 'since');
      successor.predecessors.push({
        id,
        name: cell(row, 'name'),
        ...(since ? { until: since } : {}),
        domains: [],
        source: cell(row, 'source_id'),
      });
    }
    const holders = [...organisations.values()].flatMap((org) => org.predecessors.filter((p) => p.id === id));
    if (holders.length === 0) {
      report.dropped.push({ table: TABLE, row: id, reason: 'no organisation in the index has this predecessor' });
      continue;
    }
    const host = cell(row, 'old_host');
    if (host === '') continue;
    const note = cell(row, 'note');
    const offer: Domain = { host, source: cell(row, 'host_source_id'), checked: cell(row, 'host_checked'), ...(note ? { note } : {}) };
    for (const predecessor of holders) addPredecessorDomain(predecessor, offer, report);
  }
}

/** An old host for a predecessor, kept once, and only where one organisation can own it. */
export function addPredecessorDomain(predecessor: Predecessor, offer: Domain, report: BuildReport): void {
  predecessor.domains = ownDomains(predecessor.id, [...predecessor.domains, offer], report);
}
