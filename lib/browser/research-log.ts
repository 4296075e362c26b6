/**
 * The research log: organisations' pages the researcher visited, kept only when they turned it
 * on, only in this browser, and cleared when they say so.
 */
import { cappedPageUrl } from '../detect/page-url';
import type { ResearchVisit } from '../research-log/research-visit';
import type { NslDatabase } from './db';

/**
 * Enough for months of browsing (issue 26): when the log holds this many visits it records no
 * new ones (export and clear it to go on), rather than drop older visits for new ones.
 */
export const MAX_RESEARCH_VISITS = 5000;
/**
 * At most this many visits of one organisation (issue 26): a site that floods the log (a page
 * changing its address every few milliseconds) replaces only its own oldest visits, never another
 * organisation's.
 */
export const MAX_VISITS_PER_ORGANISATION = 500;

/** One visit per organisation and page an hour (issue 26): a single-page site reports again on navigation, and a page may reload itself. */
export const SAME_VISIT_MS = 3_600_000;

/**
 * Adds a visit, its address capped as every stored address is (issue 17), unless the log has one
 * of this organisation and page within the hour, or is full; an organisation with
 * MAX_VISITS_PER_ORGANISATION visits loses its own oldest. True when the visit was added.
 */
export async function logVisit(db: NslDatabase, entry: ResearchVisit): Promise<boolean> {
  const visit = { ...entry, url: cappedPageUrl(entry.url) };
  const tx = db.transaction('visits', 'readwrite');
  const done = (added: boolean) => tx.done.then(() => added);
  const last = await tx.store.index('by-page').openCursor(IDBKeyRange.only([visit.organisationId, visit.url]), 'prev');
  if (last && Math.abs(Date.parse(visit.at) - Date.parse(last.value.at)) < SAME_VISIT_MS) return done(false);
  const byOrganisation = tx.store.index('by-organisation');
  if ((await byOrganisation.count(visit.organisationId)) >= MAX_VISITS_PER_ORGANISATION) {
    // Its own oldest (the lowest key) makes room.
    await (await byOrganisation.openCursor(visit.organisationId))?.delete();
  } else if ((await tx.store.count()) >= MAX_RESEARCH_VISITS) return done(false);
  await tx.store.add(visit);
  return done(true);
}

/** The log, newest first. */
export async function readVisits(db: NslDatabase): Promise<ResearchVisit[]> {
  return (await db.getAll('visits')).reverse();
}

/** Empties the log. */
export async function clearVisits(db: NslDatabase): Promise<void> {
  await db.clear('visits');
}
