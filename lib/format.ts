/**
 * Plain en-GB text for dates, figures and organisation kinds. No DOM and no lit: the pages, the
 * dashboard's aggregates and anything else below lib/ui share it (issue 18).
 */

/** Formats an index date ("2026-08-01", "2014-12" or "2025") the en-GB way: 1 Aug 2026, Dec 2014, 2025. */
export function formatFactDate(date: string): string {
  const [year, month, day] = date.split('-').map((part) => Number.parseInt(part, 10));
  if (year === undefined || Number.isNaN(year)) return date;
  const utc = new Date(Date.UTC(year, (month ?? 1) - 1, day ?? 1));
  // Never throws (issue 26): a date that is not one ("100000-01-", from a platform) is shown as written.
  if (Number.isNaN(utc.getTime())) return date;
  try {
    if (day !== undefined)
      return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
    if (month !== undefined) return new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(utc);
  } catch {
    return date;
  }
  return String(year);
}

/**
 * A moment the en-GB way, to the minute: "28 Nov 2026 14:02", in `timeZone` (the browser's own
 * when not given: the time the user lived it).
 */
export function formatFactTime(timestamp: string, timeZone?: string): string {
  const at = new Date(timestamp);
  if (Number.isNaN(at.getTime())) return timestamp;
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-GB', {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
      ...(timeZone ? { timeZone } : {}),
    }).formatToParts(at);
  } catch {
    // Never throws (issue 26): an unknown time zone, say, shows the timestamp as written.
    return timestamp;
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('day')} ${part('month')} ${part('year')} ${part('hour')}:${part('minute')}`;
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

const WHOLE = new Intl.NumberFormat('en-GB');

/** A figure in full, the en-GB way: 12,345. */
export function formatCount(value: number): string {
  return WHOLE.format(value);
}

/** A figure for tight spaces: 950, 1.2k, 12k, 1.2m (the full figure goes beside it for hover and focus). */
export function compactCount(value: number): string {
  if (value < 1000) return String(value);
  const [divisor, suffix] = value < 1_000_000 ? [1000, 'k'] : [1_000_000, 'm'];
  const scaled = value / divisor;
  return `${scaled < 10 ? Math.floor(scaled * 10) / 10 : Math.floor(scaled)}${suffix}`;
}

/** A share as a whole percentage: 0.333 -> "33%". */
export function formatShare(share: number): string {
  return `${Math.round(share * 100)}%`;
}

/** True when a fact dated `date` (YYYY[-MM[-DD]]) is more than a year before `now`. */
export function isOlderThanAYear(date: string, now: Date): boolean {
  const [year = 0, month = 12, day = 28] = date.split('-').map((part) => Number.parseInt(part, 10));
  // A coarse date counts from its end: "2025" is not old until the end of 2026.
  const end = Date.UTC(year, month - 1, day);
  return now.getTime() - end > 365 * 86_400_000;
}

/** Whole days between an ISO timestamp and `now`. */
export function daysSince(timestamp: string, now: Date): number {
  return Math.floor((now.getTime() - Date.parse(timestamp)) / 86_400_000);
}
