import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/browser/messaging';
import { readSettings } from '../../lib/browser/settings';
import type { Dashboard } from '../../lib/ui/nsl-dashboard';
import '../../lib/ui/nsl-dashboard';

const dashboard = document.querySelector('nsl-dashboard') as Dashboard;
dashboard.route = location.hash;
window.addEventListener('hashchange', () => {
  dashboard.route = location.hash;
});
// The table's view goes into the address without a history entry per keystroke.
dashboard.addEventListener('nsl-route-change', (event) => {
  history.replaceState(null, '', (event as CustomEvent<{ hash: string }>).detail.hash);
});
void readSettings().then((settings) => {
  dashboard.countedPlatforms = settings.countedPlatforms;
});
dashboard.load = () => sendMessage(browser.runtime, 'ui-bg-get-organisations', {});
