import type { AccountMetrics } from '../index/schema';
import type { Platform } from '../social/platforms';

/** A JSON GET: the parsed body and status, or why there is none. */
export type JsonGet = (url: string) => Promise<{ ok: true; status: number; json: unknown } | { ok: false; reason: string }>;

export interface CollectTarget {
  ods: string;
  platform: Platform;
  handle: string;
  url: string;
}

type Figures = Omit<AccountMetrics, 'measuredAt' | 'source'>;

/** One line of a metrics snapshot (data/metrics/*.jsonl); docs/collecting.md describes them. */
export type SnapshotLine =
  | ({ type: 'metrics'; ods: string; platform: Platform; handle: string; url: string; measuredAt: string; api: string } & Figures)
  | { type: 'gone'; ods: string; platform: Platform; url: string; checked: string; reason: 'not-found' | 'suspended' | 'deactivated' }
  | { type: 'failed'; ods: string; platform: Platform; url: string; checked: string; reason: string };

export interface Collector {
  /** The API's name, recorded as the figures' source. */
  api: string;
  collect(target: CollectTarget, get: JsonGet, now: Date): Promise<SnapshotLine>;
}

export const gone = (target: CollectTarget, now: Date, reason: 'not-found' | 'suspended' | 'deactivated'): SnapshotLine => ({
  type: 'gone',
  ods: target.ods,
  platform: target.platform,
  url: target.url,
  checked: now.toISOString().slice(0, 10),
  reason,
});

export const failed = (target: CollectTarget, now: Date, reason: string): SnapshotLine => ({
  type: 'failed',
  ods: target.ods,
  platform: target.platform,
  url: target.url,
  checked: now.toISOString().slice(0, 10),
  reason,
});

export const measured = (target: CollectTarget, now: Date, api: string, figures: Figures): SnapshotLine => ({
  type: 'metrics',
  ods: target.ods,
  platform: target.platform,
  handle: target.handle,
  url: target.url,
  measuredAt: now.toISOString().slice(0, 10),
  api,
  ...figures,
});

/** Narrows unknown JSON to an object whose fields can be read. */
export function asRecord(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

export function asCount(value: unknown): number | undefined {
  const n = typeof value === 'string' && /^\d+$/.test(value) ? Number(value) : value;
  return typeof n === 'number' && Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** No platform the collectors read has a post older than this (the oldest, Facebook, opened in 2004). */
const EARLIEST_PLATFORM_DATE = Date.UTC(2004, 0, 1);

/**
 * A platform's timestamp, when it is one and sane (issue 26): from 2004 to a day after `now`, as
 * an ISO string; undefined otherwise. `100000-01-01` passes `Date.parse`, then breaks every
 * date shown, so a date is checked here, where it is read.
 */
export function saneTimestamp(value: unknown, now: Date): string | undefined {
  if (typeof value !== 'string' || value.length > 40) return undefined;
  const at = Date.parse(value);
  if (!Number.isFinite(at) || at < EARLIEST_PLATFORM_DATE || at > now.getTime() + 86_400_000) return undefined;
  return new Date(at).toISOString();
}
