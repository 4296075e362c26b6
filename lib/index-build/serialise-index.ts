import type { NhsIndex } from '../index/schema';

/**
 * Serialises the index with one organisation per line: small enough to ship, and a data change
 * shows up in review as the lines of the organisations it touched.
 */
export function serialiseIndex(index: NhsIndex): string {
  const { organisations, ...header } = index;
  const head = JSON.stringify(header).slice(0, -1);
  return `${head},"organisations":[\n${organisations.map((org) => JSON.stringify(org)).join(',\n')}\n]}\n`;
}
