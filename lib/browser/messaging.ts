/**
 * The one message protocol between the extension's contexts: extension pages ask the background
 * (`ui-bg-…`). Web pages never talk to the background: it reads the pages it needs itself
 * (lib/browser/page-reader.ts, issue 22), so there is no content script and no message from one.
 * Every context imports these types, so a payload or response can never drift out of shape.
 */

import type { LiveAccount, LiveFiguresState } from '../collect/live-figures';
import type { CorrectionView, SaveResult, StoredCorrection } from '../corrections/stored-correction';
import type { StoredSighting } from '../detect/stored-sighting';
import type { StoredSiteRead } from '../detect/stored-site-read';
import type { Detection } from '../detect/types';
import type { IndexSource, Organisation } from '../index/schema';
import type { SectorContext } from '../metrics/sector-context';
import type { RefreshOutcome } from '../refresh/refresh-outcome';
import type { ResearchVisit } from '../research-log/research-visit';
import type { Platform } from '../social/platforms';
import type { SurveyResult, SurveyRun, SurveyStatus } from '../survey/survey-state';
import type { InstalledIndexMeta, RefreshStatus, StoredLiveAnswer, StoredLivePoint } from './db';

/** What the popup shows for one tab. */
export type TabResult =
  | {
      state: 'recognised';
      detection: Detection;
      /** The site "Don't run on this site" switches off (never a zone such as nhs.uk), when there is one. */
      site?: string;
      /** Profiles this browser saw linked from the candidates' own sites (kept locally only). */
      sightings: StoredSighting[];
      /** Where each candidate's measured followers stand among its peers, per platform. */
      context: SectorContextLine[];
      /** The user's own checked corrections about the candidates, not yet in the index (when they want them shown). */
      ownCorrections: StoredCorrection[];
      index: { version: number; generatedAt: string; sources: IndexSource[] };
    }
  | {
      state: 'not-recognised';
      url?: string;
      /** The site "Don't run on this site" switches off (never a zone such as nhs.uk), when there is one. */
      site?: string;
    }
  /** The user switched the extension off on this site: nothing was looked up. */
  | { state: 'disabled'; url: string; site: string };

export interface SectorContextLine extends SectorContext {
  organisationId: string;
}

/** The installed index as extension pages see it. */
export interface InstalledIndexView {
  organisations: Organisation[];
  sightings: StoredSighting[];
  index: { version: number; generatedAt: string; sources: IndexSource[] };
}

/** The user's own records behind the dashboard's "Seen by you" layer (issue 19), besides the sightings. */
export interface SeenByYouView {
  siteReads: StoredSiteRead[];
  live: StoredLiveAnswer[];
  points: StoredLivePoint[];
}

export interface IndexStatus {
  installed?: InstalledIndexMeta;
  /** Set when this service worker installed an index: how long reading, checking and writing it took. */
  installDurationMs?: number;
  refresh?: RefreshStatus;
  /** The published copy's folder URL; empty when none is set. */
  source?: string;
  /** False when there is no earlier index, or it is older than the bundled one (the floor). */
  canRollBack?: boolean;
}

export interface MessageMap {
  /** Extension pages ask which index is installed (and how long this worker took to install it). */
  'ui-bg-get-index-status': { request: Record<string, never>; response: IndexStatus };
  /** "Update now": check the published copy at once. */
  'ui-bg-refresh-index': { request: Record<string, never>; response: RefreshOutcome };
  /** "Roll back": put back the index installed before the current one. */
  'ui-bg-rollback-index': { request: Record<string, never>; response: { rolledBack: boolean; indexVersion?: number; reason?: string } };
  /** The dashboard asks for the whole installed index (and this browser's sightings). */
  'ui-bg-get-organisations': { request: Record<string, never>; response: InstalledIndexView };
  /**
   * The popup asks what the extension found for a tab. `url` is given when the user opened the
   * popup on that tab (activeTab), so pages the background does not read (a social profile) are looked up too.
   */
  'ui-bg-get-tab-result': { request: { tabId: number; url?: string }; response: TabResult };
  /** The correction form asks for the organisation a correction is about, and what this browser saw it link to. */
  'ui-bg-get-organisation': { request: { id: string }; response: { organisation?: Organisation; sightings: StoredSighting[] } };
  /** Saves what was typed; `submit` checks it too (a valid draft becomes ready to send). */
  'ui-bg-save-correction': { request: { record: StoredCorrection; submit: boolean }; response: SaveResult };
  'ui-bg-list-corrections': { request: Record<string, never>; response: { corrections: CorrectionView[] } };
  'ui-bg-delete-correction': { request: { id: string }; response: { deleted: boolean } };
  /** The user sent these corrections (file, clipboard or issue). */
  'ui-bg-mark-corrections-exported': { request: { ids: string[] }; response: { marked: number } };
  /**
   * The follower count an organisation's own profile page showed the user (opt-in), kept as a
   * draft correction "observed by you on <date>".
   */
  'ui-bg-record-observed-followers': {
    request: { organisationId: string; platform: Platform; handle: string; pageUrl: string; followers: number; approximate: boolean };
    response: { record?: StoredCorrection };
  };
  'ui-bg-get-research-log': { request: Record<string, never>; response: { visits: ResearchVisit[] } };
  'ui-bg-clear-research-log': { request: Record<string, never>; response: { cleared: true } };
  /** "Delete all my data": sightings, corrections, the research log and per-tab results (the index stays). */
  'ui-bg-delete-all-data': { request: Record<string, never>; response: { deleted: true } };
  /** Imports corrections from a settings-and-corrections file the user confirmed. */
  'ui-bg-import-corrections': { request: { records: StoredCorrection[] }; response: { imported: number } };
  /**
   * Live figures for one Bluesky or Mastodon account (issue 19): what is kept (`fetch: false`), or
   * the platform's public API asked now (`fetch: true`, unless an answer under a day old is kept).
   */
  'ui-bg-get-live-figures': { request: { account: LiveAccount; fetch: boolean }; response: LiveFiguresState };
  /** The dashboard's "Seen by you" layer (issue 19): the home-page reads and live figures kept on this device. */
  'ui-bg-get-seen-by-you': { request: Record<string, never>; response: SeenByYouView };
  /** The dashboard's survey of the sector (issue 29): the one kept, with every result so far. */
  'ui-bg-get-survey': { request: Record<string, never>; response: SurveyView };
  /** Starts a new survey: the one kept before, and its results, are replaced. */
  'ui-bg-start-survey': { request: { run: SurveyRun }; response: SurveyView };
  /** Keeps one organisation's result, the moment it is known; a second result for it is refused (nothing is read twice). */
  'ui-bg-save-survey-result': { request: { result: SurveyResult }; response: { saved: boolean } };
  /** Pause, resume, cancel or finish: the status of the survey `id`. */
  'ui-bg-set-survey-status': { request: { id: string; status: SurveyStatus }; response: SurveyView };
}

/** The survey kept on this device (none before the first), and its results. */
export interface SurveyView {
  run?: SurveyRun;
  results: SurveyResult[];
}

export type MessageType = keyof MessageMap;
export type Request<T extends MessageType> = MessageMap[T]['request'];
export type Response<T extends MessageType> = MessageMap[T]['response'];

export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Request<T>;
}

/** The part of `runtime` that sending needs: the polyfill's and the browsers' own both fit. */
export interface MessageSender {
  sendMessage(message: unknown): Promise<unknown>;
}

/** Sends a typed request and returns the typed response. */
export async function sendMessage<T extends MessageType>(runtime: MessageSender, type: T, payload: Request<T>): Promise<Response<T>> {
  const envelope: Envelope<T> = { type, payload };
  return (await runtime.sendMessage(envelope)) as Response<T>;
}

/** Who sent a message, as the background sees it: the extension, and the sending page's address. */
export interface SenderInfo {
  id?: string;
  url?: string;
}

export type Handlers = { [T in MessageType]: (payload: Request<T>, sender: SenderInfo) => Promise<Response<T>> };

/** Every message name; the compiler checks it against MessageMap, so none can be forgotten. */
const MESSAGE_TYPES: Record<MessageType, true> = {
  'ui-bg-get-index-status': true,
  'ui-bg-get-organisations': true,
  'ui-bg-get-tab-result': true,
  'ui-bg-refresh-index': true,
  'ui-bg-rollback-index': true,
  'ui-bg-get-organisation': true,
  'ui-bg-save-correction': true,
  'ui-bg-list-corrections': true,
  'ui-bg-delete-correction': true,
  'ui-bg-mark-corrections-exported': true,
  'ui-bg-record-observed-followers': true,
  'ui-bg-get-research-log': true,
  'ui-bg-clear-research-log': true,
  'ui-bg-delete-all-data': true,
  'ui-bg-import-corrections': true,
  'ui-bg-get-live-figures': true,
  'ui-bg-get-seen-by-you': true,
  'ui-bg-get-survey': true,
  'ui-bg-start-survey': true,
  'ui-bg-save-survey-result': true,
  'ui-bg-set-survey-status': true,
};

/** Narrows an unknown message to a known envelope; anything else is ignored by the background. */
export function isEnvelope(message: unknown): message is Envelope {
  return (
    typeof message === 'object' &&
    message !== null &&
    Object.hasOwn(MESSAGE_TYPES, String((message as { type?: unknown }).type)) &&
    typeof (message as { payload?: unknown }).payload === 'object'
  );
}

/**
 * Routes an envelope to its handler after checking the sender: only this extension's own pages
 * may talk to the background.
 */
export function dispatch(
  message: unknown,
  sender: SenderInfo,
  ownId: string,
  ownOrigin: string,
  handlers: Handlers,
): Promise<unknown> | undefined {
  if (!isEnvelope(message) || sender.id !== ownId) return undefined;
  if (!sender.url?.startsWith(ownOrigin)) return undefined;
  const handler = handlers[message.type] as (payload: unknown, sender: SenderInfo) => Promise<unknown>;
  return handler(message.payload, sender);
}
