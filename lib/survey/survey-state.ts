/**
 * A survey of the sector from the user's own browser (issue 29): what one is (the organisations
 * chosen, in order, and the politeness settings), what became of each organisation, and the
 * figures of a run in progress. Rules:
 * - each organisation ends in exactly one outcome: accounts found (each with the page that links
 *   it and the time), "read, links no account" (a fact about its website, never "no social
 *   media"), or "not read" with the reason in words;
 * - a result is kept the moment its organisation is done, so a pause, a closed page or a cancel
 *   loses nothing, and an organisation with a result is never read again in the same survey.
 */
import type { ProfileVia } from '../detect/page-signals';
import type { Platform } from '../social/platforms';

/** The politeness settings: at most one request a second to a host, at most 4 hosts at once. */
export interface SurveySettings {
  /** The least time between two requests to one host. */
  hostIntervalMs: number;
  /** Organisations (so hosts) read at once. */
  hostsAtOnce: number;
  /** The longest one organisation's read may take. */
  timeoutMs: number;
  /** The most bytes read of one page; the rest is never downloaded. */
  maxBytes: number;
}

export const DEFAULT_SURVEY_SETTINGS: SurveySettings = { hostIntervalMs: 1000, hostsAtOnce: 4, timeoutMs: 15_000, maxBytes: 2_000_000 };

export type SurveyStatus = 'running' | 'paused' | 'cancelled' | 'finished';

/** One survey as kept: the plan and where it stands (its results are kept one per organisation). */
export interface SurveyRun {
  /** The start time's ISO timestamp, which also names the survey. */
  id: string;
  startedAt: string;
  /** What was chosen, in words ("All organisations", "Trusts in Wales", "12 codes pasted"). */
  chosen: string;
  /** The organisations to read, in order, with the host each is read on. */
  planned: { id: string; host: string }[];
  /** Chosen but never to be read (no website known), counted as "not read" from the start. */
  unreadable: string[];
  settings: SurveySettings;
  status: SurveyStatus;
  /** The last time the status changed or a result came in. */
  updatedAt: string;
}

/** An account an organisation's own website links, with the page that links it and when it was read. */
export interface SurveyAccount {
  platform: Platform;
  handle: string;
  url: string;
  via: ProfileVia;
  /** The page of its own website that links it. */
  pageUrl: string;
}

export type SurveyOutcome =
  | { kind: 'found'; accounts: SurveyAccount[]; pages: string[] }
  | { kind: 'none'; pages: string[] }
  | { kind: 'not-read'; reason: string };

/** What became of one organisation in a survey. */
export interface SurveyResult {
  surveyId: string;
  organisationId: string;
  /** The host read (empty when none is known). */
  host: string;
  /** When the read finished. */
  at: string;
  outcome: SurveyOutcome;
}

/** The outcome in words, for the results table and the export's notes. */
export function outcomeInWords(outcome: SurveyOutcome): string {
  switch (outcome.kind) {
    case 'found':
      return outcome.accounts.length === 1 ? 'Links 1 account' : `Links ${outcome.accounts.length} accounts`;
    case 'none':
      return 'Read, links no account';
    case 'not-read':
      return `Not read: ${outcome.reason}`;
  }
}

export interface SurveyProgress {
  /** Organisations chosen, the unreadable ones included. */
  total: number;
  /** Read, with accounts found or none linked. */
  done: number;
  /** Not read, the unreadable ones included. */
  failed: number;
  left: number;
  /** About how long what is left will take, at the pace so far (or the plan's estimate before any). */
  remainingMs: number;
}

/** The organisations of `run` still to read, in order: those without a result. */
export function leftToRead(run: SurveyRun, results: ReadonlyMap<string, SurveyResult>): SurveyRun['planned'] {
  return run.planned.filter((p) => !results.has(p.id));
}

/**
 * Where a run stands. Time left is the organisations left times the time each has taken since
 * this page started reading (`pace`: the reads and the time since), else the plan's estimate: a
 * figure a user can plan by, not a promise.
 */
export function surveyProgress(
  run: SurveyRun,
  results: ReadonlyMap<string, SurveyResult>,
  pace?: { read: number; elapsedMs: number },
): SurveyProgress {
  let done = 0;
  let failed = run.unreadable.length;
  let readSoFar = 0;
  for (const p of run.planned) {
    const result = results.get(p.id);
    if (result === undefined) continue;
    readSoFar++;
    if (result.outcome.kind === 'not-read') failed++;
    else done++;
  }
  const left = run.planned.length - readSoFar;
  const remainingMs =
    pace && pace.read > 0 && pace.elapsedMs > 0 ? Math.round((pace.elapsedMs / pace.read) * left) : estimateSurveyMs(left, run.settings);
  return { total: run.planned.length + run.unreadable.length, done, failed, left, remainingMs };
}

/** Requests one organisation's read usually makes: robots.txt, the home page, and often one linked page. */
export const REQUESTS_PER_ORGANISATION = 3;

/**
 * About how long reading `count` organisations takes at `settings`: each needs about three
 * requests a host interval apart, and `hostsAtOnce` are read at once.
 */
export function estimateSurveyMs(count: number, settings: Pick<SurveySettings, 'hostIntervalMs' | 'hostsAtOnce'>): number {
  const perOrganisation = REQUESTS_PER_ORGANISATION * Math.max(settings.hostIntervalMs, 300);
  return Math.ceil(count / Math.max(1, settings.hostsAtOnce)) * perOrganisation;
}
