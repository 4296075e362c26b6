/// <reference types="chrome" />
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Worker } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../support/chromium';

export const EXTENSION_DIR = join(process.cwd(), '.output/chrome-mv3');

export interface ExtensionBrowser {
  context: BrowserContext;
  extensionId: string;
  serviceWorker: () => Promise<Worker>;
  close(): Promise<void>;
}

/**
 * Debian's Chromium with the built extension loaded, a fresh profile, and every host name
 * resolved to the loopback fixture server (`MAP *`: a `*.nhs.uk` rule alone misses `nhs.uk`).
 */
export async function launchExtensionBrowser(
  serverPort: number,
  extensionDir = EXTENSION_DIR,
  options: { keepWelcome?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`no built extension in ${extensionDir}: run "npm run build" first`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'nsl-profile-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${serverPort}, EXCLUDE localhost`,
      // The loopback server's certificate is made at test time; the service worker's own fetches
      // (index refresh) are not covered by ignoreHTTPSErrors, so the test browser ignores them all.
      '--ignore-certificate-errors',
    ],
  });
  const serviceWorker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  const extensionId = new URL((await serviceWorker()).url()).host;
  if (!options.keepWelcome) await closeWelcomePage(context);
  return {
    context,
    extensionId,
    serviceWorker,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A first install opens the welcome page (issue 30) in a tab of its own, which would become the
 * active tab a test asks for: closed as soon as it opens (within 10 s), unless the test is about it.
 */
export async function closeWelcomePage(context: BrowserContext): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    const welcome = context.pages().find((page) => page.url().endsWith('/welcome.html'));
    if (welcome !== undefined) return welcome.close();
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The id of the active tab, as the extension sees it (no `tabs` permission needed for ids). */
export async function activeTabId(browser: ExtensionBrowser): Promise<number> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    return tab.id;
  });
}

/** The toolbar badge text and tooltip for a tab, read from the service worker. */
export async function badgeOf(browser: ExtensionBrowser, tabId: number): Promise<{ text: string; title: string }> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    async (id) => ({ text: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
    tabId,
  );
}

/** Polls until `read` returns something `accept` likes, or fails after `timeoutMs`. */
export async function waitFor<T>(read: () => Promise<T>, accept: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T = await read();
  while (!accept(last)) {
    if (Date.now() > deadline) throw new Error(`timed out waiting; last value ${JSON.stringify(last)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    last = await read();
  }
  return last;
}
