/**
 * The index at a glance: counts for the dashboard's charts, each with its text alternative.
 * Honest buckets: what the index does not know is counted as "not yet known" or "not measured",
 * apart, and never folded into "none" or 0.
 */
import { ORGANISATION_KINDS, PLATFORMS } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { formatCount, formatShare, kindLabel } from '../ui/format';
import { ADOPTION_LEVELS, type DashboardRow, LEVEL_LABELS, regionLabel } from './rows';

export interface Bar {
  label: string;
  value: number;
  /** A bucket of what is not known (drawn grey, listed last). */
  unknown?: boolean;
}

export interface BarGroup {
  /** Set when a chart has several groups (followers per kind). */
  label?: string;
  bars: Bar[];
}

export interface ChartSpec {
  /** Stable id, used in file names (`nhs-social-lens-by-kind.svg`). */
  id: string;
  title: string;
  /** What the figures count, the heading of the data table's value column. */
  valueLabel: string;
  groups: BarGroup[];
  /** The text alternative: the chart said in words, every figure included. */
  summary: string;
  /** What a reader should know to read it right. */
  note?: string;
}

const UNKNOWN_REGION = 'unknown';

/** "NHS trust 206 (77%), Integrated care board 36 (13%)": every bar, with its share of the group. */
function describeBars(bars: readonly Bar[]): string {
  const total = bars.reduce((n, b) => n + b.value, 0);
  return bars.map((b) => `${b.label} ${formatCount(b.value)}${total > 0 ? ` (${formatShare(b.value / total)})` : ''}`).join(', ');
}

function tally<T extends string>(rows: readonly DashboardRow[], keyOf: (row: DashboardRow) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (const row of rows) {
    const key = keyOf(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** Organisations by kind, in the schema's order; kinds the index lacks are left out. */
export function byKind(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.kind);
  const bars = ORGANISATION_KINDS.filter((k) => counts.has(k)).map((k) => ({ label: kindLabel(k), value: counts.get(k) ?? 0 }));
  return {
    id: 'by-kind',
    title: 'Organisations by type',
    valueLabel: 'Organisations',
    groups: [{ bars }],
    summary: `${formatCount(rows.length)} organisations by type: ${describeBars(bars)}.`,
  };
}

/** Organisations by region, most first; "Not yet known" (the source gave no region) last. */
export function byRegion(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.region);
  const known = [...counts.entries()]
    .filter(([region]) => region !== UNKNOWN_REGION)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([region, value]) => ({ label: regionLabel(region), value }));
  const unknown = counts.get(UNKNOWN_REGION);
  const bars: Bar[] = unknown === undefined ? known : [...known, { label: regionLabel(UNKNOWN_REGION), value: unknown, unknown: true }];
  return {
    id: 'by-region',
    title: 'Organisations by region',
    valueLabel: 'Organisations',
    groups: [{ bars }],
    summary: `${formatCount(rows.length)} organisations by NHS region: ${describeBars(bars)}.`,
    note: 'National bodies have no region; "Not yet known" means the source gave none.',
  };
}

/** Organisations at each adoption level, "Not yet known" apart from "No social media found". */
export function byAdoptionLevel(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.level);
  const bars = ADOPTION_LEVELS.map((level) => ({
    label: LEVEL_LABELS[level],
    value: counts.get(level) ?? 0,
    ...(level === 'unknown' ? { unknown: true } : {}),
  }));
  return {
    id: 'adoption-levels',
    title: 'Share at each adoption level',
    valueLabel: 'Organisations',
    groups: [{ bars }],
    summary: `Adoption levels of ${formatCount(rows.length)} organisations: ${describeBars(bars)}.`,
    note: '"Not yet known" means not every platform has been checked: it is not the same as having none.',
  };
}

/** Organisations with an official account in use on each platform (an organisation may be on several). */
export function platformMix(rows: readonly DashboardRow[]): ChartSpec {
  const counts = new Map(PLATFORMS.map((p) => [p, 0]));
  let withNone = 0;
  for (const row of rows) {
    for (const p of row.activePlatforms) counts.set(p, (counts.get(p) ?? 0) + 1);
    if (row.activePlatforms.length === 0) withNone++;
  }
  const bars = PLATFORMS.map((p) => ({ label: PLATFORM_LABELS[p], value: counts.get(p) ?? 0 })).sort((a, b) => b.value - a.value);
  const listed = bars.filter((b) => b.value > 0);
  return {
    id: 'platform-mix',
    title: 'Platform mix',
    valueLabel: 'Organisations with an official account in use',
    groups: [{ bars }],
    summary:
      `Organisations with an official account in use, by platform: ${listed.length > 0 ? listed.map((b) => `${b.label} ${formatCount(b.value)}`).join(', ') : 'none known yet'}` +
      `; ${formatCount(withNone)} of ${formatCount(rows.length)} organisations have no account in use known to the index.`,
    note: 'An organisation on several platforms is counted on each. Unverified candidates are not counted.',
  };
}

/** Follower buckets, smallest first; an organisation with no measured account is "Not measured", never 0. */
export const FOLLOWER_BUCKETS: readonly { label: string; below: number }[] = [
  { label: 'Under 1,000', below: 1_000 },
  { label: '1,000 to 9,999', below: 10_000 },
  { label: '10,000 to 99,999', below: 100_000 },
  { label: '100,000 or more', below: Number.POSITIVE_INFINITY },
];
const NOT_MEASURED = 'Not measured';

/** The bucket an organisation's followers fall in ("Not measured" when none of its accounts was). */
export function followerBucket(followers: number | undefined): string {
  if (followers === undefined) return NOT_MEASURED;
  return FOLLOWER_BUCKETS.find((b) => followers < b.below)?.label ?? NOT_MEASURED;
}

/** For each kind in the index, how many organisations fall in each follower bucket. */
export function followersByKind(rows: readonly DashboardRow[]): ChartSpec {
  const kinds = ORGANISATION_KINDS.filter((k) => rows.some((r) => r.kind === k));
  const groups = kinds.map((kind) => {
    const counts = tally(
      rows.filter((r) => r.kind === kind),
      (r) => followerBucket(r.followers),
    );
    return {
      label: kindLabel(kind),
      bars: [
        ...FOLLOWER_BUCKETS.map((b) => ({ label: b.label, value: counts.get(b.label) ?? 0 })),
        { label: NOT_MEASURED, value: counts.get(NOT_MEASURED) ?? 0, unknown: true },
      ],
    };
  });
  return {
    id: 'followers-by-kind',
    title: 'Followers per organisation, by type',
    valueLabel: 'Organisations',
    groups,
    summary: `Organisations by their followers summed over measured official accounts. ${groups
      .map((g) => `${g.label}: ${describeBars(g.bars)}.`)
      .join(' ')}`,
    note: 'Followers are summed over an organisation\'s measured official accounts (docs/metrics.md); "Not measured" is not 0.',
  };
}

/** Every chart on the overview, in order. */
export function overviewCharts(rows: readonly DashboardRow[]): ChartSpec[] {
  return [byAdoptionLevel(rows), platformMix(rows), followersByKind(rows), byKind(rows), byRegion(rows)];
}
