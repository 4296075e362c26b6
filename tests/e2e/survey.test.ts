import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeIndex } from '../support/index-factory';
import { expectedOutcome, KINDS, noWebsite, organisation, pad, routesFor } from '../support/survey-fixtures';
import { axeViolations } from './support/axe';
import { type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { buildVariant } from './support/variant-build';

/**
 * Issue 29 in Chromium: a survey of 42 generated organisations, each on its own loopback host
 * (`survey-NN.nhs.uk`, mapped by --host-resolver-rules), six kinds of site in turn, and two
 * organisations with no website known. The results table is checked row by row against what each
 * site links, the progress figures as they stand, a pause and a resume after the dashboard was
 * closed (nothing read twice), and axe in every state.
 */
const SITES = 42;

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  const organisations = [
    ...Array.from({ length: SITES }, (_, i) => organisation(i)),
    noWebsite('SVX01', 'Survey Body Without Website A'),
    noWebsite('SVX02', 'Survey Body Without Website B'),
  ];
  const dir = buildVariant('survey', makeIndex(organisations));
  server = await startFixtureServer({}, Object.assign({}, ...Array.from({ length: SITES }, (_, i) => routesFor(i))));
  browser = await launchExtensionBrowser(server.port, dir);
  mkdirSync('test-results', { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const openSurvey = async (): Promise<Page> => {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/dashboard.html#survey`);
  await page.getByRole('heading', { name: 'Your survey', exact: true }).waitFor();
  return page;
};
const figure = (page: Page, name: string) => page.locator(`[data-figure="${name}"]`).textContent();
const resultRows = (page: Page) => page.getByTestId('survey-results').locator('tbody tr');
const readRequests = () => server.requests.filter((r) => r.startsWith('survey-') && !r.endsWith('/favicon.ico'));

describe('Survey the sector (issue 29)', () => {
  it('plans, reads 42 sites politely, pauses, resumes after the dashboard closed, and shows every row as its site links', async () => {
    let page = await openSurvey();
    const plan = page.getByTestId('survey-plan');
    await expect(plan.textContent()).resolves.toMatch(
      /It will read 42 websites, in about \d+ minutes? at one request every second to a site, 4 at once/,
    );
    await expect(plan.textContent()).resolves.toContain('It cannot read 2: no website known');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/survey-plan.png', fullPage: true });

    await page.getByRole('button', { name: 'Start the survey' }).click();
    await waitFor(
      () => resultRows(page).count(),
      (n) => n >= 2 + 8,
      60_000,
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/survey-running.png', fullPage: true });
    // The overview while it reads: the survey goes on, and coming back shows it under way, never a second one.
    await page.evaluate(() => {
      location.hash = '#overview';
    });
    await page.getByTestId('survey-today').waitFor();
    await page.evaluate(() => {
      location.hash = '#survey';
    });
    await expect(page.getByTestId('survey-status').textContent()).resolves.toContain('reading');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByTestId('survey-resume').waitFor({ timeout: 30_000 });
    const readWhenPaused = Number(await figure(page, 'done')) + Number(await figure(page, 'failed')) - 2;
    expect(Number(await figure(page, 'left'))).toBe(SITES - readWhenPaused);
    const requestsWhenPaused = readRequests().length;
    await new Promise((r) => setTimeout(r, 2500));
    expect(readRequests().length).toBe(requestsWhenPaused); // paused: nothing more is asked for
    expect(await axeViolations(page)).toEqual([]);

    // Closing the dashboard keeps everything; opening it offers to resume.
    await page.close();
    page = await openSurvey();
    await page.getByTestId('survey-resume').waitFor();
    await expect(figure(page, 'left')).resolves.toBe(String(SITES - readWhenPaused));
    await page.getByRole('button', { name: 'Resume' }).click();
    await waitFor(
      () => page.getByTestId('survey-status').textContent(),
      (t) => t?.includes('finished') === true,
      120_000,
    );
    await expect(figure(page, 'left')).resolves.toBe('0');
    await expect(figure(page, 'done')).resolves.toBe(String(SITES / 2)); // two-accounts, follow-us and links-none
    await expect(figure(page, 'failed')).resolves.toBe(String(SITES / 2 + 2));

    // Every site's home page was asked for once only: nothing was read twice across the pause.
    const homes = readRequests().filter((r) => r.endsWith('.nhs.uk/'));
    expect(homes.length).toBe(new Set(homes).size);
    expect(homes.length).toBe(SITES - SITES / KINDS.length); // all but the robots-disallow sites

    const rows = await resultRows(page).evaluateAll((trs) =>
      trs.map((tr) => [tr.getAttribute('data-code'), (tr.children[2]?.textContent ?? '').replace(/\s+/g, ' ').trim()]),
    );
    const expected = [
      ...Array.from({ length: SITES }, (_, i) => [`SV${pad(i)}`, expectedOutcome(i)]),
      ['SVX01', 'Not read: no website known'],
      ['SVX02', 'Not read: no website known'],
    ];
    expect(rows).toEqual(expected);
    const answerText = (await page.getByTestId('survey-answer').textContent())?.replace(/\s+/g, ' ');
    expect(answerText).toContain('Surveyed 44 of 44 organisations');
    expect(answerText).toContain('32% (14) link at least one account from their own website');
    expect(answerText).toContain('16% (7) were read and link none');
    expect(answerText).toContain('52% (23) were not read');
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/survey-finished.png', fullPage: true });

    // The researcher's answer on the overview: a "then and now" row, and the accounts in "Seen by you" with their source.
    await page.evaluate(() => {
      location.hash = '#overview';
    });
    const row = (await page.getByTestId('survey-today').textContent())?.replace(/\s+/g, ' ');
    expect(row).toContain('Surveyed 44 of 44 organisations');
    expect(row).toContain('32% link at least one account from their own website');
    await expect(page.getByTestId('seen-summary').textContent()).resolves.toMatch(/\d/);
    await expect(
      page
        .getByTestId('seen-by-you')
        .getByText(/your survey, \d{1,2} \w{3} \d{4}/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: 'test-results/survey-overview.png', fullPage: true });
  }, 240_000);
});
