/**
 * The table as files: CSV (RFC 4180) and JSON lines, shared by the dashboard's downloads and
 * `nsl export`. Index strings are data from many sources, so every CSV field is made safe for
 * spreadsheets (CSV injection): see `csvField`.
 */
import type { DashboardRow } from './rows';

/** The CSV columns, in order (docs/dashboard.md describes each). */
export const CSV_COLUMNS = [
  'ods_code',
  'code_scheme',
  'name',
  'kind',
  'trust_type',
  'trust_type_source',
  'region',
  'country',
  'adoption_level',
  'adoption_label',
  'active_platforms',
  'official_accounts',
  'unverified_accounts',
  'followers',
  'measured_accounts',
  'website',
  // Issue 30: what each record rests on, and the level with what this browser saw (empty from `nsl export`).
  'sources',
  'last_checked',
  'seen_by_you_level',
  'seen_by_you_label',
  'seen_by_you_last_seen',
] as const;

/**
 * Text a spreadsheet would read as a formula, following OWASP's CSV injection guidance
 * (https://owasp.org/www-community/attacks/CSV_Injection; ASVS 5.0 V1.2.10): a field that starts
 * with = + - @, a tab, CR, LF or NUL. Spreadsheets also skip spaces before a formula and read the
 * full-width ＝ ＋ － ＠ as the ASCII signs, so those count too after any run of Unicode spaces
 * (no-break, thin, ideographic, zero-width…) (issue 17).
 */
const FORMULA_START = /^(?:[\s\u200B-\u200D\u2060]*[=+\-@\uFF1D\uFF0B\uFF0D\uFF20]|[\t\r\n\0])/;

/**
 * The one CSV field function of every export (the dashboard's, `nsl export`, the research log):
 * formula-looking text gets a leading `'`, which spreadsheets show as text; then the field is
 * quoted when it holds `"`, a line break, `,` or `;` (the separator in locales with a decimal comma).
 */
export function csvField(value: string): string {
  return csvQuoted(FORMULA_START.test(value) ? `'${value}` : value);
}

/**
 * A CSV field exactly as given (RFC 4180 quoting only), for files read by programs rather than
 * opened in a spreadsheet: the dataset of `nsl export --format datapackage`, where an apostrophe
 * would change an identifier such as `@handle` for R and pandas (issue 28).
 */
export function csvQuoted(value: string): string {
  return /[",;\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The CSV cells of a row, in `CSV_COLUMNS` order; a missing figure is an empty cell, never 0. */
export function csvCells(row: DashboardRow): string[] {
  return [
    row.id,
    row.codeScheme,
    row.name,
    row.kind,
    row.trustType ?? '',
    row.trustTypeSource ?? '',
    row.region,
    row.country,
    row.level,
    row.levelLabel,
    row.activePlatforms.join(';'),
    row.officialAccounts.map((a) => a.url).join(' '),
    String(row.unverifiedAccounts),
    row.followers === undefined ? '' : String(row.followers),
    String(row.measuredAccounts),
    row.website ?? '',
    row.sources.join(';'),
    row.lastChecked ?? '',
    row.seen?.level ?? '',
    row.seen?.label ?? '',
    row.seen?.lastSeen ?? '',
  ];
}

/** The rows as CSV: a header, one line per row, CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly DashboardRow[]): string {
  return [CSV_COLUMNS.join(','), ...rows.map((row) => csvCells(row).map(csvField).join(','))].map((line) => `${line}\r\n`).join('');
}

/** One organisation as `nsl export --format json` and the dashboard's JSON download write it. */
export function jsonRecord(row: DashboardRow): Record<string, unknown> {
  return {
    id: row.id,
    codeScheme: row.codeScheme,
    name: row.name,
    kind: row.kind,
    trustType: row.trustType ?? null,
    trustTypeSource: row.trustTypeSource ?? null,
    region: row.region,
    country: row.country,
    adoptionLevel: row.level,
    adoptionLabel: row.levelLabel,
    activePlatforms: row.activePlatforms,
    officialAccounts: row.officialAccounts,
    unverifiedAccounts: row.unverifiedAccounts,
    followers: row.followers ?? null,
    measuredAccounts: row.measuredAccounts,
    website: row.website ?? null,
    sources: row.sources,
    lastChecked: row.lastChecked ?? null,
    seenByYou: row.seen ?? null,
  };
}

/**
 * The file name of a download: the index's version and date in it, so a file kept for a paper
 * says which index it came from (issue 30): `nhs-social-lens-index-v3-2026-11-28.csv`.
 */
export function downloadName(index: { version: number; generatedAt: string }, extension: string, part = ''): string {
  return `nhs-social-lens-index-v${index.version}-${index.generatedAt.slice(0, 10)}${part ? `-${part}` : ''}.${extension}`;
}

/** The rows as JSON lines: one JSON object a line, `\n` line ends. */
export function toJsonLines(rows: readonly DashboardRow[]): string {
  return rows.map((row) => `${JSON.stringify(jsonRecord(row))}\n`).join('');
}
