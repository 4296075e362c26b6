import { browser } from 'wxt/browser';
import { sendMessage, type TabResult } from '../../lib/browser/messaging';
import { readSettings, settingsItem } from '../../lib/browser/settings';
import { withSiteDisabled } from '../../lib/settings';
import type { Popup } from '../../lib/ui/nsl-popup';
import '../../lib/ui/nsl-popup';

/**
 * `popup.html?tab=<id>[&url=<address>]` shows a given tab (tests, the dashboard); otherwise the
 * active tab, whose address the browser reveals to the popup only because the user clicked the
 * toolbar button (activeTab).
 */
async function tabToShow(): Promise<{ tabId: number; url?: string } | undefined> {
  const params = new URLSearchParams(location.search);
  const requested = Number.parseInt(params.get('tab') ?? '', 10);
  const url = params.get('url');
  if (Number.isInteger(requested)) return { tabId: requested, ...(url ? { url } : {}) };
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  if (active?.id === undefined) return undefined;
  return { tabId: active.id, ...(active.url ? { url: active.url } : {}) };
}

const popup = document.querySelector('nsl-popup') as Popup;
popup.actions = {
  async setSiteDisabled(site, disabled) {
    const settings = await readSettings();
    await settingsItem.setValue({ ...settings, disabledSites: withSiteDisabled(settings.disabledSites, site, disabled) });
  },
  async hideOwnSuggestions() {
    await settingsItem.setValue({ ...(await readSettings()), showOwnSuggestions: false });
  },
};
popup.load = async () => {
  const settings = await readSettings();
  popup.settings = settings;
  const tab = await tabToShow();
  if (tab === undefined) return { state: 'not-recognised' };
  const result: TabResult = await sendMessage(browser.runtime, 'ui-bg-get-tab-result', tab);
  // Opt-in: the rules and the reader load only for users who turned observed counts on.
  if (settings.recordObservedFollowers) void observeIn(tab.tabId, result);
  return result;
};

async function observeIn(tabId: number, result: TabResult): Promise<void> {
  const [{ observeFollowersInTab }, { readFollowerTexts }] = await Promise.all([
    import('../../lib/browser/observe-followers'),
    import('../../lib/observe/read-follower-text'),
  ]);
  const record = await observeFollowersInTab(tabId, result, popup.settings, {
    readInTab: async (id, rules) =>
      (await browser.scripting.executeScript({ target: { tabId: id }, func: readFollowerTexts, args: [rules] }))[0]?.result,
    record: (observed) => sendMessage(browser.runtime, 'ui-bg-record-observed-followers', observed),
  });
  if (record) popup.observation = record;
}
