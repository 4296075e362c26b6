/// <reference types="chrome" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations } from './support/axe';
import { savedCorrection } from './support/corrections';
import { type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { askBackground, extensionPage } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { recognisedPopup } from './support/pages';

/**
 * What a new user meets (issue 30), in the development build (`npx wxt build`, no environment): the
 * welcome page opening by itself on a first install, the badge legend behind the popup's "Why?"
 * and in the settings, and a saved correction's prefilled issue on the project's repository. An
 * update opens nothing: tests/unit/background/first-run.test.ts gives the same listener "update".
 */
let server: FixtureServer;
let browser: ExtensionBrowser;
/** The welcome page the install opened, caught as it opened. */
let welcome: Promise<Page>;

beforeAll(async () => {
  server = await startFixtureServer({ 'www.uclh.nhs.uk': 'trust-home.html' });
  mkdirSync('test-results', { recursive: true });
  browser = await launchExtensionBrowser(server.port, undefined, { keepWelcome: true });
  const isWelcome = (page: Page) => page.url().endsWith('/welcome.html');
  welcome = (async () => {
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const page = browser.context.pages().find(isWelcome);
      if (page) return page;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`no welcome page opened; pages: ${browser.context.pages().map((p) => p.url())}`);
  })();
  // The tests run in any order: the bundled index is installed before any of them visits a site.
  await waitFor(
    () => askBackground(browser, 'ui-bg-get-index-status', {}),
    (status) => status.installed !== undefined,
    30_000,
  );
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the first run (issue 30)', () => {
  it('opens the welcome page on install: pin the icon, the badge legend, a site to try, the privacy promise, the opt-ins', async () => {
    const page = await welcome;
    expect(page.url()).toBe(`chrome-extension://${browser.extensionId}/welcome.html`);
    // Exactly one: the install's, not one per start of the service worker.
    expect(browser.context.pages().filter((p) => p.url().endsWith('/welcome.html'))).toHaveLength(1);
    await page.setViewportSize({ width: 360, height: 600 });
    await page.locator('nsl-welcome h1').waitFor();
    await expect(page.title()).resolves.toBe('Welcome to NHS Social Lens');
    await expect(page.getByTestId('welcome-pin').textContent()).resolves.toContain('Pin to Toolbar');
    await expect(page.getByTestId('badge-legend').locator('li').count()).resolves.toBe(6);
    await expect(page.getByTestId('site-to-try').getAttribute('href')).resolves.toBe('https://www.uclh.nhs.uk/');
    await expect(page.getByTestId('privacy-promise').textContent()).resolves.toContain('at most once per organisation a week');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/welcome.png' });
    await page.screenshot({ path: 'test-results/welcome-full.png', fullPage: true });

    // The site to try, from the welcome page itself: recognised, with its badge.
    await page.getByTestId('site-to-try').click();
    await page.waitForURL('https://www.uclh.nhs.uk/');
    await page.close();
  });

  it('explains the badge behind the popup’s "Why?", and links how the levels are worked out', async () => {
    const { page, popup } = await recognisedPopup(browser, 'https://www.uclh.nhs.uk/', undefined);
    await popup.getByText('Why?').click();
    await popup.getByTestId('badge-legend').waitFor();
    await expect(popup.getByTestId('method-link').getAttribute('href')).resolves.toBe(
      'https://github.com/nhs-social-lens/nhs-social-lens/blob/HEAD/docs/adoption-levels.md',
    );
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByTestId('badge-legend').scrollIntoViewIfNeeded();
    await popup.screenshot({ path: 'test-results/popup-legend.png' });
    await popup.close();
    await page.close();
  });

  it('shows the legend and the platforms’ permissions in the settings', async () => {
    const options = await extensionPage(browser, '/options.html');
    await options.getByTestId('badge-legend').waitFor();
    await options.getByTestId('platform-hosts').waitFor();
    await expect(options.getByTestId('platform-hosts').textContent()).resolves.toContain('public.api.bsky.app');
    expect(await axeViolations(options)).toEqual([]);
    await options.close();
  });

  it('offers a prefilled issue on the project’s repository in a development build', async () => {
    await savedCorrection(browser, {
      kind: 'missing-account',
      organisationId: 'RRV',
      platform: 'x',
      handle: 'https://x.com/ExampleNHS',
      domain: '',
      evidenceUrl: 'https://www.uclh.nhs.uk/',
      note: '',
    });
    const mine = await extensionPage(browser, '/corrections.html');
    await mine.getByTestId('issue-link').waitFor();
    await expect(mine.getByTestId('issue-link').getAttribute('href')).resolves.toMatch(
      /^https:\/\/github\.com\/nhs-social-lens\/nhs-social-lens\/issues\/new\?title=Correction\+%28missing\+account%29/,
    );
    await expect(mine.getByTestId('what-next').textContent()).resolves.toContain('A maintainer reviews each suggestion');
    await expect(mine.getByTestId('no-repository').count()).resolves.toBe(0);
    expect(await axeViolations(mine)).toEqual([]);
    await mine.close();
  });
});
