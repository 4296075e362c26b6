/**
 * The extension's own timings: the service worker's cold start to its first answer, and the
 * popup's first meaningful paint (issue 22 budgets: 30 ms and 100 ms, medians).
 */
import type { CDPSession, Page } from 'playwright-core';

/** The popup's User Timing mark (`FIRST_PAINT_MARK` in lib/ui/nsl-popup.ts, which needs a DOM to import). */
const FIRST_PAINT_MARK = 'nsl-first-meaningful-paint';

/** One cold start: the worker stopped, then asked for a tab's result; and the same asked again, warm. */
export async function coldStart(control: Page, cdp: CDPSession, url: string): Promise<{ cold: number; warm: number }> {
  await cdp.send('ServiceWorker.stopAllWorkers');
  await control.waitForTimeout(200);
  const ask = () =>
    control.evaluate(async (address) => {
      const t = performance.now();
      await chrome.runtime.sendMessage({ type: 'ui-bg-get-tab-result', payload: { tabId: 1, url: address } });
      return performance.now() - t;
    }, url);
  const cold = await ask();
  return { cold, warm: await ask() };
}

/**
 * One popup opened on `url`: the time from its navigation to the frame in which the organisation's
 * name is first drawn (the popup marks it: `nsl-first-meaningful-paint`), and, as the bench has
 * always reported it, the time seen from outside (the navigation asked for to the name found).
 */
export async function popupPaint(control: Page, popupUrl: string, selector: string): Promise<{ inPage: number; outside: number }> {
  const t = Date.now();
  await control.goto(popupUrl);
  await control.locator(selector).waitFor();
  const outside = Date.now() - t;
  // The mark is set in the frame after the name is drawn (lib/ui/nsl-popup.ts, FIRST_PAINT_MARK).
  await control.waitForFunction((name) => performance.getEntriesByName(name).length > 0, FIRST_PAINT_MARK, { timeout: 5000 });
  const inPage = await control.evaluate((name) => performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN, FIRST_PAINT_MARK);
  return { inPage, outside };
}
