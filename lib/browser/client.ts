/**
 * The one client every extension page uses (issue 18): one method per `ui-bg-…` message of
 * MessageMap, typed end to end, so no page names a message or builds an envelope; and the few
 * things pages do themselves (their settings, the browser's leave to read a site, the tab the
 * popup shows). Dark Reader's Connector is the model; unit tests pass a mock
 * (tests/support/mock-client.ts) to the elements, which take a narrow `Pick` of `PageClient`.
 * The pages' own client is made in page-client.ts, which reads the build's constants.
 */

import type { StoredCorrection } from '../corrections/stored-correction';
import type { Settings } from '../settings';
import type { SurveyOutcome, SurveySettings } from '../survey/survey-state';
import { type MessageMap, type MessageSender, type Request, type Response, sendMessage, type TabResult } from './messaging';

/** The messages extension pages send the background. */
export type UiMessageType = Extract<keyof MessageMap, `ui-bg-${string}`>;

/** `get-index-status` → `getIndexStatus`. */
type CamelCase<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<CamelCase<Tail>>}` : S;

/** The client method a message becomes: `ui-bg-get-index-status` → `getIndexStatus`. */
export type MethodOf<T extends UiMessageType> = T extends `ui-bg-${infer Name}` ? CamelCase<Name> : never;

/** A request without fields is not written at all: `client.getIndexStatus()`. */
type Call<T extends UiMessageType> =
  Request<T> extends Record<string, never> ? () => Promise<Response<T>> : (request: Request<T>) => Promise<Response<T>>;

/** One typed method per `ui-bg-…` message, derived from MessageMap: a new message is a new method. */
export type BackgroundClient = { [T in UiMessageType as MethodOf<T>]: Call<T> };

/** Each method's message; the compiler checks every pair and that none is missing. */
const MESSAGES: { [T in UiMessageType as MethodOf<T>]: T } = {
  getIndexStatus: 'ui-bg-get-index-status',
  refreshIndex: 'ui-bg-refresh-index',
  rollbackIndex: 'ui-bg-rollback-index',
  getOrganisations: 'ui-bg-get-organisations',
  getTabResult: 'ui-bg-get-tab-result',
  getOrganisation: 'ui-bg-get-organisation',
  saveCorrection: 'ui-bg-save-correction',
  listCorrections: 'ui-bg-list-corrections',
  deleteCorrection: 'ui-bg-delete-correction',
  markCorrectionsExported: 'ui-bg-mark-corrections-exported',
  recordObservedFollowers: 'ui-bg-record-observed-followers',
  getResearchLog: 'ui-bg-get-research-log',
  clearResearchLog: 'ui-bg-clear-research-log',
  deleteAllData: 'ui-bg-delete-all-data',
  importCorrections: 'ui-bg-import-corrections',
  getLiveFigures: 'ui-bg-get-live-figures',
  getSeenByYou: 'ui-bg-get-seen-by-you',
  getSurvey: 'ui-bg-get-survey',
  startSurvey: 'ui-bg-start-survey',
  saveSurveyResult: 'ui-bg-save-survey-result',
  setSurveyStatus: 'ui-bg-set-survey-status',
};

/** The background client over `runtime` (the polyfill's or the browser's own `runtime`). */
export function createBackgroundClient(runtime: MessageSender): BackgroundClient {
  const client: Record<string, (request?: Request<UiMessageType>) => Promise<unknown>> = {};
  for (const [method, type] of Object.entries(MESSAGES)) client[method] = (request = {}) => sendMessage(runtime, type, request);
  // The loop gave each method its own message (checked in MESSAGES above); TypeScript cannot follow a loop over keys.
  return client as unknown as BackgroundClient;
}

/** The tab the popup shows, and its address when the browser revealed it. */
export interface TabToShow {
  tabId: number;
  url?: string;
}

/** What an extension page asks of the extension: the background's messages, and what pages do themselves. */
export interface PageClient extends BackgroundClient {
  /** The user's settings (extension storage), with defaults for anything an older version lacked. */
  readSettings(): Promise<Settings>;
  saveSettings(settings: Settings): Promise<void>;
  /** Back to the defaults ("Delete all my data"). */
  resetSettings(): Promise<void>;
  /**
   * Asks the browser's leave to read from `origin`: only on the user's click (setting a source,
   * "Get live figures"), and only that host.
   */
  requestHost(origin: string): Promise<boolean>;
  /** Whether the browser already lets the extension read from `origin` (asks nothing). */
  hasHost(origin: string): Promise<boolean>;
  /** Gives back the browser's leave to read from `origin` (the settings' "Take back": issue 30). */
  removeHost(origin: string): Promise<boolean>;
  /**
   * The survey's reader (issue 29), run by the dashboard page itself: reads one host by the
   * survey's rules, politely (one request a second to a host, shared by every call with the same settings).
   */
  surveyReader(settings: SurveySettings): (host: string) => Promise<SurveyOutcome>;
  /**
   * Live figures' own leave (issue 26): asks the browser for a platform's host on the user's
   * click and remembers it as granted for live figures; never for a host the extension reads from install.
   */
  requestLiveHost(origin: string): Promise<boolean>;
  /** Whether the user granted `origin` for live figures and the browser still allows it (asks nothing). */
  hasLiveHost(origin: string): Promise<boolean>;
  /** This release's version, from the manifest. */
  extensionVersion(): string;
  /** The project's repository for prefilled issues: the user's, else the one this release was built with; empty when neither. */
  repositoryUrl(): Promise<string>;
  /** The active tab, whose address the browser reveals only because the user clicked the toolbar button (activeTab). */
  activeTab(): Promise<TabToShow | undefined>;
  /** Opt-in: the follower count the tab's profile page shows, kept on this device as "observed by you". */
  observeFollowers(
    tabId: number,
    result: TabResult,
    settings: Pick<Settings, 'recordObservedFollowers'>,
  ): Promise<StoredCorrection | undefined>;
}
