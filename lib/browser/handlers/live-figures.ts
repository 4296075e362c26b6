/**
 * Live figures (issue 19): the popup asks for one Bluesky or Mastodon account's current public
 * figures; the background reads them here, never in a page, with the collectors `metrics collect`
 * uses, and keeps the answer on this device. A request leaves the machine only when the user asked
 * (a click, or the automatic setting they turned on) and only to a host they allowed.
 */
import { blueskyCollector } from '../../collect/bluesky';
import {
  BLUESKY_API,
  LIVE_PLATFORMS,
  type LiveAccount,
  type LiveAnswer,
  type LiveFiguresState,
  liveFiguresOf,
  liveOrigin,
  notToAskYet,
} from '../../collect/live-figures';
import { mastodonCollector } from '../../collect/mastodon';
import type { Collector } from '../../collect/types';
import { isHttpUrl } from '../../index/schema';
import { PLATFORM_LABELS } from '../../social/platform-labels';
import { liveKeyOf, readLiveState, recordLiveAnswer } from '../live-figures-store';
import { createLiveGet, LIVE_MAX_BYTES } from '../live-get';
import { isIndexHost } from '../sightings';
import type { BackgroundContext, HandlerGroup } from './context';

const COLLECTORS: Record<LiveAccount['platform'], Collector> = {
  bluesky: blueskyCollector(BLUESKY_API),
  mastodon: mastodonCollector((host) => `https://${host.toLowerCase()}`),
};

/** The popup's "Get live figures" (and, when the user turned it on, the same without a click). */
export function liveFigureHandlers(ctx: BackgroundContext): HandlerGroup<'ui-bg-get-live-figures'> {
  /** One request per account at a time: a second click waits for the first answer. */
  const running = new Map<string, Promise<LiveFiguresState>>();

  async function ask(account: LiveAccount): Promise<LiveFiguresState> {
    const db = await ctx.db();
    const now = ctx.deps.now();
    const state = await readLiveState(db, account);
    // Kept for a day, and never before the platform's Retry-After: the stored answer stands.
    if (notToAskYet(state, now) !== undefined) return state;
    const found = liveOrigin(account);
    // An NHS organisation's own domain is never a social platform's (issue 26), whatever the account says.
    const where =
      found.ok && account.platform === 'mastodon' && (await isIndexHost(db, new URL(found.origin).hostname))
        ? { ok: false as const, reason: `${new URL(found.origin).host} is an NHS organisation’s own site, not a social platform` }
        : found;
    if (!where.ok)
      return {
        ...state,
        last: {
          at: now.toISOString(),
          source: PLATFORM_LABELS[account.platform],
          outcome: 'failed',
          problem: { kind: 'not-askable', detail: where.reason },
        },
      };
    if (!(await ctx.deps.live.hasHost(where.origin)))
      return {
        ...state,
        last: {
          at: now.toISOString(),
          source: where.name,
          outcome: 'failed',
          problem: { kind: 'not-allowed', host: new URL(where.origin).host },
        },
      };
    const live = createLiveGet({
      fetch: ctx.deps.live.fetch,
      timeoutMs: ctx.deps.live.timeoutMs,
      maxBytes: LIVE_MAX_BYTES,
      now: ctx.deps.now,
    });
    const line = await COLLECTORS[account.platform].collect({ ods: '', ...account }, live.get, now);
    const base = { at: now.toISOString(), source: where.name };
    const answer: LiveAnswer =
      line.type === 'metrics'
        ? { ...base, outcome: 'measured', figures: liveFiguresOf(line, now) }
        : line.type === 'gone'
          ? { ...base, outcome: 'failed', problem: { kind: 'gone', reason: line.reason } }
          : { ...base, outcome: 'failed', problem: live.problem() ?? { kind: 'unusable', detail: line.reason } };
    return recordLiveAnswer(await ctx.db(), account, answer);
  }

  return {
    async 'ui-bg-get-live-figures'({ account, fetch }) {
      const checked = liveAccountOf(account);
      if (checked === undefined) return { points: [] };
      if (fetch !== true) return readLiveState(await ctx.db(), checked);
      const key = liveKeyOf(checked);
      const pending = running.get(key) ?? ask(checked).finally(() => running.delete(key));
      running.set(key, pending);
      return pending;
    },
  };
}

/** The account a page asked about, if it is one: a live platform, a handle and an http(s) profile address. */
function liveAccountOf(value: unknown): LiveAccount | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { platform, handle, url } = value as Record<string, unknown>;
  if (!LIVE_PLATFORMS.includes(platform as LiveAccount['platform'])) return undefined;
  if (typeof handle !== 'string' || handle.length === 0 || handle.length > 300) return undefined;
  if (typeof url !== 'string' || !isHttpUrl(url)) return undefined;
  return { platform: platform as LiveAccount['platform'], handle, url };
}
