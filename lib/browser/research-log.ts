/**
 * The research log: organisations' pages the researcher visited, kept only when they turned it
 * on, only in this browser, and cleared when they say so.
 */
import { cappedPageUrl } from '../detect/page-url';
import type { ResearchVisit } from '../research-log/research-visit';
import type { NslDatabase } from './db';

/** Enough for months of browsing; beyond it the oldest visits go first. */
export const MAX_RESEARCH_VISITS = 5000;

/** Two reports of one page within this long are one visit (a single-page site reports again on navigation). */
const SAME_VISIT_MS = 60_000;

/** Adds a visit, its address capped as every stored address is (issue 17). */
export async function logVisit(db: NslDatabase, entry: ResearchVisit): Promise<void> {
  const visit = { ...entry, url: cappedPageUrl(entry.url) };
  const tx = db.transaction('visits', 'readwrite');
  const last = await tx.store.openCursor(null, 'prev');
  if (last && last.value.url === visit.url && Date.parse(visit.at) - Date.parse(last.value.at) < SAME_VISIT_MS) return tx.done;
  await tx.store.add(visit);
  const excess = (await tx.store.count()) - MAX_RESEARCH_VISITS;
  if (excess > 0) {
    let cursor = await tx.store.openCursor();
    for (let i = 0; i < excess && cursor; i++) {
      await cursor.delete();
      cursor = await cursor.continue();
    }
  }
  return tx.done;
}

/** The log, newest first. */
export async function readVisits(db: NslDatabase): Promise<ResearchVisit[]> {
  return (await db.getAll('visits')).reverse();
}

/** Empties the log. */
export async function clearVisits(db: NslDatabase): Promise<void> {
  await db.clear('visits');
}
