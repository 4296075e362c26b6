import type { Page } from 'playwright-core';
import { activeTabId, badgeOf, type ExtensionBrowser, waitFor } from './extension-browser';

/** Opens `url` in a fresh tab, brings it to the front and returns the page and its tab id. */
export async function visit(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return { page, tabId: await activeTabId(browser) };
}

/**
 * Opens the popup for `tabId` in a normal tab (as tests and the dashboard do) and screenshots it
 * into test-results/ (no screenshot when a test only needs the popup to set up its own state).
 */
export async function openPopup(browser: ExtensionBrowser, tabId: number, screenshot: string | undefined, url?: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  const query = new URLSearchParams({ tab: String(tabId), ...(url ? { url } : {}) });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?${query}`);
  await popup.locator('nsl-popup main[aria-busy="false"]').waitFor();
  if (screenshot !== undefined) await popup.screenshot({ path: `test-results/${screenshot}`, fullPage: true });
  return popup;
}

/** Visits an organisation's page, waits until the badge shows it recognised, and opens the popup for it. */
export async function recognisedPopup(
  browser: ExtensionBrowser,
  url: string,
  screenshot: string | undefined,
): Promise<{ page: Page; tabId: number; popup: Page }> {
  const { page, tabId } = await visit(browser, url);
  await waitFor(
    () => badgeOf(browser, tabId),
    (b) => b.text !== '',
  );
  return { page, tabId, popup: await openPopup(browser, tabId, screenshot) };
}

/**
 * Waits until the background has handled the pages opened before (issue 26): opens `url`, a page
 * it recognises, in a new tab, waits for that tab's badge, and closes it. The worker receives
 * tabs' events in the order they happen and reads a recognised page in several steps, so once
 * this later page is recognised, whatever the background was going to do about an earlier page
 * is done. A test then asserts that nothing happened there, instead of sleeping and hoping.
 */
export async function backgroundCaughtUp(browser: ExtensionBrowser, url = 'https://www.uclh.nhs.uk/'): Promise<void> {
  const { page, tabId } = await visit(browser, url);
  await waitFor(
    () => badgeOf(browser, tabId),
    (b) => b.text !== '',
  );
  await page.close();
}
