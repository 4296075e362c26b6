/**
 * The last time the background read an organisation's own site for the profiles it links to
 * (issue 19): when, which pages, and what came of it. Kept on this machine only, one record per
 * organisation, so that a site is read at most once a week however often the user visits it.
 */
import * as v from 'valibot';

/** A site is read again no sooner than this after the last read, whatever came of it. */
export const SITE_READ_INTERVAL_DAYS = 7;

export const SITE_READ_OUTCOMES = ['found', 'none', 'failed'] as const;

export const StoredSiteReadSchema = v.object({
  organisationId: v.string(),
  /** When the read started (a read that never finished still counts for the week). */
  readAt: v.pipe(v.string(), v.isoTimestamp()),
  /** The host read: the one the user was on. */
  host: v.string(),
  /** The addresses requested, in order (at most the home page and one linked page). */
  pages: v.array(v.string()),
  /** found: profiles were linked; none: the pages read link none; failed: a page could not be read. */
  outcome: v.picklist(SITE_READ_OUTCOMES),
  /** Why a read failed, in words ("timed out", "redirected", "HTTP 404"…). */
  reason: v.optional(v.string()),
  profilesFound: v.number(),
});
export type StoredSiteRead = v.InferOutput<typeof StoredSiteReadSchema>;

/** True when the organisation's site may be read now: never read, or last read a week or more ago. */
export function siteReadDue(last: Pick<StoredSiteRead, 'readAt'> | undefined, now: Date): boolean {
  if (last === undefined) return true;
  const readAt = Date.parse(last.readAt);
  // A date in the future (a clock set back since) must not stop reads for ever.
  return Number.isNaN(readAt) || readAt > now.getTime() || now.getTime() - readAt >= SITE_READ_INTERVAL_DAYS * 86_400_000;
}
