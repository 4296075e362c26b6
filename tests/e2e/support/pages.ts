import type { Page } from 'playwright-core';
import { activeTabId, type ExtensionBrowser } from './extension-browser';

/** Opens `url` in a fresh tab, brings it to the front and returns the page and its tab id. */
export async function visit(browser: ExtensionBrowser, url: string): Promise<{ page: Page; tabId: number }> {
  const page = await browser.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  return { page, tabId: await activeTabId(browser) };
}

/** Opens the popup for `tabId` in a normal tab (as tests and the dashboard do) and screenshots it. */
export async function openPopup(browser: ExtensionBrowser, tabId: number, screenshot: string, url?: string): Promise<Page> {
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 360, height: 600 });
  const query = new URLSearchParams({ tab: String(tabId), ...(url ? { url } : {}) });
  await popup.goto(`chrome-extension://${browser.extensionId}/popup.html?${query}`);
  await popup.locator('nsl-popup main[aria-busy="false"]').waitFor();
  await popup.screenshot({ path: `test-results/${screenshot}`, fullPage: true });
  return popup;
}
