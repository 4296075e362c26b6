/**
 * The "Seen by you" layer beside the index (issue 19 part 6): each overview chart of one group of
 * bars gets a second series, the organisations the user saw, and the "then and now" table a row of
 * its own. Both series are drawn as shares of their own organisations, so 3 seen organisations
 * and 310 in the index compare fairly; each series is named with its count and dates.
 */
import { formatCount, formatFactDate } from '../format';
import { byAdoptionLevel, byCountry, byKind, byRegion, type ChartSpec, followersByKind, platformMix } from './aggregate';
import type { DashboardRow } from './rows';
import type { SeenLayer } from './seen-by-you';
import { type TodayFigures, todayFigures } from './then-and-now';

/** "26 Nov 2026" from an ISO timestamp (its UTC day, the day records are kept by). */
export const dayInWords = (timestamp: string) => formatFactDate(timestamp.slice(0, 10));

/** "26 Nov 2026 to 28 Nov 2026", or one day when both are the same. */
export function datesInWords(first: string, last: string): string {
  const [from, to] = [dayInWords(first), dayInWords(last)];
  return from === to ? from : `${from} to ${to}`;
}

/** "The index (310 organisations)". */
export const indexSeriesLabel = (rows: readonly DashboardRow[]) =>
  `The index (${formatCount(rows.length)} organisation${rows.length === 1 ? '' : 's'})`;

/** "Seen by you (3 organisations, 26 Nov 2026 to 28 Nov 2026)". */
export function seenSeriesLabel(layer: SeenLayer): string {
  const n = layer.organisations.length;
  const dates = layer.firstSeen && layer.lastSeen ? `, ${datesInWords(layer.firstSeen, layer.lastSeen)}` : '';
  return `Seen by you (${formatCount(n)} organisation${n === 1 ? '' : 's'}${dates})`;
}

/**
 * One chart with two series: the index's bars and the seen organisations' bars, in the index's
 * order (the data table's columns come from the first series), each a share of its own group.
 */
export function besideIndex(indexChart: ChartSpec, seenChart: ChartSpec, indexLabel: string, seenLabel: string): ChartSpec {
  const [index] = indexChart.groups;
  const [seen] = seenChart.groups;
  if (index === undefined || seen === undefined) return indexChart;
  const seenValues = new Map(seen.bars.map((b) => [b.label, b.value]));
  // Links lead to the index's table: the seen series' bars have none.
  const seenBars = index.bars.map(({ link: _link, ...bar }) => ({ ...bar, value: seenValues.get(bar.label) ?? 0 }));
  return {
    ...indexChart,
    groupLabel: 'Series',
    groups: [
      { ...index, label: indexLabel },
      { label: seenLabel, bars: seenBars, total: seen.total },
    ],
    scale: 'share',
    summary: `${indexLabel}: ${indexChart.summary} ${seenLabel}: ${seenChart.summary}`,
    note: `${indexChart.note ? `${indexChart.note} ` : ''}Seen by you: the organisations whose own websites you visited, from the index and what their own websites link to. Each series is shown as shares of its own organisations.`,
  };
}

/** The overview's charts: with the layer's series beside the index's when anything was seen, else the index's alone. */
export function overviewChartsWithSeen(indexRows: readonly DashboardRow[], layer: SeenLayer | undefined): ChartSpec[] {
  const charts = [byAdoptionLevel, platformMix, byKind, byCountry, byRegion];
  const seen = layer !== undefined && layer.rows.length > 0 ? layer : undefined;
  const paired = charts.map((chart) =>
    seen ? besideIndex(chart(indexRows), chart(seen.rows), indexSeriesLabel(indexRows), seenSeriesLabel(seen)) : chart(indexRows),
  );
  // Followers per type stays the index's: its figures are the index's measurements, not the user's.
  const [levels, mix, ...rest] = paired;
  return [levels, mix, followersByKind(indexRows), ...rest].filter((c): c is ChartSpec => c !== undefined);
}

/** The "then and now" row of the layer: its figures, how many organisations, and the dates of the first and last observation. */
export interface SeenToday extends TodayFigures {
  firstSeen: string;
  lastSeen: string;
}

/** The layer's "then and now" figures, or undefined when nothing was seen yet. */
export function seenToday(layer: SeenLayer | undefined): SeenToday | undefined {
  if (layer === undefined || layer.firstSeen === undefined || layer.lastSeen === undefined || layer.rows.length === 0) return undefined;
  return { ...todayFigures(layer.rows), firstSeen: layer.firstSeen, lastSeen: layer.lastSeen };
}
