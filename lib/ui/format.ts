/** Formats an index date ("2026-08-01", "2014-12" or "2025") the en-GB way: 1 Aug 2026, Dec 2014, 2025. */
export function formatFactDate(date: string): string {
  const [year, month, day] = date.split('-').map((part) => Number.parseInt(part, 10));
  if (year === undefined || Number.isNaN(year)) return date;
  const utc = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  if (day !== undefined)
    return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
  if (month !== undefined) return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
  return String(year);
}

const KIND_LABELS: Record<string, string> = {
  trust: 'NHS trust',
  icb: 'Integrated care board',
  'national-body': 'National body',
  'health-board': 'Health board',
  other: 'Organisation',
};

/** "NHS trust", "Integrated care board"… for an organisation kind. */
export function kindLabel(kind: string): string {
  return KIND_LABELS[kind] ?? 'Organisation';
}
