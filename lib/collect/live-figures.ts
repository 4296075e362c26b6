/**
 * Live figures (issue 19): one account's current public figures, asked for by the user in the
 * popup and read in the background with the collectors `metrics collect` uses. This module is the
 * pure part every context shares: which accounts qualify and where their API is, what an answer
 * holds, how long it is kept, and what a failure says in words. It never imports a collector, so
 * the popup that shows the words does not ship the code that fetches.
 */

import { formatFactTime } from '../format';
import { HOST_PATTERN } from '../index/schema';
import { type ConversationStyle, isDormant, styleOf } from '../metrics/adoption';
import { type SnapshotLine, saneTimestamp } from './types';

/** The platforms with an open, keyless public API the browser may ask. */
export const LIVE_PLATFORMS = ['bluesky', 'mastodon'] as const;
export type LivePlatform = (typeof LIVE_PLATFORMS)[number];

/** Bluesky's public AppView: the one host Bluesky's figures come from. */
export const BLUESKY_API = 'https://public.api.bsky.app';

/** An account live figures can be asked for: from the index or from the organisation's own site. */
export interface LiveAccount {
  platform: LivePlatform;
  handle: string;
  /** Its profile address, recorded with the answer as the collectors do. */
  url: string;
}

/** An answer is kept this long: within it, the popup shows it again without asking the platform. */
export const LIVE_ANSWER_KEPT_MS = 86_400_000;
/** The longest wait a Retry-After header is honoured for; a longer one is read as this. */
export const MAX_RETRY_AFTER_MS = 86_400_000;

/** Followers and activity as the collectors measure them, with the adoption rules' reading of them. */
export interface LiveFigures {
  followers?: number;
  postsTotal?: number;
  posts30d?: number;
  replyShare30d?: number;
  engagementPerPost30d?: number;
  lastPostAt?: string;
  /** No post for 90 days before the figures were read; undefined when no post was seen at all. */
  dormant?: boolean;
  style: ConversationStyle;
}

/** Why there are no new figures: each one is said in words by `describeProblem`. */
export type LiveProblem =
  | { kind: 'offline' }
  | { kind: 'timeout'; seconds: number }
  | { kind: 'rate-limited'; retryAt?: string }
  | { kind: 'server'; status: number }
  | { kind: 'malformed' }
  | { kind: 'too-large'; bytes: number }
  | { kind: 'redirected' }
  | { kind: 'gone'; reason: 'not-found' | 'suspended' | 'deactivated' }
  /** The user has not allowed the extension to reach the API's host (nothing was fetched). */
  | { kind: 'not-allowed'; host: string }
  /** The account's handle or host cannot be asked (nothing was fetched). */
  | { kind: 'not-askable'; detail: string }
  /** An answer that could be read but not used: the collector's own reason. */
  | { kind: 'unusable'; detail: string };

/** One attempt to read an account's figures: when, from where, and what came of it. */
export type LiveAnswer = { at: string; source: string } & (
  | { outcome: 'measured'; figures: LiveFigures }
  | { outcome: 'failed'; problem: LiveProblem }
);
export type MeasuredAnswer = Extract<LiveAnswer, { outcome: 'measured' }>;

/** What the popup is told about one account: the last attempt, the last figures, the user's own daily points. */
export interface LiveFiguresState {
  last?: LiveAnswer;
  /** The last figures read, kept when a later attempt fails. */
  good?: MeasuredAnswer;
  /** Followers, one point a day, from the user's own requests (oldest first). */
  points: { day: string; followers: number }[];
}

/** Where an account's figures come from: the API's origin and its name in words, or why it cannot be asked. */
export function liveOrigin(
  account: Pick<LiveAccount, 'platform' | 'handle'>,
): { ok: true; origin: string; name: string } | { ok: false; reason: string } {
  if (account.platform === 'bluesky') {
    return /^[a-z0-9.-]{3,253}$/i.test(account.handle) || /^did:[a-z]+:[a-zA-Z0-9._:%-]{1,200}$/.test(account.handle)
      ? { ok: true, origin: BLUESKY_API, name: 'Bluesky' }
      : { ok: false, reason: `${account.handle} is not a Bluesky handle` };
  }
  const [, user = '', host = ''] = /^@([A-Za-z0-9_]{1,30})@([^@/\s]+)$/.exec(account.handle) ?? [];
  const lower = host.toLowerCase();
  // A handle comes from the index or from a page (issue 17): only a public host name is asked,
  // never an address, a single label or a name that only a local network answers.
  if (user === '' || !HOST_PATTERN.test(lower) || LOCAL_NAMES.test(lower))
    return { ok: false, reason: `${account.handle} is not a Mastodon handle on a public server` };
  return { ok: true, origin: `https://${lower}`, name: lower };
}

const LOCAL_NAMES = /(^|\.)(localhost|local|internal|intranet|lan|corp|private|home\.arpa)$/;

/** The live figures of a measured snapshot line, with the dormant and conversation rules applied. */
export function liveFiguresOf(line: Extract<SnapshotLine, { type: 'metrics' }>, at: Date): LiveFigures {
  const { followers, postsTotal, posts30d, replyShare30d, engagementPerPost30d } = line;
  // Checked again where the figures are made: only a day in the sane range is shown (issue 26).
  const lastPostAt =
    line.lastPostAt !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(line.lastPostAt) && saneTimestamp(line.lastPostAt, at)
      ? line.lastPostAt
      : undefined;
  const figures: LiveFigures = {
    ...defined({ followers, postsTotal, posts30d, replyShare30d, engagementPerPost30d, lastPostAt }),
    style: posts30d === undefined || replyShare30d === undefined ? 'unknown' : styleOf(posts30d, replyShare30d * posts30d),
  };
  if (lastPostAt !== undefined) figures.dormant = isDormant(lastPostAt, at.toISOString());
  return figures;
}

function defined<T extends Record<string, unknown>>(fields: T): Partial<T> {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** Whether the last answer is kept figures (under a day old), or the platform asked to wait and the wait is not over. */
export function notToAskYet(state: Pick<LiveFiguresState, 'last'>, now: Date): 'kept' | 'wait' | undefined {
  const last = state.last;
  if (last === undefined) return undefined;
  const age = now.getTime() - Date.parse(last.at);
  if (last.outcome === 'measured' && age >= 0 && age < LIVE_ANSWER_KEPT_MS) return 'kept';
  if (
    last.outcome === 'failed' &&
    last.problem.kind === 'rate-limited' &&
    last.problem.retryAt &&
    Date.parse(last.problem.retryAt) > now.getTime()
  )
    return 'wait';
  return undefined;
}

/** "live from Bluesky's public API, 28 Nov 2026 14:02". */
export function liveSourceLine(answer: Pick<LiveAnswer, 'source' | 'at'>, timeZone?: string): string {
  return `live from ${answer.source}'s public API, ${formatFactTime(answer.at, timeZone)}`;
}

/** One line saying why there are no new figures, in en-GB words. */
export function describeProblem(problem: LiveProblem, source: string, now: Date): string {
  switch (problem.kind) {
    case 'offline':
      return `Could not reach ${source}: this computer may be offline. Try again later.`;
    case 'timeout':
      return `${source} did not answer within ${problem.seconds} seconds. Try again later.`;
    case 'rate-limited':
      return `${source} asked us to wait; ${waitInWords(problem.retryAt, now)}.`;
    case 'server':
      return `${source} had a problem on its side (HTTP ${problem.status}). Try again later.`;
    case 'malformed':
      return `${source} answered, but not in the form its public API uses, so no figures could be read from it. Try again later.`;
    case 'too-large':
      return `${source} sent an answer too large to read (over ${Math.round(problem.bytes / 1_000_000)} MB).`;
    case 'redirected':
      return `${source} sent the request somewhere else, so it was not followed.`;
    case 'gone':
      return `This account is no longer on ${source} (${GONE_WORDS[problem.reason]}).`;
    case 'not-allowed':
      return `Not fetched: NHS Social Lens may not reach ${problem.host} until you allow it (use “Get live figures”).`;
    case 'not-askable':
      return `Not fetched: ${problem.detail}.`;
    case 'unusable':
      return `${source} sent an answer that could not be used (${problem.detail}).`;
  }
}

const GONE_WORDS = { 'not-found': 'not found', suspended: 'suspended', deactivated: 'deactivated' } as const;

/** "try again in 5 minutes", rounded up, or "try again later" without a time. */
function waitInWords(retryAt: string | undefined, now: Date): string {
  const ms = retryAt === undefined ? Number.NaN : Date.parse(retryAt) - now.getTime();
  if (Number.isNaN(ms)) return 'try again later';
  if (ms <= 0) return 'you can try again now';
  const minutes = Math.ceil(ms / 60_000);
  if (minutes === 1) return 'try again in a minute';
  if (minutes < 90) return `try again in ${minutes} minutes`;
  return `try again in ${Math.round(minutes / 60)} hours`;
}
