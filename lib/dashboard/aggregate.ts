/**
 * The index at a glance: counts for the dashboard's charts, each with its text alternative.
 * Honest buckets: what the index does not know is counted as "not yet known" or "not measured",
 * apart, and never folded into "none" or 0.
 */

import { formatCount, formatShare, kindLabel } from '../format';
import { COUNTRIES, ORGANISATION_KINDS } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS } from '../social/platforms';
import { ADOPTION_LEVELS, type DashboardRow, LEVEL_LABELS, regionLabel } from './rows';
import { DEFAULT_QUERY, type TableFilter, tableQueryToHash } from './table-query';

export interface Bar {
  label: string;
  value: number;
  /** A bucket of what is not known (drawn grey and hatched, listed last). */
  unknown?: boolean;
  /** The table view of the organisations this bar counts (`#table?level=none`). */
  link?: string;
}

export interface BarGroup {
  /** Set when a chart has several groups (followers per kind). */
  label?: string;
  bars: Bar[];
  /** What each bar's share is of: the organisations in the group. */
  total: number;
}

export interface ChartSpec {
  /** Stable id, used in file names (`nhs-social-lens-by-kind.svg`). */
  id: string;
  title: string;
  /** What the bars are (the data table's first column): "Type", "Region". */
  categoryLabel: string;
  /** What the groups are, when there are several: "Type". */
  groupLabel?: string;
  /** What the figures count, the heading of the data table's value column. */
  valueLabel: string;
  groups: BarGroup[];
  /**
   * `count`: bar lengths compare counts across the chart; `share`: each bar is its share of its
   * group, so groups of different sizes (trusts and ICBs) compare fairly.
   */
  scale: 'count' | 'share';
  /** The text alternative: the chart said in words, every figure included. */
  summary: string;
  /** What a reader should know to read it right. */
  note?: string;
}

const UNKNOWN_REGION = 'unknown';

/** A count's share of a total as a whole percentage; a share that rounds to 0% but is not 0 is "<1%". */
export function shareOf(count: number, total: number): string {
  if (total <= 0) return '–';
  const share = count / total;
  return share > 0 && share < 0.005 ? '<1%' : formatShare(share);
}

/** "NHS trust 206 (77%), Integrated care board 36 (13%)": every bar, with its share of the group. */
function describeBars({ bars, total }: BarGroup): string {
  return bars.map((b) => `${b.label} ${formatCount(b.value)}${total > 0 ? ` (${shareOf(b.value, total)})` : ''}`).join(', ');
}

const linkTo = (filter: TableFilter) => tableQueryToHash({ ...DEFAULT_QUERY, ...filter });

function tally<T extends string>(rows: readonly DashboardRow[], keyOf: (row: DashboardRow) => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (const row of rows) {
    const key = keyOf(row);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/** A chart of organisations in one group of bars (every organisation counted once), its text alternative led by `lead`. */
function organisationsChart(
  rows: readonly DashboardRow[],
  bars: Bar[],
  chart: Pick<ChartSpec, 'id' | 'categoryLabel' | 'title' | 'note'> & { lead: string },
): ChartSpec {
  const { lead, ...spec } = chart;
  const group = { bars, total: rows.length };
  return { ...spec, valueLabel: 'Organisations', groups: [group], scale: 'count', summary: `${lead}: ${describeBars(group)}.` };
}

/** Organisations by kind, in the schema's order; kinds the index lacks are left out. */
export function byKind(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.kind);
  const bars = ORGANISATION_KINDS.filter((k) => counts.has(k)).map((kind) => ({
    label: kindLabel(kind),
    value: counts.get(kind) ?? 0,
    link: linkTo({ kind }),
  }));
  return organisationsChart(rows, bars, {
    id: 'by-kind',
    categoryLabel: 'Type',
    title: 'Organisations by type',
    lead: `${formatCount(rows.length)} organisations by type`,
  });
}

/** Organisations by country, in the order of the four nations (issue 20); nations the index lacks are left out. */
export function byCountry(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.country);
  const bars = COUNTRIES.filter((c) => counts.has(c)).map((country) => ({
    label: country,
    value: counts.get(country) ?? 0,
    link: linkTo({ country }),
  }));
  return organisationsChart(rows, bars, {
    id: 'by-country',
    categoryLabel: 'Country',
    title: 'Organisations by country',
    lead: `${formatCount(rows.length)} organisations by country`,
    note: 'The NHS in England, Wales and Scotland, and Health and Social Care in Northern Ireland, as far as a public source lists their organisations.',
  });
}

/** Organisations by region, most first; "Not yet known" (the source gave no region) last. */
export function byRegion(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.region);
  const known = [...counts.entries()]
    .filter(([region]) => region !== UNKNOWN_REGION)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .map(([region, value]) => ({ label: regionLabel(region), value, link: linkTo({ region }) }));
  const unknown = counts.get(UNKNOWN_REGION);
  const bars: Bar[] =
    unknown === undefined
      ? known
      : [...known, { label: regionLabel(UNKNOWN_REGION), value: unknown, unknown: true, link: linkTo({ region: UNKNOWN_REGION }) }];
  return organisationsChart(rows, bars, {
    id: 'by-region',
    categoryLabel: 'Region',
    title: 'Organisations by region',
    lead: `${formatCount(rows.length)} organisations by NHS region`,
    note: 'National bodies have no region; "Not yet known" means the source gave none.',
  });
}

/** Organisations at each adoption level, "Not yet known" apart from "No social media found". */
export function byAdoptionLevel(rows: readonly DashboardRow[]): ChartSpec {
  const counts = tally(rows, (r) => r.level);
  const bars = ADOPTION_LEVELS.map((level) => ({
    label: LEVEL_LABELS[level],
    value: counts.get(level) ?? 0,
    ...(level === 'unknown' ? { unknown: true } : {}),
    link: linkTo({ level }),
  }));
  return organisationsChart(rows, bars, {
    id: 'adoption-levels',
    categoryLabel: 'Adoption level',
    title: 'Share at each adoption level',
    lead: `Adoption levels of ${formatCount(rows.length)} organisations`,
    note: '"Not yet known" means not every platform has been checked: it is not the same as having none.',
  });
}

/** Organisations with an official account in use on each platform (an organisation may be on several). */
export function platformMix(rows: readonly DashboardRow[]): ChartSpec {
  const counts = new Map(PLATFORMS.map((p) => [p, 0]));
  let withNone = 0;
  for (const row of rows) {
    for (const p of row.activePlatforms) counts.set(p, (counts.get(p) ?? 0) + 1);
    if (row.activePlatforms.length === 0) withNone++;
  }
  const bars = PLATFORMS.map((platform) => ({
    label: PLATFORM_LABELS[platform],
    value: counts.get(platform) ?? 0,
    link: linkTo({ platform }),
  })).sort((a, b) => b.value - a.value);
  const listed = { bars: bars.filter((b) => b.value > 0), total: rows.length };
  return {
    id: 'platform-mix',
    categoryLabel: 'Platform',
    title: 'Platform mix',
    valueLabel: 'Organisations with an official account in use',
    // Shares are of every organisation: one organisation may count on several platforms.
    groups: [{ bars, total: rows.length }],
    scale: 'count',
    summary:
      `Organisations with an official account in use, by platform: ${listed.bars.length > 0 ? describeBars(listed) : 'none known yet'}` +
      `; ${formatCount(withNone)} of ${formatCount(rows.length)} organisations have no account in use known to the index.`,
    note: 'Shares are of every organisation in the index; one on several platforms counts on each. Unverified candidates are not counted.',
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
      total: rows.filter((r) => r.kind === kind).length,
      bars: [
        ...FOLLOWER_BUCKETS.map((b) => ({ label: b.label, value: counts.get(b.label) ?? 0 })),
        { label: NOT_MEASURED, value: counts.get(NOT_MEASURED) ?? 0, unknown: true },
      ],
    };
  });
  return {
    id: 'followers-by-kind',
    categoryLabel: 'Followers',
    groupLabel: 'Type',
    title: 'Followers per organisation, by type',
    valueLabel: 'Organisations',
    groups,
    scale: 'share',
    summary: `Organisations by their followers summed over measured official accounts. ${groups
      .map((g) => `${g.label}: ${describeBars(g)}.`)
      .join(' ')}`,
    note: 'Followers are summed over an organisation\'s measured official accounts (one person following two counts twice). "Not measured" is not 0.',
  };
}

/** Every chart on the overview, in order. */
export function overviewCharts(rows: readonly DashboardRow[]): ChartSpec[] {
  return [byAdoptionLevel(rows), platformMix(rows), followersByKind(rows), byKind(rows), byCountry(rows), byRegion(rows)];
}
