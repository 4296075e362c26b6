/**
 * Adoption levels (docs/adoption-levels.md), after the NHS social-media research: "On the brink of
 * SoMething special?" (NHS Providers with J B McCrea, December 2014) and its 2015 follow-up counted
 * organisations with no social media, those on Twitter and nothing else, and those on several
 * platforms, and set apart organisations that broadcast at people from those that converse.
 */
import type { Organisation } from '../index/schema';
import { PLATFORM_LABELS } from '../social/platform-labels';
import { PLATFORMS, type Platform } from '../social/platforms';

/** No post for this long before it was measured makes an account dormant (the definition). */
export const DORMANT_AFTER_DAYS = 90;
/**
 * At least this share of an organisation's recent posts being replies makes it conversational.
 * The 2014 and 2015 reports drew the distinction without a number; 20% is this project's own
 * threshold (one post in five answering someone), to be revisited with data from the index.
 */
export const CONVERSATIONAL_REPLY_SHARE = 0.2;

/**
 * `one-known-platform`: active on one platform while others are unchecked, so "only" cannot be
 * claimed; `one-platform` needs every other counted platform checked.
 */
export type AdoptionLevel = 'unknown' | 'none' | 'one-known-platform' | 'one-platform' | 'several-platforms';
export type ConversationStyle = 'conversational' | 'broadcaster' | 'unknown';
type PlatformState = 'active' | 'dormant' | 'closed' | 'none' | 'unknown';

export interface Adoption {
  level: AdoptionLevel;
  /** Platforms with an official account in use (or a source saying so), most recent fact first. */
  activePlatforms: Platform[];
  dormantPlatforms: Platform[];
  closedPlatforms: Platform[];
  /** "X and nothing else": the fastest-growing group in 2014. */
  xOnly: boolean;
  style: ConversationStyle;
  /** The level in words, for the popup and the dashboard. */
  label: string;
  /** One line saying what the level means and what it rests on. */
  explanation: string;
}

const DAY_MS = 86_400_000;

/**
 * The adoption level of an organisation from what the index holds. Per platform the newest fact
 * wins (an account, or a source's check); "none" needs every counted platform checked, so an
 * organisation nobody has checked is "unknown", never "none".
 */
export function adoptionOf(org: Organisation, counted: readonly Platform[] = PLATFORMS): Adoption {
  const states = new Map<Platform, PlatformState>(counted.map((p) => [p, platformState(org, p)]));
  const having = (state: PlatformState) => counted.filter((p) => states.get(p) === state);
  const activePlatforms = having('active');
  const dormantPlatforms = having('dormant');
  const closedPlatforms = having('closed');
  const checkedEverywhere = counted.every((p) => states.get(p) !== 'unknown');
  const level: AdoptionLevel =
    activePlatforms.length >= 2
      ? 'several-platforms'
      : activePlatforms.length === 1
        ? checkedEverywhere
          ? 'one-platform'
          : 'one-known-platform'
        : checkedEverywhere
          ? 'none'
          : 'unknown';
  const style = conversationStyle(org, activePlatforms);
  const xOnly = level === 'one-platform' && activePlatforms[0] === 'x';
  return {
    level,
    activePlatforms,
    dormantPlatforms,
    closedPlatforms,
    xOnly,
    style,
    label: labelOf(level, xOnly),
    explanation: explanationOf(level, officialAccountsOn(activePlatforms), dormantPlatforms, closedPlatforms, style),
  };
}

function platformState(org: Organisation, platform: Platform): PlatformState {
  const facts: { date: string; state: PlatformState }[] = [];
  for (const account of org.accounts) {
    if (account.platform !== platform || account.verification !== 'official') continue;
    facts.push({ date: account.metrics?.measuredAt ?? account.checked, state: accountState(account) });
  }
  for (const check of org.platformChecks) {
    if (check.platform !== platform) continue;
    const state: PlatformState = check.result === 'no-account' ? 'none' : check.result === 'account-unnamed' ? 'active' : check.result;
    facts.push({ date: check.checked, state });
  }
  if (facts.length === 0) return 'unknown';
  // Newest fact first; on the same date an active account outranks a check that found none.
  const rank: Record<PlatformState, number> = { active: 0, dormant: 1, closed: 2, none: 3, unknown: 4 };
  facts.sort((a, b) => b.date.localeCompare(a.date) || rank[a.state] - rank[b.state]);
  return facts[0]?.state ?? 'unknown';
}

function accountState(account: Organisation['accounts'][number]): PlatformState {
  if (account.state === 'closed') return 'closed';
  if (account.state === 'dormant') return 'dormant';
  const last = account.metrics?.lastPostAt;
  const measured = account.metrics?.measuredAt;
  return last && measured && isDormant(last, measured) ? 'dormant' : 'active';
}

/**
 * The dormant rule, for the index's figures and for live ones (issue 19): no post for more than
 * DORMANT_AFTER_DAYS before the figures were measured.
 */
export function isDormant(lastPostAt: string, measuredAt: string): boolean {
  return Date.parse(measuredAt) - Date.parse(lastPostAt) > DORMANT_AFTER_DAYS * DAY_MS;
}

/**
 * The conversation rule, for an organisation's accounts together or one account's live figures
 * (issue 19): at least CONVERSATIONAL_REPLY_SHARE of the recent posts are replies; no posts, unknown.
 */
export function styleOf(posts: number, replies: number): ConversationStyle {
  if (posts === 0) return 'unknown';
  return replies / posts >= CONVERSATIONAL_REPLY_SHARE ? 'conversational' : 'broadcaster';
}

function conversationStyle(org: Organisation, active: readonly Platform[]): ConversationStyle {
  let posts = 0;
  let replies = 0;
  for (const account of org.accounts) {
    const m = account.metrics;
    if (
      !active.includes(account.platform) ||
      account.verification !== 'official' ||
      m?.posts30d === undefined ||
      m.replyShare30d === undefined
    )
      continue;
    posts += m.posts30d;
    replies += m.replyShare30d * m.posts30d;
  }
  return styleOf(posts, replies);
}

function labelOf(level: AdoptionLevel, xOnly: boolean): string {
  switch (level) {
    case 'unknown':
      return 'Not yet known';
    case 'none':
      return 'No social media found';
    case 'one-known-platform':
      return 'One platform known';
    case 'one-platform':
      return xOnly ? 'One platform: X only' : 'One platform';
    case 'several-platforms':
      return 'Several platforms';
  }
}

/**
 * The level's explanation: what the organisation has (`has`, which the site's evidence words its own
 * way), the level's meaning, and what else is known. An account "in use" is one the index does not
 * know to be closed or dormant: its activity is shown only where it was measured (issue 30).
 */
export function explanationOf(
  level: AdoptionLevel,
  has: string,
  dormant: readonly Platform[],
  closed: readonly Platform[],
  style: ConversationStyle,
): string {
  const extras = [
    dormant.length > 0 ? `no posts for ${DORMANT_AFTER_DAYS} days on ${platformsInWords(dormant)}` : '',
    closed.length > 0 ? `left ${platformsInWords(closed)}` : '',
    style === 'conversational'
      ? 'replies to people often (conversational)'
      : style === 'broadcaster'
        ? 'mostly posts without replying (broadcaster)'
        : '',
  ].filter(Boolean);
  const tail = extras.length > 0 ? `; ${extras.join('; ')}` : '';
  switch (level) {
    case 'unknown':
      return `Not every platform has been checked yet, so this is not the same as having none${tail}.`;
    case 'none':
      return `Every platform was checked and no official account found${tail}.`;
    case 'one-known-platform':
      return `${has}${tail}. “One platform known”: the other platforms have not been checked yet, so it may have more (“One platform” would mean every other one was checked and nothing found).`;
    case 'one-platform':
      return `${has}${tail}. “One platform”: every other platform was checked and no official account found (“One platform known” would mean the others are not yet checked).`;
    case 'several-platforms':
      return `${has}${tail}.`;
  }
}

/** "X (Twitter)", "X (Twitter) and Facebook". */
export function platformsInWords(platforms: readonly Platform[]): string {
  return listInWords(platforms.map((p) => PLATFORM_LABELS[p]));
}

/** "Has an official account on X (Twitter)", "Has official accounts on X (Twitter) and Facebook". */
export function officialAccountsOn(platforms: readonly Platform[]): string {
  return `Has ${platforms.length === 1 ? 'an official account' : 'official accounts'} on ${platformsInWords(platforms)}`;
}

/** "X", "X and Facebook", "X, Facebook and YouTube". */
export function listInWords(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}
