import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../lib/browser/messaging';

/**
 * Runs only where a match is possible (`*.nhs.uk`), once the page is idle: it tells the
 * background which page this is and is done. No index, no UI, no listeners on the page.
 */
export default defineContentScript({
  matches: ['*://*.nhs.uk/*'],
  runAt: 'document_idle',
  main(ctx) {
    const report = () => void sendMessage(browser.runtime, 'content-bg-page-visited', { url: location.href }).catch(() => undefined);
    report();
    // Single-page sites change the address without loading a page.
    ctx.addEventListener(window, 'wxt:locationchange', report);
  },
});
