/**
 * Reading the cells of the source tables: plain text in, plain text out, the same way for every
 * table, so a rule that depends on a cell's shape is written once.
 */

/** One row of a source table, by column name (see csv.ts). */
export type Row = Record<string, string>;

/** The cell of `column` in `row`, trimmed ('' when the table has no such column). */
export function cell(row: Row, column: string): string {
  return (row[column] ?? '').trim();
}

/** The items of a `;`-separated cell ("a.nhs.uk; b.nhs.uk"), trimmed, without empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}

/** The latest real date in a free-text date ("2025-03..2026-04" -> "2026-04"; "undated (2025-26 era)" -> "2025"). */
export function factDate(text: string): string {
  const found = [...text.matchAll(/\b(\d{4})(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?/g)].map((m) =>
    [m[1], m[2], m[3]].filter(Boolean).join('-'),
  );
  return found.sort().at(-1) ?? '2026';
}

/** ODS's YYYYMMDD as an ISO date (20240401 -> 2024-04-01); any other text is kept as written. */
export function isoDate(yyyymmdd: string): string {
  return /^\d{8}$/.test(yyyymmdd) ? `${yyyymmdd.slice(0, 4)}-${yyyymmdd.slice(4, 6)}-${yyyymmdd.slice(6)}` : yyyymmdd;
}

/** The last path segment of a GOV.UK organisation page: its slug. */
export function govukSlug(page: string): string {
  return page.split('/').filter(Boolean).at(-1) ?? 'unknown';
}

/** Orders organisation ids by code unit, the same on every machine and in every locale. */
export function compareIds(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when `value` is one of `values`: a cell checked against a list the schema allows. */
export function isOneOf<T extends string>(values: readonly T[], value: string): value is T {
  return (values as readonly string[]).includes(value);
}
