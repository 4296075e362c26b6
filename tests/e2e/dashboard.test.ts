import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../lib/dashboard/export';
import { parseCsv, parseCsvRecords } from '../../lib/index-build/csv';
import { adoptionOf } from '../../lib/metrics/adoption';
import { loadBundledIndex } from '../support/bundled-index';
import { FORMULA_ORGANISATION, syntheticIndex } from '../support/synthetic-index';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchExtensionBrowser } from './support/extension-browser';
import { resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { buildVariant } from './support/variant-build';

/**
 * The dashboard in Chromium: the overview (then and now, charts and their downloads), the table
 * (keyboard sort, filters kept in the address, CSV and JSON downloads), the details view, each
 * checked with axe; and a synthetic index of 10,000 organisations, timed.
 */
let server: FixtureServer;
let main: ExtensionBrowser;
const timings: Record<string, number> = {};
const bundled = loadBundledIndex();
/** The bundled index's size (310 since issue 20), and the table's pages of 50. */
const total = bundled.organisations.length;
const lastPageStart = Math.floor((total - 1) / 50) * 50 + 1;
/** Counted from the index the test reads, so new data changes no assertion. */
const severalPlatforms = bundled.organisations.filter((o) => adoptionOf(o).level === 'several-platforms').length;
const severalAccounts = bundled.organisations.find(
  (o) => adoptionOf(o).level === 'several-platforms' && o.accounts.filter((a) => a.verification === 'official').length > 1,
);

beforeAll(async () => {
  server = await startFixtureServer({});
  main = await launchExtensionBrowser(server.port);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await main?.close();
  await server?.close();
  if (Object.keys(timings).length > 0) writeFileSync('test-results/dashboard-timings.json', `${JSON.stringify(timings, null, 2)}\n`);
});

// Whatever a test leaves in the shared profile (sightings, settings) must not change what the next one shows.
beforeEach(() => resetExtensionState(main));

async function dashboardPage(browser: ExtensionBrowser): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  return page;
}

/** A new tab on the dashboard at `hash`, and the milliseconds from navigating to the first table row (or chart) on screen. */
async function timeToFirstRender(browser: ExtensionBrowser, hash: string, label: string): Promise<{ page: Page; ms: number }> {
  const page = await dashboardPage(browser);
  const started = performance.now();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html${hash}`);
  await page
    .locator(hash.startsWith('#table') ? 'nsl-org-table tbody tr' : 'nsl-bar-chart svg')
    .first()
    .waitFor();
  const ms = Math.round(performance.now() - started);
  timings[label] = ms;
  console.log(`dashboard: ${label}: ${ms} ms`);
  return { page, ms };
}

async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = await download.path();
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

const sortButton = (page: Page, name: string) => page.locator('nsl-org-table th').getByRole('button', { name });
const firstRowName = (page: Page) => page.locator('nsl-org-table tbody tr td:first-child').first().textContent();

describe('dashboard overview', () => {
  it('shows then and now with its citations, the charts with text alternatives, tables and downloads', async () => {
    const { page } = await timeToFirstRender(main, '', `bundled index (${total}), overview, first open`);
    const today = page.getByTestId('today');
    await expect(today.textContent()).resolves.toMatch(/\d+ \(\d+%\) have at least one official account in use/);
    await expect(today.textContent()).resolves.toMatch(/are not yet known/);
    const thenAndNow = page.locator('nsl-then-and-now section');
    for (const text of ['Hawker (2010)', '40% used at least one', 'about 20% used no social media', 'just over 5% used no social media'])
      await expect(thenAndNow.textContent()).resolves.toContain(text);
    await expect(page.getByTestId('then-and-now-note').textContent()).resolves.toContain('Not yet known is not none');

    const charts = page.locator('nsl-bar-chart');
    await expect(charts.count()).resolves.toBe(6);
    const levels = charts.filter({ hasText: 'Share at each adoption level' });
    await expect(levels.locator('svg[role="img"]').getAttribute('aria-label')).resolves.toMatch(
      new RegExp(
        `^Adoption levels of ${total} organisations: Several platforms ${severalPlatforms} \\(<?\\d+%\\), .*Not yet known \\d+ \\(\\d+%\\)\\.$`,
      ),
    );
    await levels.getByText('The figures as a table').click();
    await expect(levels.locator('tbody tr').count()).resolves.toBe(5);
    await page.screenshot({ path: 'test-results/dashboard-overview.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);

    const svg = await downloaded(page, () => levels.getByRole('button', { name: /Download SVG/ }).click());
    expect(svg.name).toBe('nhs-social-lens-adoption-levels.svg');
    const svgText = svg.bytes.toString('utf8');
    expect(svgText).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(svgText).toContain('>Share at each adoption level</text>');
    expect(svgText).toContain('Not yet known');
    expect(svgText).toContain(`index version ${bundled.indexVersion}`);
    const png = await downloaded(page, () => levels.getByRole('button', { name: /Download PNG/ }).click());
    expect(png.name).toBe('nhs-social-lens-adoption-levels.png');
    expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
    expect(png.bytes.readUInt32BE(16)).toBe(2 * 672); // width: (640 + 2 × 16) at twice the size
    writeFileSync('test-results/dashboard-chart-adoption-levels.png', png.bytes);

    // A chart's table links to the organisations it counts.
    await levels.getByRole('link', { name: 'Not yet known' }).click();
    await expect(page.locator('nsl-org-table #level').inputValue()).resolves.toBe('unknown');
    await page.close();
  });
});

describe('dashboard table', () => {
  it('sorts from the keyboard, filters into the address, and downloads the filtered rows as CSV and JSON', async () => {
    const { page } = await timeToFirstRender(main, '#table', `bundled index (${total}), table, first row`);
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe(`1 to 50 of ${total} organisations`);
    await expect(page.locator('nsl-org-table tbody tr').count()).resolves.toBe(50);

    // Keyboard: focus the Organisation header's button and press Enter to reverse the order.
    const nameHeader = page.locator('nsl-org-table th').first();
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('ascending');
    const firstAscending = await firstRowName(page);
    await sortButton(page, 'Organisation').focus();
    await page.keyboard.press('Enter');
    await expect(nameHeader.getAttribute('aria-sort')).resolves.toBe('descending');
    expect(await firstRowName(page)).not.toBe(firstAscending);
    expect(page.url()).toMatch(/#table\?dir=desc$/);
    await page.keyboard.press('Tab'); // to the ODS code header
    await page.keyboard.press('Enter');
    await expect(page.locator('nsl-org-table th').nth(1).getAttribute('aria-sort')).resolves.toBe('ascending');

    await page.locator('nsl-org-table #kind').selectOption('icb');
    const icbs = bundled.organisations.filter((o) => o.kind === 'icb').length;
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe(`${icbs} organisations, from ${total}`);
    expect(page.url()).toMatch(/#table\?kind=icb&sort=id$/);
    await page.locator('nsl-org-table #region').selectOption('London');
    const londonIcbs = bundled.organisations.filter((o) => o.kind === 'icb' && o.region === 'London').length;
    await expect(page.locator('nsl-org-table tbody tr').count()).resolves.toBe(londonIcbs);

    // A shared address opens the same view.
    await page.reload();
    await expect(page.locator('nsl-org-table #region').inputValue()).resolves.toBe('London');
    await expect(page.locator('nsl-org-table tbody tr').count()).resolves.toBe(londonIcbs);
    await page.locator('nsl-org-table #region').selectOption('');

    const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
    expect(csv.name).toBe(`nhs-social-lens-index-v${bundled.indexVersion}-${bundled.generatedAt.slice(0, 10)}.csv`);
    const records = parseCsvRecords(csv.bytes.toString('utf8'));
    expect(Object.keys(records[0] ?? {})).toEqual([...CSV_COLUMNS]);
    expect(records.map((r) => r.ods_code)).toEqual(
      bundled.organisations
        .filter((o) => o.kind === 'icb')
        .map((o) => o.id)
        .sort(),
    );
    const json = await downloaded(page, () => page.getByRole('button', { name: 'Download JSON' }).click());
    expect(json.name).toBe(`nhs-social-lens-index-v${bundled.indexVersion}-${bundled.generatedAt.slice(0, 10)}.jsonl`);
    const lines = json.bytes.toString('utf8').trimEnd().split('\n');
    expect(lines).toHaveLength(icbs);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ kind: 'icb', followers: null });

    // Accounts are links: an organisation with several platforms and several named accounts.
    await page.locator('nsl-org-table #kind').selectOption('');
    await page.locator('nsl-org-table #level').selectOption('several-platforms');
    await page.getByLabel('Search by name, ODS code or website').fill(severalAccounts?.id ?? 'none');
    const accounts = page.locator('nsl-org-table tbody tr').first().locator('td').nth(6).getByRole('link');
    await expect(accounts.count()).resolves.toBeGreaterThan(1);
    await expect(accounts.first().getAttribute('href')).resolves.toMatch(/^https:\/\//);

    await page.locator('nsl-org-table #level').selectOption('');
    await page.getByLabel('Search by name, ODS code or website').fill('ambulance');
    const ambulance = bundled.organisations.filter((o) => /ambulance/i.test(o.name)).length;
    await expect(page.locator('nsl-org-table tbody tr').count()).resolves.toBe(ambulance);
    await page.screenshot({ path: 'test-results/dashboard-table.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('pages with accessible buttons and opens the details view, which leads back to the same table', async () => {
    const page = await dashboardPage(main);
    await page.goto(`chrome-extension://${main.extensionId}/dashboard.html#table?page=2`);
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe(`51 to 100 of ${total} organisations`);
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(page.getByTestId('page').textContent()).resolves.toBe(`Page 3 of ${Math.ceil(total / 50)}`);
    await page.getByRole('button', { name: 'Last page' }).focus();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('button', { name: 'Next page' }).getAttribute('aria-disabled')).resolves.toBe('true');
    // The button that became unavailable keeps the focus, and does nothing.
    await expect(
      page.evaluate(() => document.activeElement?.shadowRoot?.activeElement?.shadowRoot?.activeElement?.textContent?.trim()),
    ).resolves.toBe('Last page');
    await page.keyboard.press('Enter');
    await expect(page.getByTestId('row-count').textContent()).resolves.toBe(`${lastPageStart} to ${total} of ${total} organisations`);

    await page.goto(`chrome-extension://${main.extensionId}/dashboard.html#table?q=guy`);
    await page.getByRole('link', { name: "Guy's and St Thomas' NHS Foundation Trust" }).click();
    await expect(page.getByTestId('org-name').textContent()).resolves.toBe("Guy's and St Thomas' NHS Foundation Trust");
    expect(page.url()).toMatch(/#org\/RJ1$/);
    await page.screenshot({ path: 'test-results/dashboard-organisation.png', fullPage: true });
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: 'All organisations' }).click();
    await expect(page.getByLabel('Search by name, ODS code or website').inputValue()).resolves.toBe('guy');
    await page.close();
  });
});

describe('dashboard with 10,000 organisations', () => {
  it('renders its first rows quickly, filters and sorts quickly, and escapes a formula in the CSV', async () => {
    const browser = await launchExtensionBrowser(server.port, buildVariant('dashboard-large', syntheticIndex(10_000)));
    try {
      // The first open also installs the 10,000 organisations into the extension's database.
      const cold = await timeToFirstRender(browser, '#table', '10,000 organisations, table, first open (with install)');
      expect(cold.ms).toBeLessThan(15_000);
      await cold.page.close();
      const overview = await timeToFirstRender(browser, '', '10,000 organisations, overview, first chart');
      expect(overview.ms).toBeLessThan(5_000);
      await overview.page.close();
      const { page, ms } = await timeToFirstRender(browser, '#table', '10,000 organisations, table, first row');
      expect(ms).toBeLessThan(5_000);
      await expect(page.getByTestId('row-count').textContent()).resolves.toBe('1 to 50 of 10,000 organisations');
      await expect(page.getByTestId('page').textContent()).resolves.toBe('Page 1 of 200');

      const timed = async (label: string, act: () => Promise<void>, done: () => Promise<unknown>) => {
        const started = performance.now();
        await act();
        await done();
        timings[label] = Math.round(performance.now() - started);
        console.log(`dashboard: ${label}: ${timings[label]} ms`);
        expect(timings[label]).toBeLessThan(2_000);
      };
      await timed(
        '10,000 organisations, filter by level',
        async () => {
          await page.locator('nsl-org-table #level').selectOption('none');
        },
        () => page.getByTestId('row-count').filter({ hasText: 'from 10,000' }).waitFor(),
      );
      await timed(
        '10,000 organisations, sort by followers',
        () =>
          page
            .locator('nsl-org-table #level')
            .selectOption('')
            .then(() => sortButton(page, 'Followers').click()),
        () => page.locator('nsl-org-table th[aria-sort="ascending"]').filter({ hasText: 'Followers' }).waitFor(),
      );
      await sortButton(page, 'Followers').click();
      await page.locator('nsl-org-table th[aria-sort="descending"]').waitFor();
      await page.screenshot({ path: 'test-results/dashboard-large.png', fullPage: true });
      expect(await axeViolations(page)).toEqual([]);

      await page.getByLabel('Search by name, ODS code or website').fill('HYPERLINK');
      await expect(page.locator('nsl-org-table tbody tr').count()).resolves.toBe(1);
      // Text bindings only: the formula shows as text, never as markup.
      await expect(page.locator('nsl-org-table tbody tr td a').first().textContent()).resolves.toBe(FORMULA_ORGANISATION.name);
      const csv = await downloaded(page, () => page.getByRole('button', { name: 'Download CSV' }).click());
      const text = csv.bytes.toString('utf8');
      expect(text.split('\r\n')[1]).toMatch(/^ZEVIL,ods,"'=HYPERLINK\(""https:\/\/evil\.example"",""Formula Test Trust""\)",/);
      expect(parseCsv(text)[1]?.[CSV_COLUMNS.indexOf('name')]).toBe(`'${FORMULA_ORGANISATION.name}`);
      await page.close();
    } finally {
      await browser.close();
    }
  }, 150_000); // Building and loading a 10,000-organisation extension (a host permission for each of its domains, issue 28) takes most of a minute on two cores; the figures above carry their own budgets.
});
