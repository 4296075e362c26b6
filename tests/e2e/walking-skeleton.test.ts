/// <reference types="chrome" />
import { mkdirSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { pageMatchPatterns } from '../../lib/detect/pages';
import { loadBundledIndex } from '../support/bundled-index';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { backgroundCaughtUp, openPopup as openPopupPage, visit as visitPage } from './support/pages';

const SCREENSHOTS = 'test-results';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({
    'www.guysandstthomas.nhs.uk': 'trust-home.html',
    'www.uclh.nhs.uk': 'trust-home.html',
    'www.nlg.nhs.uk': 'trust-home.html',
    'www.northmid.nhs.uk': 'trust-home.html',
  });
  browser = await launchExtensionBrowser(server.port);
  mkdirSync(SCREENSHOTS, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Tab results and settings outlive a test in the shared profile: each test starts from a clean one.
beforeEach(() => resetExtensionState(browser));

const visit = (url: string) => visitPage(browser, url);
const openPopup = (tabId: number, screenshot: string, url?: string) => openPopupPage(browser, tabId, screenshot, url);

describe('walking skeleton in Chromium', () => {
  it('installs the bundled index into IndexedDB at first start', async () => {
    const page = await browser.context.newPage();
    await page.goto(`chrome-extension://${browser.extensionId}/popup.html?tab=-1`);
    const status = await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-get-index-status', payload: {} }));
    expect(status.installed).toMatchObject({
      schemaVersion: 1,
      origin: 'bundled',
      organisationCount: loadBundledIndex().organisations.length,
    });
    expect(status.installDurationMs).toBeGreaterThan(0);
    console.info(
      `first install: bundled index (${status.installed.organisationCount} organisations) into IndexedDB in ${status.installDurationMs} ms`,
    );
    await page.close();
  });

  it('recognises an NHS trust website: badge, tooltip and popup', async () => {
    const { page, tabId } = await visit('https://www.guysandstthomas.nhs.uk/');
    const badge = await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    expect(badge.text).toBe('?');
    expect(badge.title).toContain("Guy's and St Thomas' NHS Foundation Trust");

    const popup = await openPopup(tabId, 'popup-recognised.png');
    await expect(popup.getByTestId('org-name').textContent()).resolves.toBe("Guy's and St Thomas' NHS Foundation Trust");
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RJ1');
    await expect(popup.getByTestId('org-website').locator('a').getAttribute('href')).resolves.toBe('https://guysandstthomas.nhs.uk/');
    await expect(popup.getByTestId('evidence').textContent()).resolves.toContain('Matched by domain guysandstthomas.nhs.uk');
    // The index has only low-confidence accounts for this trust: "not yet known", never "none".
    await expect(popup.getByTestId('accounts-unknown').textContent()).resolves.toContain('Not yet known');
    const unverified = popup.getByTestId('unverified-accounts').locator('a');
    await expect(unverified.first().getAttribute('href')).resolves.toBe('https://www.facebook.com/GuysandStThomasNHS');
    await expect(unverified.first().getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await popup.close();
    await page.close();
  });

  it('shows official accounts as links where the index has them', async () => {
    const { page, tabId } = await visit('https://www.uclh.nhs.uk/');
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    const popup = await openPopup(tabId, 'popup-uclh.png');
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RRV');
    await popup.close();
    await page.close();
  });

  it('leaves the badge empty on other sites and says the page is not recognised', async () => {
    const { page, tabId } = await visit('https://www.example.org/news');
    // A later page recognised first: a wrong read of this one would have reported by then (issue 26).
    await backgroundCaughtUp(browser);
    expect((await badgeOf(browser, tabId)).text).toBe('');
    const popup = await openPopup(tabId, 'popup-not-recognised.png');
    await expect(popup.locator('[data-state="not-recognised"]').textContent()).resolves.toContain(
      'This page is not one NHS Social Lens recognises',
    );
    await popup.close();
    await page.close();
  });

  it('clears the badge when the tab leaves the organisation’s site', async () => {
    const { page, tabId } = await visit('https://www.uclh.nhs.uk/');
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    await page.goto('https://www.example.org/');
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text === '',
    );
    // The popup knows the tab's current address (activeTab) and answers for it.
    const popup = await openPopup(tabId, 'popup-after-leaving.png', 'https://www.example.org/');
    await expect(popup.locator('[data-state="not-recognised"]').count()).resolves.toBe(1);
    await popup.close();
    await page.close();
  });

  it('lets the user pick where a group site is shared by several trusts', async () => {
    const { page, tabId } = await visit('https://www.nlg.nhs.uk/');
    const badge = await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    expect(badge.text).toBe('2?');
    const popup = await openPopup(tabId, 'popup-candidates.png');
    const choices = popup.locator('[data-state="candidates"] button.choice');
    await expect(choices.count()).resolves.toBe(2);
    await choices.filter({ hasText: 'Hull University Teaching Hospitals' }).click();
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RWA');
    await popup.close();
    await page.close();
  });

  it('says a merged trust’s old website is now part of its successor', async () => {
    const { page, tabId } = await visit('https://www.northmid.nhs.uk/');
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    const popup = await openPopup(tabId, 'popup-merged.png');
    await expect(popup.getByTestId('merged').textContent()).resolves.toMatch(
      /now\s+part of Royal Free London NHS Foundation Trust\s+since 1 Jan 2025/,
    );
    await popup.close();
    await page.close();
  });
});

describe('the built manifest', () => {
  it('asks for exactly the permissions docs/permissions.md explains, and the hosts of the pages it reads, no other', () => {
    const manifest = JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as {
      permissions: string[];
      host_permissions?: string[];
    };
    expect([...manifest.permissions].sort()).toEqual(['activeTab', 'alarms', 'contextMenus', 'scripting', 'storage']);
    // Issue 22: the pages the background reads (no content script), the same hosts a content script's matches named.
    expect(manifest.host_permissions).toEqual(pageMatchPatterns(loadBundledIndex()));
    expect(manifest.host_permissions).not.toContain('<all_urls>');
    expect((manifest as { content_scripts?: unknown }).content_scripts).toBeUndefined();
    const docs = readFileSync('docs/permissions.md', 'utf8');
    for (const permission of manifest.permissions) expect(docs).toContain(`| \`${permission}\` |`);
  });
});
