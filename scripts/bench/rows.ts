/**
 * The bench's table: every figure beside a baseline measured in the same run, with its spread.
 * Shared by scripts/bench.ts and its measures (main thread, memory).
 */

/** One line of the bench's table (bench/results.json keeps them all). */
export interface Row {
  measure: string;
  value: number;
  unit: string;
  baseline: number;
  ratio: number;
  runs: number;
  spread: string;
  /** The budget this figure is held to, when it has one (bench/budgets.json). */
  budget?: number;
  note?: string;
}

export const rows: Row[] = [];

/** Median, quartiles and 99th percentile of `samples` (nearest rank). */
export function stats(samples: readonly number[]) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { median: at(0.5), p25: at(0.25), p75: at(0.75), p99: at(0.99) };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

/** Adds a line to the table; `budget` is printed beside the figure. */
export function add(
  measure: string,
  value: number,
  unit: string,
  baseline: number,
  runs: number,
  spread: string,
  note?: string,
  budget?: number,
) {
  rows.push({
    measure,
    value: round(value),
    unit,
    baseline: round(baseline),
    ratio: baseline === 0 ? 0 : round(value / baseline, 3),
    runs,
    spread,
    ...(budget === undefined ? {} : { budget }),
    ...(note ? { note } : {}),
  });
}

/** The table as text: one line per figure, its budget beside it. */
export function printRows(): void {
  const width = Math.max(...rows.map((r) => r.measure.length));
  console.log(
    `${'measure'.padEnd(width)}  ${'value'.padStart(10)}  unit   ${'budget'.padStart(8)}  ${'baseline'.padStart(10)}  ${'ratio'.padStart(7)}  runs  spread`,
  );
  for (const r of rows) {
    console.log(
      `${r.measure.padEnd(width)}  ${String(r.value).padStart(10)}  ${r.unit.padEnd(5)}  ${String(r.budget ?? '').padStart(8)}  ${String(r.baseline).padStart(10)}  ${String(r.ratio).padStart(7)}  ${String(r.runs).padStart(4)}  ${r.spread}`,
    );
  }
}
