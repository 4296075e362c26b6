/** Reads DHSC and its arm's-length bodies (data/sources/govuk-dhsc-family-orgs-2025-11.csv) into organisations. */
import type { Organisation } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, govukSlug, type Row, splitList } from './cells';

/** NHS England's ODS code, as the social-accounts source records it. */
const NHS_ENGLAND_ODS = 'X24';

/**
 * The live national bodies from the GOV.UK table (govuk-dhsc-family-orgs-2025-11.csv); a closed
 * body becomes a predecessor of the live bodies at the end of its chain of successors.
 */
export function nationalBodies(rows: Row[], report: BuildReport): Organisation[] {
  const slugOf = (row: Row) => govukSlug(cell(row, 'govuk_page'));
  const rowBySlug = new Map(rows.map((row) => [slugOf(row), row]));
  // GOV.UK still names NHS England by its legal name's old slug in some successor lists.
  const SLUG_ALIASES: Record<string, string> = { 'nhs-commissioning-board': 'nhs-england' };
  const live = rows.filter((row) => cell(row, 'govuk_status') !== 'closed');
  const organisations = new Map(
    live.map((row): [string, Organisation] => {
      return [
        slugOf(row),
        {
          id: cell(row, 'title') === 'NHS England' ? NHS_ENGLAND_ODS : `govuk:${slugOf(row)}`,
          name: cell(row, 'title'),
          kind: 'national-body',
          region: 'national',
          country: 'England',
          // Exempt bodies run their own website, which this source does not name: their domains come
          // from national-body-domains.csv. Every body's GOV.UK page is its home page there (issue 20).
          domains: [],
          homepage: cell(row, 'govuk_page'),
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
