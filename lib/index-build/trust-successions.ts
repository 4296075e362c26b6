/** Reads the trust successions table (data/sources/trust-successions.csv): merged trusts become predecessors. */
import type { Organisation } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, isoDate, type Row } from './cells';
import { domainHost } from './domains';
import { titleCaseOdsName } from './names';

/**
 * Old trust codes point to the end of their successor chain, so an old link resolves to today's
 * organisation; a trust split between several successors is a predecessor of each.
 */
export function addTrustPredecessors(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
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
    const host = domainHost(cell(row, 'predecessor_host_ods'));
    const name = cell(row, 'predecessor_name');
    target.predecessors.push({
      id: oldId,
      ...(name ? { name: titleCaseOdsName(name) } : {}),
      until: isoDate(cell(row, 'effective_date')),
      domains: host ? [{ host, source: 'ods-ord-2026-08', checked: '2026-08-08' }] : [],
      source: 'ods-succ-2026',
    });
  }
}

/** A closed organisation's old domain that a current organisation lists as its own belongs to the current one. */
export function dropFormerDomainsOwnedByCurrent(organisations: Map<string, Organisation>, report: BuildReport): void {
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
