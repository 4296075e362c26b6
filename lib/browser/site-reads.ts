/**
 * When a page of an organisation's own site links no profiles (a news article, a form), the
 * background reads the site's home page, and at most one linked page, to find them (issue 19): at
 * most once per organisation a week, and not at all when this browser saw the site link profiles
 * within the week. What it finds becomes sightings like any page's, named by the page they were on.
 */

import { readableHost } from '../detect/site-links';
import { SITE_READ_INTERVAL_DAYS, type StoredSiteRead, siteReadDue } from '../detect/stored-site-read';
import type { Organisation } from '../index/schema';
import type { NslDatabase } from './db';
import { recordSightings } from './sightings';
import type { SiteRead } from './site-reader';

/** Reads `host`'s home page and at most one linked page (site-reader.ts in the extension, a stand-in in tests). */
export type SiteReader = (host: string) => Promise<SiteRead>;

/** The last read of each organisation's site, by organisation. */
export async function lastSiteReads(db: NslDatabase, organisationIds: readonly string[]): Promise<StoredSiteRead[]> {
  const reads = await Promise.all(organisationIds.map((id) => db.get('siteReads', id)));
  return reads.filter((r): r is StoredSiteRead => r !== undefined);
}

async function saveSiteReads(
  db: NslDatabase,
  organisationIds: readonly string[],
  read: Omit<StoredSiteRead, 'organisationId'>,
): Promise<void> {
  const tx = db.transaction('siteReads', 'readwrite');
  await Promise.all([...organisationIds.map((organisationId) => tx.store.put({ ...read, organisationId })), tx.done]);
}

/**
 * Reads the site `pageUrl` is on for `organisations` (those the page belongs to, all matched on
 * their own current domain), when due; records what it finds. True when new profiles were recorded.
 */
export async function readSiteIfDue(
  db: NslDatabase,
  readSite: SiteReader,
  organisations: readonly Organisation[],
  pageUrl: string,
  now: Date,
): Promise<boolean> {
  const host = readableHost(pageUrl, organisations);
  if (host === undefined) return false;
  const ids = organisations.map((o) => o.id);
  const last = await lastSiteReads(db, ids);
  if (last.length === ids.length && !last.some((read) => siteReadDue(read, now))) return false;
  const weekAgo = now.getTime() - SITE_READ_INTERVAL_DAYS * 86_400_000;
  const sightings = (await Promise.all(ids.map((id) => db.getAllFromIndex('sightings', 'by-organisation', id)))).flat();
  if (sightings.some((s) => Date.parse(s.lastSeen) >= weekAgo)) return false;

  // Written before the read, so a read cut short (the worker stopped, the browser closed) still counts for the week.
  const readAt = now.toISOString();
  await saveSiteReads(db, ids, { readAt, host, pages: [], outcome: 'failed', reason: 'not finished', profilesFound: 0 });
  const read = await readSite(host);
  let found = 0;
  for (const page of read.pages) {
    found += page.profiles.length;
    await recordSightings(db, ids, page.url, page.profiles, now);
  }
  await saveSiteReads(db, ids, {
    readAt,
    host,
    pages: read.requested,
    outcome: read.outcome,
    ...(read.reason === undefined ? {} : { reason: read.reason }),
    profilesFound: found,
  });
  return found > 0;
}
