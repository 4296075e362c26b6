/**
 * Reads the national bodies' own websites (data/sources/national-body-domains.csv, issue 20): the
 * hosts of the bodies GOV.UK marks "exempt" (they run their own site), each from a page of that site.
 */
import type { Domain, Organisation } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, govukSlug, type Row } from './cells';
import { ownDomains } from './domains';

const TABLE = 'national-body-domains.csv';

/** Adds each row's host to the national body whose GOV.UK page has the row's slug. */
export function addNationalBodyDomains(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  const bySlug = new Map<string, Organisation>();
  for (const org of organisations.values()) {
    if (org.kind === 'national-body' && org.homepage !== undefined) bySlug.set(govukSlug(org.homepage), org);
  }
  const offers = new Map<Organisation, Domain[]>();
  for (const row of rows) {
    const org = bySlug.get(cell(row, 'govuk_slug'));
    if (org === undefined) {
      report.dropped.push({
        table: TABLE,
        row: `${cell(row, 'govuk_slug')} ${cell(row, 'host')}`,
        reason: 'no national body with that GOV.UK page',
      });
      continue;
    }
    const note = cell(row, 'note');
    offers.set(org, [
      ...(offers.get(org) ?? []),
      { host: cell(row, 'host'), source: cell(row, 'source_id'), checked: cell(row, 'checked'), ...(note ? { note } : {}) },
    ]);
  }
  for (const [org, domains] of offers) org.domains = ownDomains(org.id, [...org.domains, ...domains], report);
}
