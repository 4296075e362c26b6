/// <reference types="chrome" />
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { backgroundCaughtUp, openPopup, visit } from './support/pages';

/**
 * Issue 20 in Chromium: the content script runs on the new zones (national bodies' own sites, GOV.UK
 * organisation pages, nhs.wales, .scot, hscni.net) and recognises their bodies, and stays out of
 * the rest of GOV.UK and of the nations' shared zones.
 */
let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  // Every host gets a plain page (the fixture server's default): recognition is by address alone.
  server = await startFixtureServer({});
  browser = await launchExtensionBrowser(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** What the background stored for a tab in session storage, or undefined (no content script reported). */
async function storedTabResult(tabId: number): Promise<unknown> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (id) => (await chrome.storage.session.get(`tab:${id}`))[`tab:${id}`], tabId);
}

describe('the NHS of every nation, in Chromium', () => {
  it.each([
    ['https://www.england.nhs.uk/about/', 'NHS England'],
    ['https://digital.nhs.uk/data', 'NHS England'],
    ['https://www.nice.org.uk/guidance', 'National Institute for Health and Care Excellence'],
    ['https://www.cqc.org.uk/about-us', 'Care Quality Commission'],
    ['https://bcuhb.nhs.wales/', 'Betsi Cadwaladr University Health Board'],
    ['https://www.nhsggc.scot/', 'NHS Greater Glasgow and Clyde'],
    ['https://belfasttrust.hscni.net/', 'Belfast Health and Social Care Trust'],
  ])('recognises %s as %s', async (url, name) => {
    const { page, tabId } = await visit(browser, url);
    const badge = await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    expect(badge.title).toContain(name);
    await page.close();
  });

  it('recognises a GOV.UK organisation page in the popup, which reads its address on the click (issue 28: no GOV.UK host at install)', async () => {
    const url = 'https://www.gov.uk/government/organisations/nhs-england/about';
    const { page, tabId } = await visit(browser, url);
    const popup = await openPopup(browser, tabId, undefined, url);
    await expect(popup.getByTestId('org-name').textContent()).resolves.toBe('NHS England');
    await popup.close();
    await page.close();
  });

  it.each([
    ['https://www.nhsggc.scot/', 'GSS S08000031', 'Scotland', 'popup-nation-scotland.png'],
    ['https://belfasttrust.hscni.net/', 'No code', 'Northern Ireland', 'popup-nation-ni.png'],
    ['https://bcuhb.nhs.wales/', 'ODS 7A1', 'Wales', 'popup-nation-wales.png'],
  ])('shows the code by its scheme and the country in the popup on %s', async (url, code, country, screenshot) => {
    const { page, tabId } = await visit(browser, url);
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text !== '',
    );
    const popup = await openPopup(browser, tabId, screenshot);
    await expect(popup.getByTestId('org-country').textContent()).resolves.toBe(country);
    await expect(popup.locator('.meta').first().textContent()).resolves.toContain(code);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it.each(['https://www.gov.uk/', 'https://www.gov.uk/government/publications/x', 'https://other.hscni.net/', 'https://other.nhs.wales/'])(
    'is not injected at all on %s',
    async (url) => {
      const { page, tabId } = await visit(browser, url);
      await backgroundCaughtUp(browser, 'https://www.uclh.nhs.uk/');
      expect(await storedTabResult(tabId)).toBeUndefined();
      expect((await badgeOf(browser, tabId)).text).toBe('');
      await page.close();
    },
  );
});
