import { detectByHost } from '../detect/detect-by-host';
import { type BadgeAction, showBadge } from './badge';
import type { NslDatabase } from './db';
import { ensureIndexInstalled, organisationsByHost } from './index-store';
import type { Handlers, TabResult } from './messaging';
import type { TabResults } from './tab-results';

export interface BackgroundDeps {
  openDb: () => Promise<NslDatabase>;
  loadBundledIndex: () => Promise<unknown>;
  tabResults: TabResults;
  action: BadgeAction;
  now: () => Date;
}

/**
 * The background's work, apart from wiring to browser events: keeping an index installed,
 * recognising pages, and remembering the result of each tab for the badge and the popup.
 */
export function createBackgroundService(deps: BackgroundDeps) {
  let ready: Promise<NslDatabase> | undefined;
  let installDurationMs: number | undefined;
  /** Opens the database and installs the bundled index once per service-worker life. */
  const database = (): Promise<NslDatabase> => {
    ready ??= (async () => {
      const db = await deps.openDb();
      const before = await db.get('meta', 'installed-index');
      const started = deps.now().getTime();
      const after = await ensureIndexInstalled(db, deps.loadBundledIndex, deps.now);
      if (after.installedAt !== before?.installedAt) installDurationMs = deps.now().getTime() - started;
      return db;
    })().catch((error: unknown) => {
      ready = undefined; // let the next message try again rather than failing forever
      throw error;
    });
    return ready;
  };

  const handlers: Handlers = {
    async 'content-bg-page-visited'({ url }, sender) {
      const tabId = sender.tab?.id;
      if (tabId === undefined) return { recognised: false };
      const db = await database();
      const detection = await detectByHost(url, organisationsByHost(db));
      const meta = await db.get('meta', 'installed-index');
      const result: TabResult =
        detection.candidates.length > 0 && meta
          ? { state: 'recognised', detection, index: { version: meta.indexVersion, generatedAt: meta.generatedAt, sources: meta.sources } }
          : { state: 'not-recognised', url };
      await deps.tabResults.save(tabId, result);
      await showBadge(deps.action, tabId, result);
      return { recognised: result.state === 'recognised' };
    },
    async 'ui-bg-get-index-status'() {
      const db = await database();
      const installed = await db.get('meta', 'installed-index');
      return { ...(installed ? { installed } : {}), ...(installDurationMs === undefined ? {} : { installDurationMs }) };
    },
    async 'ui-bg-get-tab-result'({ tabId }) {
      return deps.tabResults.get(tabId);
    },
  };

  return {
    handlers,
    database,
    /** A tab started loading a new page: forget the old result until the new page reports. */
    async tabNavigated(tabId: number): Promise<void> {
      await deps.tabResults.forget(tabId);
      await showBadge(deps.action, tabId, { state: 'not-recognised' });
    },
    async tabClosed(tabId: number): Promise<void> {
      await deps.tabResults.forget(tabId);
    },
  };
}
