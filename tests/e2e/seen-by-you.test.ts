/// <reference types="chrome" />
import { mkdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { SEEN_CSV_COLUMNS } from '../../lib/dashboard/seen-export';
import { formatFactDate } from '../../lib/format';
import { parseCsv, parseCsvRecords } from '../../lib/index-build/csv';
import { loadBundledIndex } from '../support/bundled-index';
import { BLUESKY_HOST, blueskyAnswers, blueskyFeedPath, blueskyProfilePath } from '../support/live-apis';
import type { Route } from '../support/route-server';
import { axeViolations } from './support/axe';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, visit } from './support/pages';
import { buildVariant } from './support/variant-build';

/**
 * "Seen by you" in Chromium (issue 19 part 6): three trusts' own websites visited, none of whose
 * accounts the index knows. University Hospitals Dorset (R0D) on its home page twice, two days
 * apart, its footer linking seven platforms, and its Bluesky account's live figures asked for in
 * the popup (Bluesky's public AppView is a loopback server under its real name); Nottingham (RX1)
 * on a news page that links nothing, so the background reads its home page (three platforms);
 * Barts Health (R1H), whose pages link nothing at all. The dashboard shows the layer beside the
 * index, dated, and exports it with the page and date behind every fact.
 */
const BSKY = 'exampleunihospitals.bsky.social';
const UHD_HOME = 'https://www.uhd.nhs.uk/';
const NUH_HOME = 'https://www.nuh.nhs.uk/';
const BARTS_HOME = 'https://www.bartshealth.nhs.uk/';
const NOW = new Date();
const DAY = 86_400_000;

let server: FixtureServer;
let browser: ExtensionBrowser;

const served =
  (key: string): Route =>
  (_request, response) => {
    const answer = blueskyAnswers(BSKY, NOW, 1234)[key];
    if (answer === undefined || answer === 'refuse') response.writeHead(404).end();
    else response.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
  };
const route = (key: string): [string, Route] => [`${key.slice(0, key.indexOf('/'))} ${key.slice(key.indexOf('/'))}`, served(key)];

beforeAll(async () => {
  const extension = buildVariant('seen-by-you', loadBundledIndex(), {
    // Stands in for the user's "Allow" at the first click, which automation cannot give.
    NSL_TEST_HOST_PERMISSIONS: `https://${BLUESKY_HOST}/*`,
  });
  server = await startFixtureServer(
    { 'www.uhd.nhs.uk': 'trust-home-seven.html', 'www.nuh.nhs.uk': 'news-article.html', 'www.bartshealth.nhs.uk': 'news-article.html' },
    {
      'www.nuh.nhs.uk /': (_request, response) => {
        response
          .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
          .end(readFileSync('tests/fixtures/pages/trust-home-three.html'));
      },
      ...Object.fromEntries([route(blueskyProfilePath(BSKY)), route(blueskyFeedPath(BSKY))]),
    },
  );
  browser = await launchExtensionBrowser(server.port, extension);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(() => resetExtensionState(browser));

/** Moves one organisation's sightings and site read `days` back, as if the visit had been then. */
async function visitedDaysAgo(organisationId: string, days: number): Promise<void> {
  const worker = await browser.serviceWorker();
  await worker.evaluate(
    async ({ id, ms }) => {
      const done = <T>(request: IDBRequest<T>) =>
        new Promise<T>((resolve, reject) => {
          request.onsuccess = () => resolve(request.result);
          request.onerror = () => reject(request.error);
        });
      const db = await done(indexedDB.open('nhs-social-lens'));
      const tx = db.transaction(['sightings', 'siteReads'], 'readwrite');
      const back = (iso: string) => new Date(Date.parse(iso) - ms).toISOString();
      const sightings = tx.objectStore('sightings');
      for (const s of (await done(sightings.index('by-organisation').getAll(id))) as { firstSeen: string; lastSeen: string }[])
        sightings.put({ ...s, firstSeen: back(s.firstSeen), lastSeen: back(s.lastSeen) });
      const read = (await done(tx.objectStore('siteReads').get(id))) as { readAt: string } | undefined;
      if (read) tx.objectStore('siteReads').put({ ...read, readAt: back(read.readAt) });
      await new Promise((resolve) => {
        tx.oncomplete = resolve;
      });
      db.close();
    },
    { id: organisationId, ms: days * DAY },
  );
}

/** The organisation's stored site read, as the background left it. */
async function siteReadOf(organisationId: string): Promise<{ outcome: string; reason?: string } | undefined> {
  const worker = await browser.serviceWorker();
  return worker.evaluate(async (id) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const open = indexedDB.open('nhs-social-lens');
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    const read = await new Promise<{ outcome: string; reason?: string } | undefined>((resolve) => {
      const request = db.transaction('siteReads').objectStore('siteReads').get(id);
      request.onsuccess = () => resolve(request.result);
    });
    db.close();
    return read;
  }, organisationId);
}

/** Visits `url` and waits until the badge says the page is recognised (`accept`: what it must show). */
async function visitUntil(url: string, accept: (badge: string) => boolean) {
  const { page, tabId } = await visit(browser, url);
  await waitFor(
    () => badgeOf(browser, tabId),
    (b) => accept(b.text),
  );
  return { page, tabId };
}

async function openDashboard(): Promise<Page> {
  const page = await browser.context.newPage();
  await page.setViewportSize({ width: 1100, height: 1000 });
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html`);
  await page.locator('nsl-bar-chart svg').first().waitFor();
  return page;
}

async function downloaded(page: Page, testId: string): Promise<{ name: string; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

const day = (ms: number) => formatFactDate(new Date(ms).toISOString().slice(0, 10));

describe('the dashboard’s "Seen by you" layer', () => {
  it('says plainly that nothing was seen yet, and how to build it, before any visit', async () => {
    const page = await openDashboard();
    const empty = page.getByTestId('seen-empty');
    await empty.waitFor();
    await expect(empty.textContent()).resolves.toMatch(
      /Nothing seen yet\.\s+This layer builds from your own visits: open NHS organisations' own websites/,
    );
    await expect(page.getByTestId('seen-today').count()).resolves.toBe(0);
    await expect(page.locator('nsl-bar-chart').first().locator('svg[role="img"]').getAttribute('aria-label')).resolves.not.toContain(
      'Seen by you',
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  });

  it('shows three visited trusts beside the index, dated, with live figures, and exports every fact with its page and date', async () => {
    // Dorset, two days ago and today: one organisation, first and last observation two days apart.
    const first = await visitUntil(UHD_HOME, (b) => b === '7');
    await first.page.close();
    await visitedDaysAgo('R0D', 2);
    const again = await visitUntil(UHD_HOME, (b) => b === '7');
    const popup = await openPopup(browser, again.tabId, undefined);
    await popup.getByRole('button', { name: `Get live figures for Bluesky ${BSKY}` }).click();
    await popup.locator(`nsl-live-figures[data-account="bluesky:${BSKY}"]`).getByTestId('live-values').waitFor();
    await popup.close();
    await again.page.close();
    // Nottingham through its home page, read from a news page; Barts, whose pages link nothing.
    await (await visitUntil(`${NUH_HOME}news/volunteers-honoured`, (b) => b === '3')).page.close();
    await (await visitUntil(`${BARTS_HOME}news/a-story`, (b) => b !== '')).page.close();
    // The read of Barts' home page may finish in the background after the badge.
    await waitFor(
      () => siteReadOf('R1H'),
      (read) => read !== undefined && read.reason !== 'not finished',
    );

    const page = await openDashboard();
    const seen = page.locator('nsl-seen-by-you');
    await seen.getByTestId('seen-table').waitFor();
    const today = Date.now();
    const dates = `${day(today - 2 * DAY)} to ${day(today)}`;
    await expect(seen.getByTestId('seen-dates').textContent()).resolves.toBe(dates);
    await expect(seen.getByTestId('seen-summary').textContent()).resolves.toMatch(/own websites of 3 organisations/);
    const rows = seen.locator('tbody tr');
    await expect(rows.locator('th').allTextContents()).resolves.toEqual([
      'Barts Health NHS Trust',
      'Nottingham University Hospitals NHS Trust',
      'University Hospitals Dorset NHS Foundation Trust',
    ]);
    await expect(rows.getByTestId('seen-level').allTextContents()).resolves.toEqual([
      'Not yet known',
      'Several platforms, from its own website',
      'Several platforms, from its own website',
    ]);
    await expect(rows.getByTestId('seen-followers').allTextContents()).resolves.toEqual([
      expect.stringContaining('Not measured'),
      expect.stringContaining('Not measured'),
      expect.stringMatching(/^\s*1,234/),
    ]);
    await expect(rows.getByTestId('seen-first').allTextContents()).resolves.toEqual([day(today), day(today), day(today - 2 * DAY)]);
    await expect(rows.getByTestId('seen-last').allTextContents()).resolves.toEqual([day(today), day(today), day(today)]);
    await expect(rows.nth(0).textContent()).resolves.toContain('it links no profiles (not the same as none)');
    await expect(rows.nth(2).getByTestId('seen-live').textContent()).resolves.toMatch(/1,234 followers,\s+live from Bluesky's public API/);

    // Beside the index: then and now, and the charts' second series.
    const seenToday = page.getByTestId('seen-today');
    await expect(seenToday.textContent()).resolves.toContain(`Your own visits, ${dates}`);
    await expect(seenToday.textContent()).resolves.toMatch(/3 organisations whose own websites you visited/);
    await expect(seenToday.textContent()).resolves.toMatch(/2 \(67%\) have at least one official account in use/);
    await expect(seenToday.textContent()).resolves.toMatch(/1 \(33%\) are not yet known/);
    const levels = page.locator('nsl-bar-chart').filter({ hasText: 'Share at each adoption level' });
    await expect(levels.locator('svg[role="img"]').getAttribute('aria-label')).resolves.toMatch(
      new RegExp(
        `Seen by you \\(3 organisations, ${dates}\\): Adoption levels of 3 organisations: Several platforms 2 \\(67%\\), .*Not yet known 1 \\(33%\\)\\.$`,
      ),
    );
    await page.screenshot({ path: 'test-results/dashboard-seen-by-you.png', fullPage: true });
    await seen.screenshot({ path: 'test-results/dashboard-seen-by-you-layer.png' });
    await page.locator('nsl-then-and-now').screenshot({ path: 'test-results/dashboard-seen-by-you-then-and-now.png' });
    await levels.screenshot({ path: 'test-results/dashboard-seen-by-you-levels.png' });
    expect(await axeViolations(page)).toEqual([]);

    const csv = await downloaded(page, 'seen-csv');
    expect(csv.name).toMatch(/^nhs-social-lens-index-v\d+-\d{4}-\d{2}-\d{2}-seen-by-you\.csv$/);
    expect(parseCsv(csv.text)[0]).toEqual([...SEEN_CSV_COLUMNS]);
    const facts = parseCsvRecords(csv.text);
    const of = (code: string, fact: string) => facts.filter((f) => f.ods_code === code && f.fact === fact);
    expect(of('R0D', 'site-links-account')).toHaveLength(7);
    for (const link of of('R0D', 'site-links-account')) {
      expect(link).toMatchObject({ source: 'own website', page_url: UHD_HOME, value: 'counted' });
      expect(Date.parse(link.first_seen ?? '')).toBeLessThan(today - DAY);
      expect(Date.parse(link.observed_at ?? '')).toBeGreaterThan(today - DAY);
    }
    expect(of('RX1', 'site-links-account').map((f) => [f.platform, f.page_url])).toEqual([
      ['x', NUH_HOME],
      ['facebook', NUH_HOME],
      ['instagram', NUH_HOME],
    ]);
    expect(of('RX1', 'site-read')).toEqual([expect.objectContaining({ value: 'found', page_url: NUH_HOME })]);
    expect(of('R1H', 'site-read')).toEqual([
      expect.objectContaining({ value: 'none', page_url: BARTS_HOME, detail: 'linked no profiles' }),
    ]);
    expect(of('R1H', 'adoption-level')).toEqual([expect.objectContaining({ value: 'unknown', detail: 'Not yet known' })]);
    expect(of('R0D', 'followers')).toEqual([
      expect.objectContaining({
        platform: 'bluesky',
        value: '1234',
        source: "live from Bluesky's public API",
        page_url: `https://bsky.app/profile/${BSKY}`,
      }),
    ]);
    for (const fact of facts) expect(fact.observed_at).toMatch(/^\d{4}-\d{2}-\d{2}/);

    const jsonl = await downloaded(page, 'seen-jsonl');
    expect(jsonl.name).toMatch(/^nhs-social-lens-index-v\d+-\d{4}-\d{2}-\d{2}-seen-by-you\.jsonl$/);
    const lines = jsonl.text
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line));
    expect(lines).toHaveLength(facts.length);
    expect(lines.map((l) => [l.odsCode, l.fact, l.pageUrl, l.observedAt])).toEqual(
      facts.map((f) => [f.ods_code, f.fact, f.page_url, f.observed_at]),
    );
    expect(lines.find((l) => l.fact === 'followers')).toMatchObject({ value: 1234, handle: BSKY });
    await page.close();
  });
});
