import { browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../lib/browser/background-service';
import { BUNDLED_INDEX_FILE } from '../lib/browser/bundled-index';
import { openIndexDb } from '../lib/browser/db';
import { dispatch } from '../lib/browser/messaging';
import { readSettings } from '../lib/browser/settings';
import { createTabResults } from '../lib/browser/tab-results';

export default defineBackground(() => {
  // The index is added to the build by a hook in wxt.config.ts, so WXT's list of public paths
  // does not know it: hence the cast.
  const service = createBackgroundService({
    openDb: () => openIndexDb(),
    loadBundledIndex: async () => (await fetch(browser.runtime.getURL(`/${BUNDLED_INDEX_FILE}` as PublicPath))).json(),
    tabResults: createTabResults(browser.storage.session),
    // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
    action: browser.action ?? browser.browserAction,
    now: () => new Date(),
    settings: readSettings,
  });
  const ownOrigin = browser.runtime.getURL('/');

  browser.runtime.onInstalled.addListener(() => void service.database());
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender, browser.runtime.id, ownOrigin, service.handlers));
  browser.tabs.onRemoved.addListener((tabId) => void service.tabClosed(tabId));
});
