/**
 * "Seen by you" (issue 19 part 6): the organisations whose own websites this browser saw, with
 * the accounts those sites link to and the live figures the user asked for, as a layer of its own
 * beside the index. Built from the records the background keeps on this device (sightings, site
 * reads, live answers and their daily points), never from the index alone. Rules:
 * - the level of a seen organisation is the popup's: the index's record with what its own site
 *   links to (`siteEvidence`, `adoptionWithSite`), so "not yet known" never becomes "none" through
 *   a site that links nothing;
 * - a profile the index lists as another organisation's official account is not this one's;
 * - every figure keeps the page (or profile) and the date it rests on.
 */
import type { LivePlatform, MeasuredAnswer } from '../collect/live-figures';
import type { StoredSighting } from '../detect/stored-sighting';
import type { StoredSiteRead } from '../detect/stored-site-read';
import type { Organisation } from '../index/schema';
import { adoptionWithSite, levelInWords, officialOwnersIn, siteEvidence, withoutOthersAccounts } from '../metrics/site-evidence';
import type { Platform } from '../social/platforms';
import { accountKey } from '../social/profile-url';
import { type DashboardRow, dashboardRow } from './rows';

/** One account's last live figures, as the background keeps them (`liveAnswers`). */
export interface LiveRecord {
  key: string;
  platform: LivePlatform;
  handle: string;
  /** The last figures read; absent when every attempt failed. */
  good?: MeasuredAnswer;
}

/** One follower count a day per account, from the user's own requests (`livePoints`). */
export interface LivePointRecord {
  key: string;
  /** YYYY-MM-DD (UTC). */
  day: string;
  followers: number;
}

/** The user's own records, as the background hands them to the dashboard. */
export interface SeenRecords {
  sightings: readonly StoredSighting[];
  siteReads: readonly StoredSiteRead[];
  live: readonly LiveRecord[];
  points: readonly LivePointRecord[];
}

/** Why a site's link is shown but not counted, in words. */
export type NotCountedWords = 'shared site' | 'the index says it stopped';

/** One account of a seen organisation: linked from its own site, measured live, or both. */
export interface SeenAccount {
  key: string;
  platform: Platform;
  handle: string;
  url: string;
  /** The index lists it as the organisation's official account. */
  inIndex: boolean;
  /** Where and when this browser saw the organisation's own site link it. */
  site?: { pageUrl: string; firstSeen: string; lastSeen: string; notCounted?: NotCountedWords; source?: string };
  /** The last live figures read (the user asked for them). */
  live?: MeasuredAnswer;
  /** Followers one point a day, oldest first. */
  points: { day: string; followers: number }[];
}

export interface SeenOrganisation {
  id: string;
  name: string;
  /** The level over the index and its own site, as the charts and the "then and now" row count it. */
  row: DashboardRow;
  /** "Several platforms, from its own website". */
  levelInWords: string;
  /** The accounts its own site links to, and those with live figures. */
  accounts: SeenAccount[];
  /** The last read of its home page by the background (when a page linked nothing). */
  siteRead?: StoredSiteRead;
  /** The first and the last observation (ISO timestamps). */
  firstSeen: string;
  lastSeen: string;
  /** Followers summed over its accounts with live figures; absent when none was measured (never 0). */
  liveFollowers?: number;
  liveAccounts: number;
}

export interface SeenLayer {
  /** By name. */
  organisations: SeenOrganisation[];
  /** Their rows, for the charts and the "then and now" table. */
  rows: DashboardRow[];
  /** The first and the last observation over every organisation; absent when nothing was seen. */
  firstSeen?: string;
  lastSeen?: string;
}

const earliest = (dates: readonly string[]) => dates.reduce<string | undefined>((a, d) => (a === undefined || d < a ? d : a), undefined);
const latest = (dates: readonly string[]) => dates.reduce<string | undefined>((a, d) => (a === undefined || d > a ? d : a), undefined);
const byName = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });

/** The layer from the index's organisations and the user's records; `counted` platforms as the user set them. */
export function seenByYou(organisations: readonly Organisation[], records: SeenRecords, counted?: readonly Platform[]): SeenLayer {
  const byId = new Map(organisations.map((o) => [o.id, o]));
  const sightings = withoutOthersAccounts(records.sightings, officialOwnersIn(organisations));
  const reads = new Map(records.siteReads.map((r) => [r.organisationId, r]));
  const live = new Map(records.live.map((r) => [r.key, r]));
  const points = new Map<string, { day: string; followers: number }[]>();
  for (const p of records.points) points.set(p.key, [...(points.get(p.key) ?? []), { day: p.day, followers: p.followers }]);

  // Seen: its own site was read or seen linking a profile, or the user asked for live figures of one of its official accounts.
  const seenIds = new Set([...sightings.map((s) => s.organisationId), ...reads.keys()]);
  for (const org of organisations)
    if (org.accounts.some((a) => a.verification === 'official' && live.has(accountKey(a.platform, a.handle)))) seenIds.add(org.id);

  const seen: SeenOrganisation[] = [];
  for (const id of seenIds) {
    const org = byId.get(id);
    // A record about an organisation the installed index no longer holds cannot be placed: left out.
    if (org === undefined) continue;
    const evidence = siteEvidence(org, sightings);
    const adoption = adoptionWithSite(org, evidence, counted);
    const accounts: SeenAccount[] = [];
    for (const r of [...evidence.rows, ...evidence.unverified]) {
      const answer = live.get(r.key);
      if (r.site === undefined && answer === undefined) continue;
      accounts.push({
        key: r.key,
        platform: r.platform,
        handle: r.handle,
        url: r.url,
        inIndex: r.index?.verification === 'official',
        ...(r.site
          ? {
              site: {
                pageUrl: r.site.pageUrl,
                firstSeen: r.site.firstSeen,
                lastSeen: r.site.lastSeen,
                ...(r.site.source ? { source: r.site.source } : {}),
                ...(r.notCounted
                  ? { notCounted: r.notCounted.reason === 'shared-site' ? 'shared site' : 'the index says it stopped' }
                  : {}),
              },
            }
          : {}),
        ...(answer?.good ? { live: answer.good } : {}),
        points: (points.get(r.key) ?? []).sort((a, b) => a.day.localeCompare(b.day)),
      } satisfies SeenAccount);
    }
    const read = reads.get(id);
    const dates = [
      ...accounts.flatMap((a) => [a.site?.firstSeen, a.site?.lastSeen, a.live?.at]),
      read?.readAt,
      // An earlier day's point is known to the day only: the day's start stands for it. The last
      // answer's own day is dated by the answer's time (a later hour would move "last observed").
      ...accounts.flatMap((a) => a.points.filter((p) => p.day !== a.live?.at.slice(0, 10)).map((p) => `${p.day}T00:00:00.000Z`)),
    ].filter((d): d is string => d !== undefined);
    const firstSeen = earliest(dates);
    const lastSeen = latest(dates);
    if (firstSeen === undefined || lastSeen === undefined) continue;
    const measured = accounts.filter((a) => a.live?.figures.followers !== undefined);
    const row = { ...dashboardRow(evidence.view, counted), levelLabel: levelInWords(adoption) };
    seen.push({
      id,
      name: org.name,
      row,
      levelInWords: levelInWords(adoption),
      accounts,
      ...(read ? { siteRead: read } : {}),
      firstSeen,
      lastSeen,
      ...(measured.length > 0 ? { liveFollowers: measured.reduce((sum, a) => sum + (a.live?.figures.followers ?? 0), 0) } : {}),
      liveAccounts: measured.length,
    });
  }
  seen.sort((a, b) => byName.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const firstSeen = earliest(seen.map((o) => o.firstSeen));
  const lastSeen = latest(seen.map((o) => o.lastSeen));
  return {
    organisations: seen,
    rows: seen.map((o) => o.row),
    ...(firstSeen ? { firstSeen } : {}),
    ...(lastSeen ? { lastSeen } : {}),
  };
}

/**
 * The index's rows with the "Seen by you" level of each organisation this browser saw (issue 30):
 * the table, its downloads and the popup then give the same answer for the same basis, each saying
 * whose it is. Rows not seen are the same objects, so nothing is copied for 10,000 organisations.
 */
export function withSeenLevels(rows: readonly DashboardRow[], layer: SeenLayer | undefined): DashboardRow[] {
  if (layer === undefined || layer.organisations.length === 0) return [...rows];
  const seen = new Map(layer.organisations.map((o) => [o.id, o]));
  return rows.map((row) => {
    const org = seen.get(row.id);
    return org ? { ...row, seen: { level: org.row.level, label: org.levelInWords, lastSeen: org.lastSeen } } : row;
  });
}
