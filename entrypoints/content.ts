import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { sendMessage } from '../lib/browser/messaging';
import { pageLinks } from '../lib/detect/page-links';
import { NHS_UK_MATCHES } from '../lib/detect/pages';
import { showPageFlag } from '../lib/ui/page-flag';

/**
 * Runs only where a match is possible (`*.nhs.uk` here; the build adds the index's other domains
 * and CQC's provider pages; lib/detect/pages.ts lists them all), once the page is idle: it tells
 * the background which page this is and which links on it may be social profiles (picked by the
 * browser's selector engine; the background applies the rules: issue 22), in one message, and is
 * done. No index, no URL parsing, no UI, no observers.
 */
export default defineContentScript({
  // WXT imports this file at build time (vite-node) to read the options, so an imported list works.
  matches: NHS_UK_MATCHES,
  runAt: 'document_idle',
  // Don't announce the extension to the page's own message listeners (WXT's future default).
  noScriptStartedPostMessage: true,
  main(ctx) {
    let reported = '';
    const report = (url: string) => {
      reported = url;
      void sendMessage(browser.runtime, 'content-bg-page-visited', { url, profiles: pageLinks(document) })
        .then((answer) => answer.flag && showPageFlag(document, answer.flag))
        .catch(() => undefined);
    };
    // After the page's own load event, so the page never waits for this script's work.
    if (document.readyState === 'complete') report(location.href);
    else window.addEventListener('load', () => setTimeout(() => report(location.href), 0), { once: true });
    // Single-page sites change the address without loading a page: the address is compared once a
    // second (a few microseconds, throttled in background tabs). The Navigation API's listener
    // (WXT's `wxt:locationchange`) cost every page about 0.5 ms of script time at load (issue 22).
    ctx.setInterval(() => {
      if (reported !== '' && location.href !== reported) report(location.href);
    }, 1000);
  },
});
