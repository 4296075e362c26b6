/**
 * Reads the NHS outside England (issue 20): data/sources/devolved-organisations.csv (the Welsh,
 * Scottish and Northern Irish bodies, current and legacy, with the nation's own codes where there
 * is no ODS code) and data/sources/devolved-domains.csv (their hosts, each seen on an own page or
 * named in an official list).
 */
import { CODE_SCHEMES, COUNTRIES, type Domain, ORGANISATION_KINDS, type Organisation } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, isOneOf, type Row } from './cells';
import { ownDomains } from './domains';
import { addPredecessorDomain } from './legacy-bodies';

const ORGANISATIONS = 'devolved-organisations.csv';
const DOMAINS = 'devolved-domains.csv';

/**
 * Adds the current bodies (rows with no successor), then each legacy body (a row naming its
 * successor) as a predecessor of that successor. A row whose kind, country or code scheme the
 * index does not know is dropped and reported, never guessed.
 */
export function addDevolvedOrganisations(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  const drop = (row: Row, reason: string) => report.dropped.push({ table: ORGANISATIONS, row: cell(row, 'id'), reason });
  for (const row of rows.filter((r) => cell(r, 'successor_id') === '')) {
    const id = cell(row, 'id');
    const kind = cell(row, 'kind');
    const country = cell(row, 'country');
    const scheme = cell(row, 'code_scheme');
    if (!isOneOf(ORGANISATION_KINDS, kind) || !isOneOf(COUNTRIES, country)) {
      drop(row, 'unknown kind or country');
      continue;
    }
    if (organisations.has(id)) {
      drop(row, 'already in the index');
      continue;
    }
    organisations.set(id, {
      id,
      name: cell(row, 'name'),
      kind,
      ...(isOneOf(CODE_SCHEMES, scheme) && scheme !== 'ods' ? { codeScheme: scheme } : {}),
      // No published classification of these trusts was found (ERIC covers England only).
      ...(kind === 'trust' ? { trustType: 'unknown' as const } : {}),
      region: cell(row, 'region'),
      country,
      domains: [],
      predecessors: [],
      accounts: [],
      platformChecks: [],
      source: cell(row, 'source_id'),
    });
  }
  for (const row of rows.filter((r) => cell(r, 'successor_id') !== '')) {
    const successor = organisations.get(cell(row, 'successor_id'));
    if (successor === undefined) {
      drop(row, `successor ${cell(row, 'successor_id')} is not in the index`);
      continue;
    }
    const until = cell(row, 'until');
    successor.predecessors.push({
      id: cell(row, 'id'),
      name: cell(row, 'name'),
      ...(until ? { until } : {}),
      domains: [],
      source: cell(row, 'source_id'),
    });
  }
}

/** Adds each host to the organisation with the row's id, or to the predecessor with that id. */
export function addDevolvedDomains(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  for (const row of rows) {
    const id = cell(row, 'id');
    const note = cell(row, 'note');
    const offer: Domain = {
      host: cell(row, 'host'),
      source: cell(row, 'source_id'),
      checked: cell(row, 'checked'),
      ...(note ? { note } : {}),
    };
    const org = organisations.get(id);
    if (org !== undefined) {
      org.domains = ownDomains(id, [...org.domains, offer], report);
      continue;
    }
    const predecessors = [...organisations.values()].flatMap((o) => o.predecessors.filter((p) => p.id === id));
    if (predecessors.length === 0)
      report.dropped.push({ table: DOMAINS, row: `${id} ${offer.host}`, reason: 'no organisation or predecessor with this id' });
    for (const predecessor of predecessors) addPredecessorDomain(predecessor, offer, report);
  }
}
