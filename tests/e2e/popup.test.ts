/// <reference types="chrome" />
import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Account, NhsIndex } from '../../lib/index/schema';
import { loadBundledIndex } from '../support/bundled-index';
import { axeViolations } from './support/axe';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, recognisedPopup, visit } from './support/pages';
import { buildVariant } from './support/variant-build';

/**
 * Every state of the popup in Chromium, each checked with axe (no violations) and saved as a
 * screenshot in test-results/: recognised, several candidates, merged, not recognised, error,
 * measured figures, and an out-of-date index.
 */
let server: FixtureServer;
let main: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({
    'www.guysandstthomas.nhs.uk': 'trust-home.html',
    'www.nlg.nhs.uk': 'trust-home.html',
    'www.northmid.nhs.uk': 'trust-home.html',
    'www.uclh.nhs.uk': 'trust-home.html',
  });
  main = await launchExtensionBrowser(server.port);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await main?.close();
  await server?.close();
});

// Settings and tab results outlive a test in the shared profile: each test starts from a clean one.
beforeEach(() => resetExtensionState(main));

async function expectAccessible(page: Page) {
  expect(await axeViolations(page)).toEqual([]);
}

const popupFor = recognisedPopup;

describe('accessibility checks', () => {
  it('catch a real violation (so a clean result means something)', async () => {
    const page = await main.context.newPage();
    await page.setContent('<html lang="en-GB"><body><main><img src="x.png"><button></button></main></body></html>');
    const violations = await axeViolations(page);
    expect(violations.map((v) => v.split(':')[0])).toEqual(expect.arrayContaining(['image-alt', 'button-name']));
    await page.close();
  });
});

describe('popup states', () => {
  it('recognised organisation: name, code, evidence, adoption level, accounts', async () => {
    const { page, popup } = await popupFor(main, 'https://www.guysandstthomas.nhs.uk/', 'popup-state-recognised.png');
    await expect(popup.getByTestId('adoption-level').textContent()).resolves.toBe('Not yet known');
    await expect(popup.getByTestId('adoption-explanation').textContent()).resolves.toContain('not the same as having none');
    await expect(popup.getByTestId('engagement').textContent()).resolves.toContain('Not measured');
    await expect(popup.getByTestId('details-link').getAttribute('href')).resolves.toBe('/dashboard.html#org/RJ1');
    await expectAccessible(popup);
    await popup.close();
    await page.close();
  });

  it('several candidates: the user picks one, with the keyboard alone', async () => {
    const { page, popup } = await popupFor(main, 'https://www.nlg.nhs.uk/', 'popup-state-candidates.png');
    await expectAccessible(popup);
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Tab');
    await popup.keyboard.press('Enter');
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RWA');
    await popup.screenshot({ path: 'test-results/popup-state-candidate-chosen.png', fullPage: true });
    await expectAccessible(popup);
    await popup.close();
    await page.close();
  });

  it('merged organisation: says what it is now part of', async () => {
    const { page, popup } = await popupFor(main, 'https://www.northmid.nhs.uk/', 'popup-state-merged.png');
    await expect(popup.getByTestId('merged').textContent()).resolves.toMatch(/now\s+part of Royal Free London/);
    await expectAccessible(popup);
    await popup.close();
    await page.close();
  });

  it('not recognised: says so in plain English', async () => {
    const { page, tabId } = await visit(main, 'https://www.example.org/');
    const popup = await openPopup(main, tabId, 'popup-state-not-recognised.png', 'https://www.example.org/');
    await expect(popup.locator('[data-state="not-recognised"]').count()).resolves.toBe(1);
    await expectAccessible(popup);
    await popup.close();
    await page.close();
  });

  it('error: says what went wrong when the background cannot answer', async () => {
    const popup = await main.context.newPage();
    // Make the extension's messaging fail before the popup's scripts run.
    await popup.addInitScript(() => {
      chrome.runtime.sendMessage = (() => Promise.reject(new Error('the background did not answer'))) as typeof chrome.runtime.sendMessage;
    });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${main.extensionId}/popup.html?tab=1`);
    await popup.locator('[data-state="error"]').waitFor();
    await popup.screenshot({ path: 'test-results/popup-state-error.png', fullPage: true });
    await expect(popup.locator('[data-state="error"]').textContent()).resolves.toContain('the background did not answer');
    await expectAccessible(popup);
    await popup.close();
  });
});

/** The bundled index plus measured figures for UCLH and three peers (test data, not real figures). */
function indexWithFigures(): NhsIndex {
  const index = loadBundledIndex();
  const today = new Date();
  const day = (daysAgo: number) => new Date(today.getTime() - daysAgo * 86_400_000).toISOString().slice(0, 10);
  const month = (monthsAgo: number) =>
    new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - monthsAgo, 1)).toISOString().slice(0, 7);
  const source = 'e2e-test-figures';
  index.sources.push({ id: source, name: 'Test figures for the browser tests (not real)', licence: 'test data', date: day(1) });
  const account = (
    platform: Account['platform'],
    handle: string,
    url: string,
    metrics: NonNullable<Account['metrics']>,
    history: number[] = [],
  ): Account => ({
    platform,
    handle,
    url,
    verification: 'official',
    state: 'active',
    source,
    checked: day(1),
    metrics,
    ...(history.length > 0 ? { history: history.map((followers, i) => ({ month: month(history.length - 1 - i), followers })) } : {}),
  });
  const uclh = index.organisations.find((o) => o.id === 'RRV');
  if (!uclh) throw new Error('RRV missing');
  uclh.accounts = [
    account(
      'x',
      'uclh',
      'https://x.com/uclh',
      { measuredAt: day(1), source, followers: 45210, posts30d: 62, replyShare30d: 0.31, engagementPerPost30d: 18.4, lastPostAt: day(2) },
      [41000, 42300, 43100, 44000, 44800, 45210],
    ),
    account(
      'bluesky',
      'uclh.bsky.social',
      'https://bsky.app/profile/uclh.bsky.social',
      { measuredAt: day(1), source, followers: 1830, posts30d: 12, replyShare30d: 0.08, lastPostAt: day(3) },
      [900, 1200, 1500, 1830],
    ),
    account('youtube', '@UCLHvideo', 'https://www.youtube.com/@UCLHvideo', { measuredAt: '2024-03-01', source, followers: 2100 }),
  ];
  for (const [id, followers] of [
    ['RJ1', 500],
    // Acute trusts all (ERIC, issue 20), so UCLH's peers are these three.
    ['RR8', 2500],
    ['RGT', 900],
  ] as const) {
    const org = index.organisations.find((o) => o.id === id);
    org?.accounts.push(
      account('bluesky', `${id.toLowerCase()}.bsky.social`, `https://bsky.app/profile/${id.toLowerCase()}.bsky.social`, {
        measuredAt: day(1),
        source,
        followers,
      }),
    );
  }
  index.generatedAt = new Date(today.getTime() - 86_400_000).toISOString();
  return index;
}

describe('options page', () => {
  it('shows the index, says when no source is set, saves settings, and refuses a bad source keeping what was typed', async () => {
    const page = await main.context.newPage();
    await page.setViewportSize({ width: 800, height: 1400 });
    await page.goto(`chrome-extension://${main.extensionId}/options.html`);
    await expect(page.getByTestId('index-version').textContent()).resolves.toMatch(
      new RegExp(`^${loadBundledIndex().indexVersion} \\(bundled with the extension\\)`),
    );
    await expect(page.getByTestId('index-source').textContent()).resolves.toContain('No published source is set');
    await page.getByRole('button', { name: 'Update now' }).click();
    await page.getByTestId('message').filter({ hasText: 'No published source is set' }).waitFor();
    await page.getByLabel("Show a small label on the organisation's own pages").check();
    await waitFor(
      () =>
        page.evaluate(
          async () => ((await chrome.storage.local.get('settings')).settings as { showInPageFlag?: boolean } | undefined)?.showInPageFlag,
        ),
      (v) => v === true,
    );
    // A maintainer's field, under "Advanced" (issue 30).
    await page.getByText('Advanced: for maintainers and research groups').click();
    await page.getByLabel(/Published copy/).fill('http://not-secure.example/index/');
    await page.getByRole('button', { name: 'Save source' }).click();
    await expect(page.locator('#source-error').textContent()).resolves.toContain('Enter an https:// address');
    await expect(page.getByLabel(/Published copy/).inputValue()).resolves.toBe('http://not-secure.example/index/');
    await page.screenshot({ path: 'test-results/options.png', fullPage: true });
    await expectAccessible(page);
    await page.getByLabel("Show a small label on the organisation's own pages").uncheck();
    await page.close();
  });
});

describe('dashboard from the popup', () => {
  it('shows the organisation the popup links to, and a searchable table of all (the dashboard’s own screenshots are in dashboard.test.ts)', async () => {
    const page = await main.context.newPage();
    await page.setViewportSize({ width: 1000, height: 900 });
    await page.goto(`chrome-extension://${main.extensionId}/dashboard.html#org/RJ1`);
    await expect(page.getByTestId('org-name').textContent()).resolves.toBe("Guy's and St Thomas' NHS Foundation Trust");
    await expectAccessible(page);
    await page.getByRole('link', { name: 'All organisations' }).click();
    await page.getByLabel('Search by name, ODS code or website').fill('ambulance');
    const ambulance = loadBundledIndex().organisations.filter((o) => /ambulance/i.test(o.name)).length;
    await expect(page.locator('tbody tr').count()).resolves.toBe(ambulance);
    await expectAccessible(page);
    await page.close();
  });
});

describe('popup with measured figures and an out-of-date index', () => {
  it('shows figures with dates and sources, growth, sector context, and marks old figures', async () => {
    const browser = await launchExtensionBrowser(server.port, buildVariant('figures', indexWithFigures()));
    try {
      const { page, popup, tabId } = await popupFor(browser, 'https://www.uclh.nhs.uk/', 'popup-state-figures.png');
      expect((await badgeOf(browser, tabId)).text).toBe('3');
      await expect(popup.getByTestId('adoption-level').textContent()).resolves.toBe('Several platforms');
      await expect(popup.getByTestId('adoption-explanation').textContent()).resolves.toContain('replies to people often (conversational)');
      await expect(popup.getByTestId('engagement').textContent()).resolves.toContain('across 3 measured accounts');
      await expect(popup.getByTestId('engagement').locator('nsl-figure .visually-hidden').textContent()).resolves.toBe('49,140 followers');
      await expect(popup.getByTestId('sector-context').count()).resolves.toBe(1);
      await expect(popup.getByTestId('sector-context').textContent()).resolves.toMatch(
        /More Bluesky followers than 67% of the 3 acute trusts with a measured figure/,
      );
      const metrics = popup.getByTestId('metrics');
      await expect(metrics.first().textContent()).resolves.toMatch(/62 posts in 30 days · 31% replies · 18.4 interactions a post/);
      await expect(metrics.first().locator('nsl-figure .compact').textContent()).resolves.toBe('45k followers');
      await expect(metrics.first().locator('nsl-figure .visually-hidden').textContent()).resolves.toBe('45,210 followers');
      await expect(popup.locator('.old').first().textContent()).resolves.toBe('(over a year old)');
      await expect(popup.locator('nsl-sparkline svg').first().getAttribute('aria-label')).resolves.toMatch(
        /^Followers by month: .+: 41,000;/,
      );
      // The exact figure appears on keyboard focus.
      await popup.locator('nsl-figure .wrap').first().focus();
      await popup.screenshot({ path: 'test-results/popup-state-figures-focus.png', fullPage: true });
      await expectAccessible(popup);
      await popup.close();
      await page.close();
    } finally {
      await browser.close();
    }
  });

  it('warns when the index is older than the threshold in the settings', async () => {
    const stale = loadBundledIndex();
    stale.generatedAt = new Date(Date.now() - 400 * 86_400_000).toISOString();
    const browser = await launchExtensionBrowser(server.port, buildVariant('stale', stale));
    try {
      const { page, popup } = await popupFor(browser, 'https://www.guysandstthomas.nhs.uk/', 'popup-state-stale.png');
      await expect(popup.getByTestId('stale').textContent()).resolves.toMatch(/This index is 13 months old/);
      await expectAccessible(popup);
      await popup.close();
      await page.close();
    } finally {
      await browser.close();
    }
  });
});
