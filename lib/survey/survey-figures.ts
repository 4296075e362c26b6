/**
 * The researcher's answer (issue 29 part 4): the 2014 report's figures, from the user's own
 * survey. Of the organisations surveyed: the share whose own website links at least one account,
 * the share read whose website links none (a fact about the website, never "no social media"),
 * the share not read (unknown, never "none"), and the share linking each platform.
 */
import { PLATFORMS, type Platform } from '../social/platforms';
import type { SurveyResult, SurveyRun } from './survey-state';

export interface SurveyFigures {
  /** Organisations with an outcome, those with no website known included. */
  surveyed: number;
  /** Organisations in the installed index. */
  of: number;
  /** The day the survey started (YYYY-MM-DD). */
  on: string;
  linkAny: number;
  readNone: number;
  notRead: number;
  /** Organisations whose website links an account on each platform, most first; platforms none links are left out. */
  perPlatform: { platform: Platform; organisations: number }[];
}

/** The figures of `run` from its results so far; `indexSize` is how many organisations the index holds. */
export function surveyFigures(run: SurveyRun, results: readonly SurveyResult[], indexSize: number): SurveyFigures {
  const planned = new Set(run.planned.map((p) => p.id));
  let linkAny = 0;
  let readNone = 0;
  let notRead = run.unreadable.length;
  const perPlatform = new Map<Platform, number>();
  for (const r of results) {
    if (r.surveyId !== run.id || !planned.has(r.organisationId)) continue;
    if (r.outcome.kind === 'found') {
      linkAny++;
      for (const platform of new Set(r.outcome.accounts.map((a) => a.platform)))
        perPlatform.set(platform, (perPlatform.get(platform) ?? 0) + 1);
    } else if (r.outcome.kind === 'none') readNone++;
    else notRead++;
  }
  return {
    surveyed: linkAny + readNone + notRead,
    of: indexSize,
    on: run.startedAt.slice(0, 10),
    linkAny,
    readNone,
    notRead,
    perPlatform: PLATFORMS.filter((p) => perPlatform.has(p))
      .map((platform) => ({ platform, organisations: perPlatform.get(platform) ?? 0 }))
      .sort((a, b) => b.organisations - a.organisations),
  };
}
