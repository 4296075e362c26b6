import type { Sighting as DetectSighting, SightingsLookup } from '../detect/detect';
import type { PageProfile } from '../detect/page-signals';
import { cappedPageUrl } from '../detect/page-url';
import type { StoredSighting } from '../detect/stored-sighting';
import { officialOwnersIn, withoutOthersAccounts } from '../metrics/site-evidence';
import { accountKey } from '../social/profile-url';
import type { NslDatabase } from './db';
import { getOrganisation } from './index-store';

/** At most this many distinct profiles are kept per organisation, so a hostile page cannot fill the disk. */
const MAX_SIGHTINGS_PER_ORGANISATION = 60;

/**
 * Records the profiles an organisation's own page links to. `organisationIds` are every
 * organisation the page belongs to: on a shared group site each is recorded with the others named.
 */
export async function recordSightings(
  db: NslDatabase,
  organisationIds: readonly string[],
  pageUrl: string,
  profiles: readonly PageProfile[],
  now: Date,
): Promise<void> {
  // Read before the transaction opens: nothing unrelated is awaited inside one.
  const kept = await withoutIndexHostAccounts(db, profiles);
  if (kept.length === 0 || organisationIds.length === 0) return;
  const when = now.toISOString();
  const tx = db.transaction('sightings', 'readwrite');
  const writes: Promise<unknown>[] = [];
  for (const organisationId of organisationIds) {
    const existingCount = await tx.store.index('by-organisation').count(organisationId);
    let room = MAX_SIGHTINGS_PER_ORGANISATION - existingCount;
    for (const profile of kept) {
      const key = accountKey(profile.platform, profile.handle);
      const previous = await tx.store.get([organisationId, key]);
      if (previous === undefined && room-- <= 0) continue;
      const sighting: StoredSighting = {
        organisationId,
        accountKey: key,
        platform: profile.platform,
        handle: profile.handle,
        // Both addresses capped, as every stored address is (issue 17).
        url: cappedPageUrl(profile.url),
        pageUrl: cappedPageUrl(pageUrl),
        via: profile.via,
        sharedWith: organisationIds.filter((id) => id !== organisationId),
        firstSeen: previous?.firstSeen ?? when,
        lastSeen: when,
      };
      writes.push(tx.store.put(sighting));
    }
  }
  await Promise.all([...writes, tx.done]);
}

/**
 * The profiles without any Mastodon account on a host that is, or is under, a domain of the
 * installed index (issue 26): an NHS organisation's own site is never a social platform, so live
 * figures are never asked of it. The rules that classify links refuse these already when they are
 * given the hosts (profile-url.ts, page-signals.ts); the index may have gained domains since the build.
 */
async function withoutIndexHostAccounts(db: NslDatabase, profiles: readonly PageProfile[]): Promise<PageProfile[]> {
  const kept: PageProfile[] = [];
  for (const profile of profiles) {
    if (profile.platform !== 'mastodon' || !URL.canParse(profile.url)) {
      kept.push(profile);
      continue;
    }
    if (!(await isIndexHost(db, new URL(profile.url).hostname))) kept.push(profile);
  }
  return kept;
}

/** Whether `hostname`, or a domain above it, is an organisation's (or a predecessor's) domain in the installed index. */
export async function isIndexHost(db: NslDatabase, hostname: string): Promise<boolean> {
  const labels = hostname.toLowerCase().split('.');
  for (let i = 0; i < labels.length - 1; i++)
    if ((await db.countFromIndex('organisations', 'by-host', labels.slice(i).join('.'))) > 0) return true;
  return false;
}

/**
 * Every profile seen linked from these organisations' sites, except those the index lists as
 * another organisation's official account (a trust's footer linking NHS England's: issue 19).
 */
export async function sightingsFor(db: NslDatabase, organisationIds: readonly string[]): Promise<StoredSighting[]> {
  const lists = await Promise.all(organisationIds.map((id) => db.getAllFromIndex('sightings', 'by-organisation', id)));
  const sightings = lists.flat();
  const keys = [...new Set(sightings.map((s) => s.accountKey))];
  const listing = await Promise.all(keys.map((key) => db.getAllFromIndex('organisations', 'by-account', key)));
  return withoutOthersAccounts(sightings, officialOwnersIn(listing.flat()));
}

/** Answers "which organisation's site linked this account?" for recognising social profiles. */
export function sightingsLookup(db: NslDatabase): SightingsLookup {
  return async (key) => {
    const sightings = await db.getAllFromIndex('sightings', 'by-account', key);
    const found: DetectSighting[] = [];
    for (const sighting of sightings) {
      const organisation = await getOrganisation(db, sighting.organisationId);
      if (organisation) found.push({ organisation, pageHost: new URL(sighting.pageUrl).hostname });
    }
    return found;
  };
}
