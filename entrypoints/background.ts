import { browser, type PublicPath } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { createBackgroundService } from '../lib/browser/background-service';
import {
  BUNDLED_INDEX_VERSION,
  DEFAULT_INDEX_SOURCE,
  INDEX_PUBLIC_KEY,
  PAGE_MATCHES,
  REFRESH_TIMEOUT_MS,
} from '../lib/browser/build-constants';
import { BUNDLED_INDEX_FILE } from '../lib/browser/bundled-index';
import { openIndexDb } from '../lib/browser/db';
import { welcomeOnInstall } from '../lib/browser/first-run';
import { createLiveHosts } from '../lib/browser/live-hosts';
import { dispatch } from '../lib/browser/messaging';
import { createPageReader, type PageScripting } from '../lib/browser/page-reader';
import { readSettings, settingsItem } from '../lib/browser/settings';
import { readSite, SITE_READER_MAX_BYTES, SITE_READER_TIMEOUT_MS } from '../lib/browser/site-reader';
import { createTabResults } from '../lib/browser/tab-results';
import { pageMatcher, underPagePatterns } from '../lib/detect/pages';
import { isSharedZone } from '../lib/index/host-rules';
import { fromBase64 } from '../lib/refresh/published';
import { REFRESH_SCHEDULES } from '../lib/settings';

const REFRESH_ALARM = 'index-refresh';
/** How long live figures wait for a platform's answer (issue 19). */
const LIVE_TIMEOUT_MS = 15_000;
const TOOLBAR_MENU: Record<string, string> = {
  'open-dashboard': 'Dashboard: every organisation',
  'open-corrections': 'My corrections',
};
const TOOLBAR_MENU_PAGES: Record<string, '/dashboard.html' | '/corrections.html'> = {
  'open-dashboard': '/dashboard.html',
  'open-corrections': '/corrections.html',
};

export default defineBackground(() => {
  // Live figures only from the hosts the user granted for them (issue 26).
  const liveHosts = createLiveHosts(browser.permissions, underPagePatterns(PAGE_MATCHES));
  const service = createBackgroundService({
    openDb: () => openIndexDb(),
    bundledIndexVersion: BUNDLED_INDEX_VERSION,
    // The index is added to the build by a hook in wxt.config.ts, so WXT's list of public paths
    // does not know it: hence the cast.
    loadBundledIndex: async () => (await fetch(browser.runtime.getURL(`/${BUNDLED_INDEX_FILE}` as PublicPath))).json(),
    refresh: {
      fetch: (input, init) => fetch(input, init),
      publicKey: fromBase64(INDEX_PUBLIC_KEY),
      defaultSource: DEFAULT_INDEX_SOURCE,
      extensionVersion: browser.runtime.getManifest().version,
      timeoutMs: REFRESH_TIMEOUT_MS,
    },
    live: {
      fetch: (input, init) => fetch(input, init),
      timeoutMs: LIVE_TIMEOUT_MS,
      hasHost: (origin) => liveHosts.has(origin),
      forgetHosts: () => liveHosts.clear(),
    },
    tabResults: createTabResults(browser.storage.session),
    // Firefox builds are Manifest V2, where the toolbar button is `browserAction`.
    action: browser.action ?? browser.browserAction,
    pagePatterns: PAGE_MATCHES,
    now: () => new Date(),
    settings: () => readSettings(isSharedZone),
    readSite: (host) =>
      readSite(
        {
          fetch: (input, init) => fetch(input, init),
          timeoutMs: SITE_READER_TIMEOUT_MS,
          maxBytes: SITE_READER_MAX_BYTES,
          notPlatformHost: underPagePatterns(PAGE_MATCHES),
        },
        host,
      ),
  });
  const ownOrigin = browser.runtime.getURL('/');
  const pages = createPageReader({
    // The browsers' and the polyfill's `executeScript` take the same injection; their types differ in detail.
    scripting: browser.scripting as unknown as PageScripting,
    readsPage: pageMatcher(PAGE_MATCHES),
    switchedOff: service.switchedOff,
    pageVisited: service.pageVisited,
  });

  /** Keeps the refresh alarm in step with the user's schedule. */
  const schedule = async () => {
    const minutes = REFRESH_SCHEDULES[(await readSettings()).refreshSchedule];
    await browser.alarms.clear(REFRESH_ALARM);
    if (minutes > 0) await browser.alarms.create(REFRESH_ALARM, { periodInMinutes: minutes, delayInMinutes: Math.min(minutes, 60) });
  };

  // The tabs already open on the pages it reads, when installed or the browser starts (lib/browser/page-reader.ts).
  const readOpenTabs = () =>
    browser.tabs
      .query({ url: [...PAGE_MATCHES] })
      .then((tabs) => pages.tabsOpen(tabs))
      .catch(() => undefined);
  browser.runtime.onStartup.addListener(() => void readOpenTabs());
  browser.runtime.onInstalled.addListener((details) => {
    // The welcome page, on a first install only (issue 30).
    void welcomeOnInstall(details, {
      createTab: (properties) => browser.tabs.create(properties),
      getURL: (path) => browser.runtime.getURL(path as PublicPath),
    });
    void service.database();
    void readOpenTabs();
    void schedule();
    // The toolbar button's own menu (right-click): the pages that are not about the current tab.
    const contexts: ['action' | 'browser_action'] = [import.meta.env.MANIFEST_VERSION === 3 ? 'action' : 'browser_action'];
    for (const [id, title] of Object.entries(TOOLBAR_MENU)) browser.contextMenus.create({ id, title, contexts });
  });
  browser.contextMenus.onClicked.addListener((info) => {
    const page = TOOLBAR_MENU_PAGES[String(info.menuItemId)];
    if (page) void browser.tabs.create({ url: browser.runtime.getURL(page) });
  });
  settingsItem.watch((next, previous) => {
    if (next?.refreshSchedule !== previous?.refreshSchedule) void schedule();
    // Open tabs show the badge as the user now wants it, at once (issue 30).
    if (next?.showBadge !== previous?.showBadge || String(next?.countedPlatforms) !== String(previous?.countedPlatforms))
      void service.settingsChanged();
  });
  browser.permissions.onRemoved.addListener((removed) => void liveHosts.removed(removed.origins ?? []));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === REFRESH_ALARM) void service.scheduledRefresh();
  });
  browser.runtime.onMessage.addListener((message, sender) => dispatch(message, sender, browser.runtime.id, ownOrigin, service.handlers));
  // A tab's address reaches the worker only on the hosts it may read (no "tabs" permission). Firefox
  // wakes it only for status and address changes; Chromium has no such filter.
  const tabUpdated = (tabId: number, change: { status?: string; url?: string }, tab: { url?: string; status?: string }) =>
    void pages.tabUpdated(tabId, change, tab);
  if (import.meta.env.FIREFOX) {
    // Firefox's extra argument, which the shared types leave out.
    const onUpdated = browser.tabs.onUpdated as unknown as {
      addListener(listener: typeof tabUpdated, filter: { properties: string[] }): void;
    };
    onUpdated.addListener(tabUpdated, { properties: ['status', 'url'] });
  } else browser.tabs.onUpdated.addListener(tabUpdated);
  browser.tabs.onRemoved.addListener((tabId) => {
    pages.tabClosed(tabId);
    void service.tabClosed(tabId);
  });
});
