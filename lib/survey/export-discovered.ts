/**
 * Gives a survey back (issue 29 part 5a): its results as the JSON lines `nsl accounts discover
 * --out` writes (lib/discover/discover-organisation.ts `Finding`), so that a maintainer's
 * `nsl index build --collected DIR` takes a volunteer's survey unchanged (as
 * `DIR/discovered/<file>`), with the volunteer's date and pages as the sources:
 * - an account line for each account found, with the page that links it;
 * - a "no-link" line for each platform the pages read link no account on (only when pages were
 *   read, as the command does), which is what lets a level say "none" rather than "unknown";
 * - an "error" line for each organisation not read, with the reason in words.
 */
import type { Finding } from '../discover/discover-organisation';
import { PLATFORMS } from '../social/platforms';
import type { SurveyResult, SurveyRun } from './survey-state';

/** The findings of one result, stamped with the day it was read. */
export function findingsOf(result: SurveyResult): Finding[] {
  const checked = result.at.slice(0, 10);
  const ods = result.organisationId;
  const { outcome } = result;
  if (outcome.kind === 'not-read')
    return [{ type: 'error', ods, url: result.host ? `https://${result.host}/` : '', reason: outcome.reason, checked }];
  const findings: Finding[] = [];
  const accounts = outcome.kind === 'found' ? outcome.accounts : [];
  for (const a of accounts)
    findings.push({ type: 'account', ods, platform: a.platform, handle: a.handle, url: a.url, foundOn: a.pageUrl, via: a.via, checked });
  const linked = new Set(accounts.map((a) => a.platform));
  for (const platform of PLATFORMS)
    if (!linked.has(platform)) findings.push({ type: 'no-link', ods, platform, pagesChecked: outcome.pages, checked });
  return findings;
}

/** The file name a survey is exported as: its date first, so `index build` reads surveys oldest first. */
export function discoveredFileName(run: Pick<SurveyRun, 'startedAt'>): string {
  return `${run.startedAt.slice(0, 10)}-your-survey.jsonl`;
}

/** The whole survey as JSON lines, in the plan's order, unreadable organisations included. */
export function surveyToDiscoveredLines(run: SurveyRun, results: ReadonlyMap<string, SurveyResult>): string {
  const lines: string[] = [];
  for (const { id } of run.planned) {
    const result = results.get(id);
    if (result !== undefined) for (const f of findingsOf(result)) lines.push(JSON.stringify(f));
  }
  const day = run.startedAt.slice(0, 10);
  for (const ods of run.unreadable)
    lines.push(JSON.stringify({ type: 'error', ods, url: '', reason: 'no website known', checked: day } satisfies Finding));
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}
