import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/browser/messaging';
import { readSettings, settingsItem } from '../../lib/browser/settings';
import type { Options } from '../../lib/ui/nsl-options';
import '../../lib/ui/nsl-options';
import { downloadText } from '../../lib/ui/download';

const options = document.querySelector('nsl-options') as Options;
options.extensionVersion = browser.runtime.getManifest().version;
options.actions = {
  status: () => sendMessage(browser.runtime, 'ui-bg-get-index-status', {}),
  refresh: () => sendMessage(browser.runtime, 'ui-bg-refresh-index', {}),
  rollBack: () => sendMessage(browser.runtime, 'ui-bg-rollback-index', {}),
  readSettings,
  saveSettings: (settings) => settingsItem.setValue(settings),
  // Asked for only when the user sets a source, and only for that host (optional host permissions).
  requestHost: (origin) => browser.permissions.request({ origins: [`${origin}/*`] }),
  listCorrections: async () => (await sendMessage(browser.runtime, 'ui-bg-list-corrections', {})).corrections,
  importCorrections: async (records) => (await sendMessage(browser.runtime, 'ui-bg-import-corrections', { records })).imported,
  async deleteAllData() {
    await sendMessage(browser.runtime, 'ui-bg-delete-all-data', {});
    await settingsItem.removeValue();
  },
  download: downloadText,
  now: () => new Date(),
};
