import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/browser/messaging';
import type { Popup } from '../../lib/ui/nsl-popup';
import '../../lib/ui/nsl-popup';

/** `popup.html?tab=<id>` shows a given tab (tests, the dashboard); otherwise the active tab. */
async function tabToShow(): Promise<number | undefined> {
  const requested = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  if (Number.isInteger(requested)) return requested;
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

const popup = document.querySelector('nsl-popup') as Popup;
popup.load = async () => {
  const tabId = await tabToShow();
  return tabId === undefined ? { state: 'not-recognised' } : sendMessage(browser.runtime, 'ui-bg-get-tab-result', { tabId });
};
