/// <reference types="chrome" />
import type { Page } from 'playwright-core';
import { DB_NAME, USER_STORES } from '../../../lib/browser/db';
import type { MessageType, Request, Response } from '../../../lib/browser/messaging';
import { SETTINGS_VERSION, type Settings } from '../../../lib/settings';
import type { ExtensionBrowser } from './extension-browser';

/**
 * What one browser profile keeps between tests, and how a test starts from a clean one without
 * launching another Chromium (issue 18: every e2e test runs alone and in any order).
 */

/**
 * The user's data stores (the product's own list, "Delete all my data") and the refresh state; the
 * installed index (`organisations`, `meta`) is reset apart, as it takes an install.
 */
const RESET_STORES = [...USER_STORES, 'snapshots', 'refresh'] as const;

/** Opens `path` (such as `/options.html`) in a new tab of the extension. */
export async function extensionPage(browser: ExtensionBrowser, path: string): Promise<Page> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}${path}`);
  return page;
}

/**
 * One extension page per browser, kept open to send messages from: opening a page for each
 * message costs more than the message.
 */
const channels = new WeakMap<ExtensionBrowser, Promise<Page>>();

function channel(browser: ExtensionBrowser): Promise<Page> {
  const kept = channels.get(browser);
  const page =
    kept?.then((p) => (p.isClosed() ? extensionPage(browser, '/popup.html?tab=-1') : p)) ?? extensionPage(browser, '/popup.html?tab=-1');
  channels.set(browser, page);
  return page;
}

/** Sends one typed message to the background from an extension page, as the extension's own pages do. */
export async function askBackground<T extends MessageType>(browser: ExtensionBrowser, type: T, payload: Request<T>): Promise<Response<T>> {
  const page = await channel(browser);
  return (await page.evaluate((message) => chrome.runtime.sendMessage(message), { type, payload })) as Response<T>;
}

/**
 * Changes settings as the options page would: over what is stored, with the storage item's
 * version beside them (without it, the next page to load would run the migrations over them).
 */
export async function withSettings(browser: ExtensionBrowser, changes: Partial<Settings>): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(
    async ({ changes, version }) => {
      const { settings } = await chrome.storage.local.get('settings');
      // `settings$` is where WXT's storage item keeps its version.
      await chrome.storage.local.set({ settings: { ...(settings ?? {}), ...changes }, settings$: { v: version } });
    },
    { changes, version: SETTINGS_VERSION },
  );
}

/**
 * Stops the extension's service worker, as the browser may at any time, and starts it again with
 * a message: it opens the database afresh and installs the bundled index if none is installed.
 * Playwright keeps the same `Worker` for the restarted worker; it answers again once it runs.
 */
export async function restartServiceWorker(browser: ExtensionBrowser): Promise<void> {
  const cdp = await browser.context.newCDPSession(await channel(browser));
  const ours = `chrome-extension://${browser.extensionId}/`;
  const stopped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service worker did not stop within 10 s')), 10_000);
    cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
      if (versions.some((v) => v.scriptURL.startsWith(ours) && v.runningStatus === 'stopped')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
  await askBackground(browser, 'ui-bg-get-index-status', {});
}

/**
 * Puts the profile back as a first start left it: no settings, no tab results, no sightings,
 * corrections, research log, snapshot or refresh status, and the bundled index installed. Only
 * when another index was installed is the worker restarted (to reinstall the bundled one), so a
 * reset costs a few milliseconds in most tests.
 */
export async function resetExtensionState(browser: ExtensionBrowser): Promise<void> {
  const worker = await browser.serviceWorker();
  const origin = await worker.evaluate(
    async ({ name, stores }) => {
      await chrome.storage.local.clear();
      await chrome.storage.session.clear();
      // Opening a database that does not exist yet would create it empty, and the extension's upgrade would then skip its stores.
      if (!(await indexedDB.databases()).some((d) => d.name === name)) return undefined;
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      try {
        return await new Promise<string | undefined>((resolve, reject) => {
          const tx = db.transaction([...stores, 'meta'], 'readwrite');
          for (const store of stores) tx.objectStore(store).clear();
          let installed: string | undefined;
          const meta = tx.objectStore('meta').get('installed-index');
          meta.onsuccess = () => {
            installed = (meta.result as { origin?: string } | undefined)?.origin;
            // Without it, the restarted worker installs the bundled index (over the organisations too).
            if (installed !== undefined && installed !== 'bundled') tx.objectStore('meta').delete('installed-index');
          };
          tx.oncomplete = () => resolve(installed);
          tx.onerror = () => reject(tx.error);
        });
      } finally {
        db.close();
      }
    },
    { name: DB_NAME, stores: [...RESET_STORES] },
  );
  if (origin !== undefined && origin !== 'bundled') await restartServiceWorker(browser);
}
