/**
 * Reads the trust types (data/sources/trust-types.csv, issue 20): each trust's type from ERIC, the
 * Estates Returns Information Collection's published classification, never from words in its name.
 */
import { type Organisation, TRUST_TYPES } from '../index/schema';
import type { BuildReport } from './build-report';
import { cell, isOneOf, type Row } from './cells';

const TABLE = 'trust-types.csv';

/**
 * Sets `trustType` and, beside it, the class as ERIC writes it with its source and date. A trust
 * with no ERIC class stays "unknown"; a row for no trust in the index is reported.
 */
export function addTrustTypes(organisations: Map<string, Organisation>, rows: Row[], report: BuildReport): void {
  for (const row of rows) {
    const org = organisations.get(cell(row, 'ods_code'));
    const type = cell(row, 'trust_type');
    if (org === undefined || org.kind !== 'trust') {
      report.dropped.push({ table: TABLE, row: cell(row, 'ods_code'), reason: 'no trust with this code in the index' });
      continue;
    }
    const classification = cell(row, 'eric_trust_type');
    if (classification === '' || !isOneOf(TRUST_TYPES, type) || type === 'unknown') continue;
    const note = cell(row, 'note');
    org.trustType = type;
    org.trustTypeSource = {
      classification,
      source: cell(row, 'source_id'),
      checked: cell(row, 'checked'),
      ...(note ? { note } : {}),
    };
  }
}
