/// <reference types="chrome" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { resetExtensionState, withSettings } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, visit } from './support/pages';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({
    'www.kch.nhs.uk': 'footer-icons.html',
    'www.cqc.org.uk': 'not-nhs.html',
    'www.nhs.uk': 'not-nhs.html',
    'gmintegratedcare.org.uk': 'trust-home.html',
  });
  browser = await launchExtensionBrowser(server.port);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Sightings and settings outlive a test in the shared profile: each test starts from a clean one.
beforeEach(() => resetExtensionState(browser));

const recognisedBadge = (tabId: number) =>
  waitFor(
    () => badgeOf(browser, tabId),
    (b) => b.text !== '',
  );

/** What the background stored for a tab in session storage, or undefined (no content script reported). */
async function storedTabResult(tabId: number): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
}

describe('detection in Chromium', () => {
  it('records the profiles a trust’s footer links to and shows those the index lacks', async () => {
    const { page, tabId } = await visit(browser, 'https://www.kch.nhs.uk/news');
    await recognisedBadge(tabId);
    const popup = await openPopup(browser, tabId, 'popup-seen-on-site.png');
    // Issue 19: the profiles its own site links to are its accounts, in the one list, each saying so.
    const list = popup.getByTestId('accounts');
    await expect(
      list.locator('li[data-basis="site"] p.line a').evaluateAll((links) => links.map((a) => a.getAttribute('href'))),
    ).resolves.toEqual([
      'https://x.com/ExampleNHS',
      'https://www.facebook.com/ExampleHospitalsNHS',
      'https://www.instagram.com/examplehospitalsnhs',
      'https://www.youtube.com/@ExampleHospitalsNHS',
    ]);
    await expect(list.textContent()).resolves.toContain('From its own website, seen');
    await expect(list.textContent()).resolves.toContain('on www.kch.nhs.uk');
    await popup.close();
    await page.close();
  });

  it('recognises the trust on an X profile its footer links to, through the popup (activeTab)', async () => {
    // The link is known once the browser has seen the trust's footer.
    const footer = await visit(browser, 'https://www.kch.nhs.uk/news');
    await recognisedBadge(footer.tabId);
    await footer.page.close();
    const popup = await openPopup(browser, 424242, 'popup-social-profile.png', 'https://x.com/ExampleNHS');
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RJZ');
    await expect(popup.getByTestId('evidence').textContent()).resolves.toContain('www.kch.nhs.uk links to this X (Twitter) account');
    await popup.close();
  });

  it('recognises a CQC provider page by the code in its address', async () => {
    const { page, tabId } = await visit(browser, 'https://www.cqc.org.uk/provider/RJ1');
    await recognisedBadge(tabId);
    const popup = await openPopup(browser, tabId, 'popup-cqc.png');
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RJ1');
    await expect(popup.getByTestId('evidence').textContent()).resolves.toContain('ODS code RJ1 in the address on www.cqc.org.uk');
    await popup.close();
    await page.close();
  });

  it('recognises an NHS website hospital page by its site code, and follows single-page navigation', async () => {
    const { page, tabId } = await visit(browser, 'https://www.nhs.uk/conditions/flu/');
    await page.waitForTimeout(500);
    expect((await badgeOf(browser, tabId)).text).toBe('');
    // The NHS website changes address without loading a page; the content script follows it.
    await page.evaluate(() => history.pushState({}, '', '/services/hospital/st-thomas-hospital/RJ122'));
    const badge = await recognisedBadge(tabId);
    expect(badge.title).toContain("Guy's and St Thomas'");
    await page.close();
  });

  it('runs on the index’s domains outside nhs.uk', async () => {
    const { page, tabId } = await visit(browser, 'https://gmintegratedcare.org.uk/about-us/');
    const badge = await recognisedBadge(tabId);
    expect(badge.title).toContain('Greater Manchester');
    await page.close();
  });

  it('is not injected at all on a page that cannot match', async () => {
    const { page, tabId } = await visit(browser, 'https://www.example.org/');
    await page.waitForTimeout(1000);
    expect(await storedTabResult(tabId)).toBeUndefined();
    expect((await badgeOf(browser, tabId)).text).toBe('');
    await page.close();
  });
});

/**
 * Runs `expression` in the extension's content-script world of `page` (Chromium's isolated world,
 * reached through the DevTools protocol): what a compromised content script could do.
 */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp = await browser.context.newCDPSession(page);
  const worlds: { id: number; name: string; auxData?: { type?: string } }[] = [];
  cdp.on('Runtime.executionContextCreated', ({ context }) => void worlds.push(context));
  await cdp.send('Runtime.enable');
  const world = worlds.find((c) => c.auxData?.type === 'isolated' && c.name === 'NHS Social Lens');
  if (world === undefined) throw new Error('no content-script world in this page');
  const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
    expression,
    contextId: world.id,
    awaitPromise: true,
    returnByValue: true,
  });
  await cdp.detach();
  if (exceptionDetails) throw new Error(exceptionDetails.text);
  return result.value;
}

/** What the background recorded of profiles seen on organisations' sites, as account keys. */
async function sightingKeys(): Promise<string[]> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open('nhs-social-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction('sightings').objectStore('sightings').getAll();
          all.onsuccess = () => {
            resolve((all.result as { accountKey: string }[]).map((s) => s.accountKey));
            open.result.close();
          };
        };
      }),
  );
}

describe('what the background believes (issue 17)', () => {
  const report = (url: string) =>
    `chrome.runtime.sendMessage(${JSON.stringify({
      type: 'content-bg-page-visited',
      payload: { url, profiles: [{ platform: 'x', handle: 'Impostor', url: 'https://x.com/Impostor', via: 'link' }] },
    })})`;

  it('refuses a content script claiming its page is on another site, and believes one about its own', async () => {
    const spoof = await visit(browser, 'https://spoof.nhs.uk/');
    await waitFor(
      () => storedTabResult(spoof.tabId),
      (stored) => stored !== undefined,
    );
    await expect(inContentScript(spoof.page, report('https://www.kch.nhs.uk/'))).resolves.toEqual({ recognised: false });
    expect((await badgeOf(browser, spoof.tabId)).text).toBe('');
    expect(await storedTabResult(spoof.tabId)).toEqual({ state: 'not-recognised', url: 'https://spoof.nhs.uk/', site: 'spoof.nhs.uk' });
    expect(await sightingKeys()).not.toContain('x:impostor');
    await spoof.page.close();

    // The same channel, about the page's own site (another path, as a single-page site moves), is believed.
    const own = await visit(browser, 'https://www.kch.nhs.uk/contact');
    await recognisedBadge(own.tabId);
    await expect(inContentScript(own.page, report('https://www.kch.nhs.uk/about-us'))).resolves.toEqual({ recognised: true });
    expect(await sightingKeys()).toContain('x:impostor');
    await own.page.close();
  });
});

describe('in-page flag', () => {
  it('is off by default, and when turned on shows once, fixed in a corner, without moving the page', async () => {
    const before = await visit(browser, 'https://www.kch.nhs.uk/');
    await recognisedBadge(before.tabId);
    expect(await before.page.locator('#nhs-social-lens-flag').count()).toBe(0);
    const height = await before.page.evaluate(() => document.documentElement.scrollHeight);
    await before.page.close();

    await withSettings(browser, { showInPageFlag: true });
    const { page } = await visit(browser, 'https://www.kch.nhs.uk/');
    await page.locator('#nhs-social-lens-flag').waitFor({ state: 'attached' });
    expect(await page.evaluate(() => getComputedStyle(document.getElementById('nhs-social-lens-flag') as HTMLElement).position)).toBe(
      'fixed',
    );
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBe(height);
    await page.screenshot({ path: 'test-results/page-flag.png' });
    // Single-page navigation reports again: the flag is replaced, never doubled.
    await page.evaluate(() => history.pushState({}, '', '/other-page'));
    await page.waitForTimeout(1500);
    expect(await page.locator('#nhs-social-lens-flag').count()).toBe(1);
    await page.close();
  });
});
