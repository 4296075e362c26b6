import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { MessageType, Request, Response } from '../../../lib/browser/messaging';
import { waitFor } from '../../e2e/support/extension-browser';
import { FIREFOX_PATH } from '../../support/firefox';
import { type ConnectProxy, startConnectProxy } from './connect-proxy';

/** The Firefox build (`wxt build -b firefox`), as a user would load it from `about:debugging`. */
export const FIREFOX_EXTENSION_DIR = join(process.cwd(), '.output/firefox-mv2');

/**
 * The add-on's moz-extension:// host, fixed through the `extensions.webextensions.uuids` pref
 * (Firefox gives each install a random one), so tests can open the extension's own pages.
 */
const EXTENSION_UUID = '5b1f7c1e-6a6e-4c8b-9d1a-0d3c2f4e5a61';

/** The WebExtension APIs the tests call from an extension page (Firefox's promise-based `browser`). */
interface ExtensionApis {
  tabs: { query(query: { active: boolean; lastFocusedWindow: boolean }): Promise<Array<{ id?: number }>> };
  browserAction: { getBadgeText(details: { tabId: number }): Promise<string>; getTitle(details: { tabId: number }): Promise<string> };
  runtime: { sendMessage(message: unknown): Promise<unknown> };
}
declare const browser: ExtensionApis;

export interface FirefoxExtension {
  browser: Browser;
  /** `moz-extension://<uuid>`, the origin of the extension's pages. */
  origin: string;
  /** Opens `path` (such as `/options.html`) of the extension in a new tab. */
  extensionPage(path: string): Promise<Page>;
  /** Opens `url` in a new tab, brings it to the front and returns the page and its tab id. */
  visit(url: string): Promise<{ page: Page; tabId: number }>;
  /** The toolbar button's badge text and tooltip for a tab. */
  badgeOf(tabId: number): Promise<{ text: string; title: string }>;
  /** Sends one typed message to the background from an extension page, as the extension's own pages do. */
  askBackground<T extends MessageType>(type: T, payload: Request<T>): Promise<Response<T>>;
  /** Opens the popup for `tabId` in a tab (the toolbar button cannot be clicked by automation) and waits until it has answered. */
  openPopup(tabId: number, url?: string): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Puppeteer's `goto` waits for a load event that Firefox never reports to WebDriver BiDi for a
 * moz-extension:// page, so it times out though the page loads. This sends BiDi's own
 * `browsingContext.navigate` with `wait: "none"` through the frame puppeteer-core keeps (not in its
 * typings; puppeteer-core is pinned) and waits for the document itself.
 */
async function openWithoutWaiting(page: Page, url: string): Promise<void> {
  const context = (page.mainFrame() as unknown as { browsingContext?: { navigate(url: string, wait: 'none'): Promise<void> } })
    .browsingContext;
  if (!context) throw new Error('puppeteer-core no longer exposes the frame’s browsingContext: update openWithoutWaiting');
  await context.navigate(url, 'none');
  await page.waitForFunction((expected) => location.href === expected && document.readyState === 'complete', {}, url);
}

/**
 * Debian's firefox-esr, driven over WebDriver BiDi by puppeteer-core, with a fresh profile and the
 * built extension installed as a temporary add-on (as `about:debugging` does). Every https://
 * request goes through a loopback proxy to the fixture server on `serverPort`; its certificate,
 * made at test time, is accepted for the whole session (the background's own fetches included).
 */
/** The environment without libfaketime's preload and settings. */
function withoutFakeClock(env: NodeJS.ProcessEnv): Record<string, string> {
  return Object.fromEntries(
    Object.entries(env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !/^(LD_PRELOAD|FAKETIME\w*|DONT_FAKE_MONOTONIC)$/.test(entry[0]),
    ),
  );
}

export async function launchFirefoxWithExtension(serverPort: number, extensionDir = FIREFOX_EXTENSION_DIR): Promise<FirefoxExtension> {
  const manifestFile = join(extensionDir, 'manifest.json');
  if (!existsSync(manifestFile)) throw new Error(`no built extension in ${extensionDir}: run "npm run build:firefox" first`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
  const proxy: ConnectProxy = await startConnectProxy(serverPort);
  const firefox = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX_PATH,
    headless: true,
    acceptInsecureCerts: true,
    // Firefox 153 lets WebDriver open only http(s), file and blob pages unless it is started
    // with system access; the tests must open moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    // Firefox never starts under libfaketime (it hangs before WebDriver answers), so a run with a
    // moved clock (`faketime ... npm test`, issue 17) starts it on the machine's own clock.
    env: withoutFakeClock(process.env),
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [manifest.browser_specific_settings.gecko.id]: EXTENSION_UUID }),
      // Every request, the browser's own included, goes to the loopback proxy: nothing reaches the network.
      'network.proxy.type': 1,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': proxy.port,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': proxy.port,
      'network.proxy.no_proxies_on': '',
    },
  });
  await firefox.installExtension(extensionDir);
  const origin = `moz-extension://${EXTENSION_UUID}`;

  const extensionPage = async (path: string) => {
    const page = await firefox.newPage();
    await openWithoutWaiting(page, `${origin}${path}`);
    return page;
  };

  // One extension page kept open to send messages from: opening a page for each costs more than the message.
  let channel: Promise<Page> | undefined;
  const fromChannel = async () => {
    const kept = channel ? await channel : undefined;
    if (kept && !kept.isClosed()) return kept;
    channel = extensionPage('/popup.html?tab=-1');
    return channel;
  };

  const extension: FirefoxExtension = {
    browser: firefox,
    origin,
    extensionPage,
    async visit(url) {
      await fromChannel();
      const page = await firefox.newPage();
      await page.goto(url);
      await page.bringToFront();
      const tabId = await (await fromChannel()).evaluate(async () => {
        const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
        if (tab?.id === undefined) throw new Error('no active tab');
        return tab.id;
      });
      return { page, tabId };
    },
    async badgeOf(tabId) {
      return (await fromChannel()).evaluate(
        async (id) => ({
          text: await browser.browserAction.getBadgeText({ tabId: id }),
          title: await browser.browserAction.getTitle({ tabId: id }),
        }),
        tabId,
      );
    },
    async askBackground(type, payload) {
      const page = await fromChannel();
      return (await page.evaluate((message) => browser.runtime.sendMessage(message), { type, payload })) as Response<typeof type>;
    },
    async openPopup(tabId, url) {
      const popup = await firefox.newPage();
      await popup.setViewport({ width: 360, height: 600 });
      const query = new URLSearchParams({ tab: String(tabId), ...(url ? { url } : {}) });
      await openWithoutWaiting(popup, `${origin}/popup.html?${query}`);
      await popup.waitForSelector('nsl-popup >>> main[aria-busy="false"]');
      return popup;
    },
    async close() {
      await firefox.close();
      await proxy.close();
    },
  };
  return extension;
}

/** The text of the first element matching `selector` anywhere in the page, shadow roots included, or undefined. */
export async function textIn(page: Page, selector: string): Promise<string | undefined> {
  const element = await page.$(`pierce/${selector}`);
  if (!element) return undefined;
  return (await element.evaluate((e) => e.textContent ?? '')).replace(/\s+/g, ' ').trim();
}

/** Polls the badge until `accept` likes it (the background reads the page and answers after it loads). */
export function badgeOnceShown(
  extension: FirefoxExtension,
  tabId: number,
  accept: (badge: { text: string; title: string }) => boolean = (b) => b.text !== '',
): Promise<{ text: string; title: string }> {
  return waitFor(() => extension.badgeOf(tabId), accept);
}
