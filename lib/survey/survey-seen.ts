/**
 * A survey's results in the "Seen by you" layer (issue 29 part 4): each account a surveyed
 * website links becomes a sighting with its page, its time and the source "your survey, <date>",
 * and each organisation read becomes a site read, so the layer, its charts and its exports count
 * the survey beside the user's own visits. A visit's own sighting of the same account stands.
 */
import type { StoredSighting } from '../detect/stored-sighting';
import type { StoredSiteRead } from '../detect/stored-site-read';
import { formatFactDate } from '../format';
import { accountKey } from '../social/profile-url';
import type { SurveyResult, SurveyRun } from './survey-state';

/** "your survey, 1 Dec 2026". */
export const surveySource = (run: Pick<SurveyRun, 'startedAt'>) => `your survey, ${formatFactDate(run.startedAt.slice(0, 10))}`;

/** The records `results` add to the user's own, ready to join them. */
export function surveyAsSeen(
  run: SurveyRun,
  results: readonly SurveyResult[],
): { sightings: StoredSighting[]; siteReads: StoredSiteRead[] } {
  const source = surveySource(run);
  const sightings: StoredSighting[] = [];
  const siteReads: StoredSiteRead[] = [];
  for (const r of results) {
    if (r.surveyId !== run.id) continue;
    const o = r.outcome;
    for (const a of o.kind === 'found' ? o.accounts : [])
      sightings.push({
        organisationId: r.organisationId,
        accountKey: accountKey(a.platform, a.handle),
        platform: a.platform,
        handle: a.handle,
        url: a.url,
        pageUrl: a.pageUrl,
        via: a.via,
        sharedWith: [],
        firstSeen: r.at,
        lastSeen: r.at,
        source,
      });
    siteReads.push({
      organisationId: r.organisationId,
      readAt: r.at,
      host: r.host,
      pages: o.kind === 'not-read' ? [] : o.pages,
      outcome: o.kind === 'not-read' ? 'failed' : o.kind,
      ...(o.kind === 'not-read' ? { reason: o.reason } : {}),
      profilesFound: o.kind === 'found' ? o.accounts.length : 0,
    });
  }
  return { sightings, siteReads };
}

/** The user's records with the survey's joined: a visit's sighting of the same account, and the newer read of a site, stand. */
export function joinSurvey<T extends { sightings: readonly StoredSighting[]; siteReads: readonly StoredSiteRead[] }>(
  records: T,
  survey: { sightings: readonly StoredSighting[]; siteReads: readonly StoredSiteRead[] },
): T {
  const seen = new Set(records.sightings.map((s) => `${s.organisationId} ${s.accountKey}`));
  const reads = new Map(records.siteReads.map((r) => [r.organisationId, r]));
  for (const r of survey.siteReads) {
    const own = reads.get(r.organisationId);
    if (own === undefined || own.readAt < r.readAt) reads.set(r.organisationId, r);
  }
  return {
    ...records,
    sightings: [...records.sightings, ...survey.sightings.filter((s) => !seen.has(`${s.organisationId} ${s.accountKey}`))],
    siteReads: [...reads.values()],
  };
}
