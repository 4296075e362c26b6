/**
 * The client extension pages start with (issue 18): the background's messages, and the settings,
 * permissions and tabs the pages reach themselves. Kept apart from client.ts, whose types the
 * elements import, because it reads the build's constants and the extension's storage.
 */
import type { browser as wxtBrowser } from 'wxt/browser';
import { underPagePatterns } from '../detect/pages';
import { createHostSlots } from '../survey/scheduler';
import { DEFAULT_REPOSITORY_URL, PAGE_MATCHES } from './build-constants';
import { createBackgroundClient, type PageClient } from './client';
import { createLiveHosts } from './live-hosts';
import { readSettings, settingsItem } from './settings';
import { surveyReadSite } from './survey-reader';

/** The client extension pages start with: `mountPage('nsl-options', createPageClient(browser))`. */
export function createPageClient(browser: typeof wxtBrowser): PageClient {
  const background = createBackgroundClient(browser.runtime);
  const liveHosts = createLiveHosts(browser.permissions, underPagePatterns(PAGE_MATCHES));
  return {
    ...background,
    readSettings: () => readSettings(),
    saveSettings: (settings) => settingsItem.setValue(settings),
    resetSettings: () => settingsItem.removeValue(),
    requestHost: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
    hasHost: (origin) => browser.permissions.contains({ origins: [`${origin}/*`] }),
    removeHost: (origin) => browser.permissions.remove({ origins: [`${origin}/*`] }),
    surveyReader(settings) {
      const hasHost = (origin: string) => browser.permissions.contains({ origins: [`${origin}/*`] });
      const slots = createHostSlots(
        { now: () => Date.now(), sleep: (ms) => new Promise((r) => setTimeout(r, ms)) },
        settings.hostIntervalMs,
      );
      // globalThis.fetch from an extension page reaches the hosts the extension may read (issue 29, docs/survey.md).
      const deps = {
        fetch: globalThis.fetch.bind(globalThis),
        hasHost,
        slot: slots.slot,
        timeoutMs: settings.timeoutMs,
        maxBytes: settings.maxBytes,
      };
      return (host) => surveyReadSite(deps, host);
    },
    requestLiveHost: (origin) => liveHosts.request(origin),
    hasLiveHost: (origin) => liveHosts.has(origin),
    extensionVersion: () => browser.runtime.getManifest().version,
    repositoryUrl: async () => (await readSettings()).repositoryUrl || DEFAULT_REPOSITORY_URL,
    async activeTab() {
      const [active] = await browser.tabs.query({ active: true, currentWindow: true });
      if (active?.id === undefined) return undefined;
      return { tabId: active.id, ...(active.url ? { url: active.url } : {}) };
    },
    async observeFollowers(tabId, result, settings) {
      // Opt-in: the rules and the reader load only for users who turned observed counts on.
      const [{ observeFollowersInTab }, { readFollowerTexts }] = await Promise.all([
        import('./observe-followers'),
        import('../observe/read-follower-text'),
      ]);
      return observeFollowersInTab(tabId, result, settings, {
        readInTab: async (id, rules) =>
          (await browser.scripting.executeScript({ target: { tabId: id }, func: readFollowerTexts, args: [rules] }))[0]?.result,
        record: (observed) => background.recordObservedFollowers(observed),
      });
    },
  };
}
