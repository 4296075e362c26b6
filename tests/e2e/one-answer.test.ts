/// <reference types="chrome" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseCsvRecords } from '../../lib/index-build/csv';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import { axeViolations } from './support/axe';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { extensionPage, resetExtensionState, withSettings } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, visit } from './support/pages';

/**
 * Issue 30 in Chromium: one answer for one organisation, and the focus after each change made in
 * place. Nottingham University Hospitals (RX1), which the index knows no account of, is visited on
 * a news page; the background reads its home page, whose footer links seven platforms. The popup,
 * the dashboard's table, its CSV and the organisation's page then give the same two levels, each
 * saying whose it is. A group site (www.nlg.nhs.uk) is shared by two trusts.
 */
const PAGES = 'tests/fixtures/pages';
const bundled = loadBundledIndex();
const SEEN_LEVEL = 'Several platforms, from its own website';

let server: FixtureServer;
let browser: ExtensionBrowser;

const page =
  (file: string): Route =>
  (_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(readFileSync(`${PAGES}/${file}`));
  };

beforeAll(async () => {
  server = await startFixtureServer(
    { 'www.nuh.nhs.uk': 'news-article.html', 'www.nlg.nhs.uk': 'trust-home-seven.html' },
    { 'www.nuh.nhs.uk /': page('trust-home-seven.html') },
  );
  browser = await launchExtensionBrowser(server.port);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  await resetExtensionState(browser);
  // The layout of a fresh index's answer, on any day (issue 17).
  await withSettings(browser, { staleAfterDays: 3650 });
});

/** What has the focus, through the shadow roots: its data-testid, else its text. */
const focused = (p: Page) =>
  p.evaluate(() => {
    let active = document.activeElement;
    while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
    return active === null || active === document.body ? 'body' : (active.getAttribute('data-testid') ?? active.textContent?.trim() ?? '');
  });

async function visitNuh() {
  const visited = await visit(browser, 'https://www.nuh.nhs.uk/news/volunteers-honoured');
  await waitFor(
    () => badgeOf(browser, visited.tabId),
    (b) => b.text === '7',
  );
  return visited;
}

async function downloaded(p: Page, click: () => Promise<void>): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([p.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

describe('one answer for one organisation (issue 30)', () => {
  it('gives the same two levels, each saying whose, in the popup, the table, its CSV and the organisation’s page', async () => {
    const { page: tab, tabId } = await visitNuh();
    const popup = await openPopup(browser, tabId, undefined);
    await expect(popup.getByTestId('adoption-level').textContent()).resolves.toBe('Several platforms');
    await expect(popup.getByTestId('adoption-basis').textContent()).resolves.toBe(', from its own website');
    await expect(popup.getByTestId('index-only-level').textContent()).resolves.toMatch(/Seen by you\.\s+The index alone: Not yet known/);
    await popup.close();

    const dashboard = await extensionPage(browser, '/dashboard.html#table?q=RX1');
    await dashboard.setViewportSize({ width: 1100, height: 900 });
    const row = dashboard.locator('nsl-org-table tbody tr');
    await row.getByTestId('seen-level').filter({ hasText: SEEN_LEVEL }).waitFor();
    await expect(row.getByTestId('index-level').textContent()).resolves.toBe('Not yet known');
    await expect(row.getByTestId('seen-level').textContent()).resolves.toMatch(new RegExp(`^${SEEN_LEVEL} · seen \\d{1,2} \\w{3} \\d{4}$`));
    await expect(dashboard.locator('nsl-org-table thead').textContent()).resolves.toMatch(/Adoption level \(the index\).*Seen by you/s);
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.screenshot({ path: 'test-results/dashboard-table-seen.png' });

    const csv = await downloaded(dashboard, () => dashboard.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toBe(`nhs-social-lens-index-v${bundled.indexVersion}-${bundled.generatedAt.slice(0, 10)}.csv`);
    expect(parseCsvRecords(csv.text)).toEqual([
      expect.objectContaining({
        ods_code: 'RX1',
        adoption_label: 'Not yet known',
        seen_by_you_level: 'several-platforms',
        seen_by_you_label: SEEN_LEVEL,
        sources: expect.stringMatching(/\S/),
      }),
    ]);

    // The organisation's own page: both levels, its accounts with source and date, the correction link, the citation.
    await dashboard.locator('nsl-org-table tbody a').first().click();
    await dashboard.getByTestId('org-seen-level').filter({ hasText: SEEN_LEVEL }).waitFor();
    await expect(focused(dashboard)).resolves.toBe('org-name');
    await expect(dashboard.getByTestId('org-index-level').textContent()).resolves.toBe('Not yet known');
    await expect(dashboard.getByTestId('org-accounts').locator('tbody tr').count()).resolves.toBe(7);
    await expect(dashboard.getByTestId('org-accounts').textContent()).resolves.toMatch(
      /its own website \(www\.nuh\.nhs\.uk\), seen by you/,
    );
    await expect(dashboard.getByTestId('org-correction').getAttribute('href')).resolves.toBe('/corrections.html?org=RX1');
    await expect(dashboard.getByTestId('citation').textContent()).resolves.toContain(`Index version ${bundled.indexVersion}, generated`);
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.setViewportSize({ width: 1100, height: 1400 });
    await dashboard.screenshot({ path: 'test-results/dashboard-org-page.png', fullPage: true });
    await dashboard.close();
    await tab.close();
  });
});

describe('focus after each change made in place (issue 30)', () => {
  it('goes to the organisation chosen among those sharing a site, and back to the choice', async () => {
    const { page: tab, tabId } = await visit(browser, 'https://www.nlg.nhs.uk/');
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text === '2?',
    );
    const popup = await openPopup(browser, tabId, undefined);
    await popup.locator('button.choice').first().focus();
    await popup.keyboard.press('Enter');
    await expect(
      waitFor(
        () => focused(popup),
        (f) => f !== 'body',
      ),
    ).resolves.toBe('org-name');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByTestId('back').click();
    await expect(
      waitFor(
        () => focused(popup),
        (f) => f !== 'back',
      ),
    ).resolves.toBe('2 organisations share this site');
    await popup.close();
    await tab.close();
  });

  it('goes to the new heading after “Don’t run on this site” and “Turn back on”', async () => {
    const { page: tab, tabId } = await visitNuh();
    const popup = await openPopup(browser, tabId, undefined);
    await popup.getByTestId('site-off').click();
    await popup.locator('[data-state="disabled"]').waitFor();
    await expect(
      waitFor(
        () => focused(popup),
        (f) => f !== 'site-off',
      ),
    ).resolves.toBe('Switched off on this site');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByTestId('site-on').click();
    await popup.locator('[data-state="recognised"]').waitFor();
    await expect(
      waitFor(
        () => focused(popup),
        (f) => f !== 'site-on',
      ),
    ).resolves.toBe('org-name');
    await popup.close();
    await tab.close();
  });

  it('goes back to the button after “Keep it”, in the research log of the dashboard’s tab bar', async () => {
    await withSettings(browser, { researchLog: true });
    const { page: tab } = await visitNuh();
    const dashboard = await extensionPage(browser, '/dashboard.html#table?kind=trust');
    await dashboard.locator('nsl-org-table tbody tr').first().waitFor();
    await dashboard.getByRole('link', { name: 'Research log' }).click();
    await dashboard.getByTestId('log').waitFor();
    await expect(dashboard.getByTestId('log').textContent()).resolves.toMatch(/\d{1,2} \w{3} \d{4} \d{2}:\d{2}/);
    await expect(dashboard.getByTestId('log').getByRole('link').first().getAttribute('href')).resolves.toBe('#org/RX1');
    await dashboard.getByTestId('clear-log').click();
    await expect(
      waitFor(
        () => focused(dashboard),
        (f) => f !== 'clear-log',
      ),
    ).resolves.toBe('keep-log');
    expect(await axeViolations(dashboard)).toEqual([]);
    await dashboard.keyboard.press('Enter');
    await expect(
      waitFor(
        () => focused(dashboard),
        (f) => f !== 'keep-log',
      ),
    ).resolves.toBe('clear-log');
    // The table's view is kept: its tab goes back to it.
    await expect(dashboard.getByRole('link', { name: 'Organisations' }).getAttribute('href')).resolves.toBe('#table?kind=trust');
    await dashboard.close();
    await tab.close();
  });
});

describe('the settings (issue 30)', () => {
  it('says “Settings saved.” beside the control, and the badge setting applies to open tabs at once', async () => {
    const { page: tab, tabId } = await visitNuh();
    const options = await extensionPage(browser, '/options.html');
    await options.setViewportSize({ width: 800, height: 900 });
    const badge = options.getByLabel('Show the toolbar badge on recognised pages');
    await badge.uncheck();
    const message = options.getByTestId('message');
    await message.filter({ hasText: 'Settings saved.' }).waitFor();
    const [control, said] = await Promise.all([badge.boundingBox(), message.boundingBox()]);
    expect(Math.abs((said?.y ?? 1e6) - (control?.y ?? 0))).toBeLessThan(80);
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text === '',
    );
    await badge.check();
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text === '7',
    );
    // "Update now" says why it cannot run before it is pressed; the published copy's address is under "Advanced".
    await expect(options.getByTestId('update-hint').textContent()).resolves.toMatch(/needs a published copy/);
    await expect(options.locator('details.advanced #source').isVisible()).resolves.toBe(false);
    await options.getByRole('button', { name: 'Update now' }).click();
    const update = options.getByTestId('message').filter({ hasText: 'No published source is set' });
    await update.waitFor();
    const button = await options.getByRole('button', { name: 'Update now' }).boundingBox();
    expect(Math.abs(((await update.boundingBox())?.y ?? 1e6) - (button?.y ?? 0))).toBeLessThan(80);
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: 'test-results/options-feedback.png' });
    await options.close();
    await tab.close();
  });
});
