/**
 * The "Seen by you" layer as files (issue 19 part 6): one row per fact, each with the page (or
 * profile) and the date it rests on and where it comes from, so that someone who browses 200
 * trust websites ends with a dated, sourced dataset of their own. CSV with the same field rule as
 * every export (`csvField`: CSV injection, issue 17) and JSON lines. Handles, addresses and
 * reasons come from pages and platforms: they are data, never formulas or markup.
 */
import { liveOrigin } from '../collect/live-figures';
import { PLATFORM_LABELS } from '../social/platform-labels';
import type { Platform } from '../social/platforms';
import { csvField } from './export';
import type { SeenAccount, SeenLayer, SeenOrganisation } from './seen-by-you';

/** What a row states. */
export type SeenFactKind =
  | 'adoption-level'
  | 'site-links-account'
  | 'site-read'
  | 'followers'
  | 'posts-30d'
  | 'reply-share-30d'
  | 'last-post'
  | 'conversation-style';

/** One fact of the layer, with what it rests on. */
export interface SeenFact {
  organisationId: string;
  organisationName: string;
  fact: SeenFactKind;
  platform?: Platform;
  handle?: string;
  accountUrl?: string;
  /** The figure or the code: a number, a level, an outcome. */
  value: string | number;
  /** The fact in words where the value needs them ("not counted: shared site"). */
  detail?: string;
  /** "own website", "live from Bluesky's public API"… */
  source: string;
  /** The page (or the profile, for live figures) the fact was read from. */
  pageUrl: string;
  /** When it was read: an ISO timestamp, or a day (YYYY-MM-DD) for a daily point. */
  observedAt: string;
  /** For a link: when this browser first saw it. */
  firstSeen?: string;
}

export const SOURCE_OWN_WEBSITE = 'own website';
export const SOURCE_HOME_PAGE_READ = 'own website, home page read by NHS Social Lens';
export const SOURCE_LEVEL = 'the index and its own website';

/** "live from Bluesky's public API", "live from mastodon.social's public API". */
export function liveSource(account: Pick<SeenAccount, 'platform' | 'handle'>, recorded?: string): string {
  const { platform, handle } = account;
  const origin = platform === 'bluesky' || platform === 'mastodon' ? liveOrigin({ platform, handle }) : undefined;
  return `live from ${recorded ?? (origin?.ok ? origin.name : PLATFORM_LABELS[platform])}'s public API`;
}

const OUTCOME_WORDS = { found: 'profiles found', none: 'linked no profiles', failed: 'could not be read' } as const;

function accountFacts(org: SeenOrganisation, account: SeenAccount): SeenFact[] {
  const base = {
    organisationId: org.id,
    organisationName: org.name,
    platform: account.platform,
    handle: account.handle,
    accountUrl: account.url,
  };
  const facts: SeenFact[] = [];
  if (account.site)
    facts.push({
      ...base,
      fact: 'site-links-account',
      value: account.site.notCounted ? 'not-counted' : 'counted',
      ...(account.site.notCounted ? { detail: `not counted: ${account.site.notCounted}` } : {}),
      source: SOURCE_OWN_WEBSITE,
      pageUrl: account.site.pageUrl,
      observedAt: account.site.lastSeen,
      firstSeen: account.site.firstSeen,
    });
  const live = account.live;
  if (live) {
    const at = { source: liveSource(account, live.source), pageUrl: account.url, observedAt: live.at };
    const f = live.figures;
    if (f.followers !== undefined) facts.push({ ...base, ...at, fact: 'followers', value: f.followers });
    if (f.posts30d !== undefined) facts.push({ ...base, ...at, fact: 'posts-30d', value: f.posts30d });
    if (f.replyShare30d !== undefined) facts.push({ ...base, ...at, fact: 'reply-share-30d', value: f.replyShare30d });
    if (f.lastPostAt !== undefined)
      facts.push({
        ...base,
        ...at,
        fact: 'last-post',
        value: f.lastPostAt,
        ...(f.dormant ? { detail: 'dormant: no post for 90 days' } : {}),
      });
    if (f.style !== 'unknown') facts.push({ ...base, ...at, fact: 'conversation-style', value: f.style });
  }
  // The user's earlier days: the growth line (the last answer's own day is its followers fact above).
  const answerDay = live?.at.slice(0, 10);
  for (const point of account.points)
    if (point.day !== answerDay)
      facts.push({
        ...base,
        fact: 'followers',
        value: point.followers,
        source: liveSource(account, live?.source),
        pageUrl: account.url,
        observedAt: point.day,
      });
  return facts;
}

/** Every fact of one organisation: its level, its home-page read, then each account's facts. */
function organisationFacts(org: SeenOrganisation): SeenFact[] {
  const base = { organisationId: org.id, organisationName: org.name };
  const latestLink = org.accounts.flatMap((a) => (a.site ? [a.site] : [])).sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))[0];
  const facts: SeenFact[] = [
    {
      ...base,
      fact: 'adoption-level',
      value: org.row.level,
      detail: org.levelInWords,
      source: SOURCE_LEVEL,
      // The page behind the newest link, else the site read, else the organisation's website.
      pageUrl: latestLink?.pageUrl ?? org.siteRead?.pages[0] ?? org.row.website ?? '',
      observedAt: org.lastSeen,
    },
  ];
  const read = org.siteRead;
  if (read)
    facts.push({
      ...base,
      fact: 'site-read',
      value: read.outcome,
      detail: `${OUTCOME_WORDS[read.outcome]}${read.outcome === 'found' ? `: ${read.profilesFound}` : ''}${read.reason ? ` (${read.reason})` : ''}`,
      source: SOURCE_HOME_PAGE_READ,
      pageUrl: read.pages[0] ?? `https://${read.host}/`,
      observedAt: read.readAt,
    });
  return [...facts, ...org.accounts.flatMap((a) => accountFacts(org, a))];
}

/** The layer's facts, organisation by organisation (by name). */
export function seenFacts(layer: SeenLayer): SeenFact[] {
  return layer.organisations.flatMap(organisationFacts);
}

/** The CSV columns, in order (docs/dashboard.md describes each). */
export const SEEN_CSV_COLUMNS = [
  'ods_code',
  'organisation',
  'fact',
  'platform',
  'handle',
  'account_url',
  'value',
  'detail',
  'source',
  'page_url',
  'observed_at',
  'first_seen',
] as const;

function cells(f: SeenFact): string[] {
  return [
    f.organisationId,
    f.organisationName,
    f.fact,
    f.platform ?? '',
    f.handle ?? '',
    f.accountUrl ?? '',
    String(f.value),
    f.detail ?? '',
    f.source,
    f.pageUrl,
    f.observedAt,
    f.firstSeen ?? '',
  ];
}

/** The facts as CSV: a header, one line per fact, CRLF line ends, every field through `csvField`. */
export function seenToCsv(facts: readonly SeenFact[]): string {
  return [SEEN_CSV_COLUMNS.join(','), ...facts.map((f) => cells(f).map(csvField).join(','))].map((line) => `${line}\r\n`).join('');
}

/** The facts as JSON lines: one object a line, `null` for what a fact does not have. */
export function seenToJsonLines(facts: readonly SeenFact[]): string {
  return facts
    .map(
      (f) =>
        `${JSON.stringify({
          odsCode: f.organisationId,
          organisation: f.organisationName,
          fact: f.fact,
          platform: f.platform ?? null,
          handle: f.handle ?? null,
          accountUrl: f.accountUrl ?? null,
          value: f.value,
          detail: f.detail ?? null,
          source: f.source,
          pageUrl: f.pageUrl,
          observedAt: f.observedAt,
          firstSeen: f.firstSeen ?? null,
        })}\n`,
    )
    .join('');
}
