/**
 * The background's service, apart from wiring to browser events: the database, opened once with
 * an index installed, the one refresh that runs at a time, the handler of every message, each
 * feature answering its own part of the protocol (lib/browser/handlers/, issue 18), and what to
 * make of a page the background read (issue 22).
 */

import type { RefreshOutcome } from '../refresh/refresh-outcome';
import { showBadge } from './badge';
import type { NslDatabase } from './db';
import type { BackgroundContext, BackgroundDeps } from './handlers/context';
import { correctionHandlers } from './handlers/corrections';
import { indexHandlers } from './handlers/installed-index';
import { liveFigureHandlers } from './handlers/live-figures';
import { seenByYouHandlers } from './handlers/seen-by-you';
import { surveyHandlers } from './handlers/survey';
import { tabResultHandlers } from './handlers/tab-results';
import { userDataHandlers } from './handlers/user-data';
import { ensureIndexInstalled } from './index-store';
import type { Handlers } from './messaging';
import { refreshIndex, shouldWait } from './refresh';

/** Creates the background's service: its message handlers and what the browser's events call. */
export function createBackgroundService(deps: BackgroundDeps) {
  let ready: Promise<NslDatabase> | undefined;
  let installDurationMs: number | undefined;
  /** Opens the database and installs the bundled index once per service-worker life. */
  const database = (): Promise<NslDatabase> => {
    ready ??= (async () => {
      const db = await deps.openDb();
      const before = await db.get('meta', 'installed-index');
      const started = deps.now().getTime();
      const after = await ensureIndexInstalled(db, deps.bundledIndexVersion, deps.loadBundledIndex, deps.now);
      if (after.installedAt !== before?.installedAt) installDurationMs = deps.now().getTime() - started;
      return db;
    })().catch((error: unknown) => {
      ready = undefined; // let the next message try again rather than failing forever
      throw error;
    });
    return ready;
  };

  const indexSource = async () => (await deps.settings()).indexSource || deps.refresh.defaultSource;
  /** One refresh at a time: "Update now" during a scheduled refresh waits for it. */
  let running: Promise<RefreshOutcome> | undefined;
  const refreshNow = (): Promise<RefreshOutcome> => {
    running ??= (async () => {
      const db = await database();
      return refreshIndex({ db, ...deps.refresh, source: await indexSource(), now: deps.now });
    })().finally(() => {
      running = undefined;
    });
    return running;
  };

  const ctx: BackgroundContext = { deps, db: database, refreshNow, indexSource, installDurationMs: () => installDurationMs };
  const tabs = tabResultHandlers(ctx);
  // Each group answers only the messages it names, so the compiler finds a handler missing here.
  const handlers: Handlers = {
    ...tabs.handlers,
    ...indexHandlers(ctx),
    ...correctionHandlers(ctx),
    ...userDataHandlers(ctx),
    ...liveFigureHandlers(ctx),
    ...seenByYouHandlers(ctx),
    ...surveyHandlers(ctx),
  };

  return {
    handlers,
    database,
    /** A page the background read (lib/browser/page-reader.ts): recognises it, records what it links to, sets the badge. */
    pageVisited: tabs.pageVisited,
    switchedOff: tabs.switchedOff,
    /** A scheduled refresh: skipped while backing off after failures. */
    async scheduledRefresh(): Promise<RefreshOutcome | undefined> {
      if (await shouldWait(await database(), deps.now())) return undefined;
      return refreshNow();
    },
    async tabClosed(tabId: number): Promise<void> {
      await deps.tabResults.forget(tabId);
    },
    /**
     * The badge setting or the platforms counted changed: every open tab's badge is drawn again
     * from its stored result, at once, rather than on its next page load (issue 30).
     */
    async settingsChanged(): Promise<void> {
      const settings = await deps.settings();
      for (const [tabId, result] of await deps.tabResults.all()) await showBadge(deps.action, tabId, result, settings);
    },
  };
}
