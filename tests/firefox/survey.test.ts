import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type FixtureServer, startFixtureServer } from '../e2e/support/fixture-server';
import { buildVariant } from '../e2e/support/variant-build';
import { makeIndex } from '../support/index-factory';
import { expectedOutcome, noWebsite, organisation, pad, routesFor } from '../support/survey-fixtures';
import { type FirefoxExtension, launchFirefoxWithExtension, textIn } from './support/firefox-browser';

/**
 * The survey of the sector (issue 29) once in Firefox (Manifest V2): the dashboard page reads
 * twelve generated loopback sites, one of each kind twice over, and one organisation with no
 * website known, and its results table says of each what its site links.
 */
const SITES = 12;
let server: FixtureServer;
let firefox: FirefoxExtension;

beforeAll(async () => {
  const organisations = [...Array.from({ length: SITES }, (_, i) => organisation(i)), noWebsite('SVX01', 'Survey Body Without Website')];
  const dir = buildVariant('survey-firefox', makeIndex(organisations), {}, true);
  server = await startFixtureServer({}, Object.assign({}, ...Array.from({ length: SITES }, (_, i) => routesFor(i))));
  firefox = await launchFirefoxWithExtension(server.port, dir);
}, 240_000);

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('Survey the sector in Firefox', () => {
  it('reads every site and shows each row as its site links', async () => {
    const page = await firefox.extensionPage('/dashboard.html#survey');
    const start = await page.waitForSelector('pierce/[data-testid="survey-start"]', { timeout: 60_000 });
    await start?.click();
    await page.waitForFunction(
      () => {
        const find = (root: Document | ShadowRoot): Element | null =>
          root.querySelector('[data-testid="survey-status"]') ??
          [...root.querySelectorAll('*')].reduce<Element | null>((found, e) => found ?? (e.shadowRoot ? find(e.shadowRoot) : null), null);
        return find(document)?.textContent?.includes('finished') === true;
      },
      { timeout: 60_000, polling: 250 },
    );
    await page.screenshot({ path: 'test-results/firefox-survey.png', fullPage: true });
    const rows = await page.$$eval('pierce/[data-testid="survey-results"] tbody tr', (trs) =>
      trs.map((tr) => [tr.getAttribute('data-code'), (tr.children[2]?.textContent ?? '').replace(/\s+/g, ' ').trim()]),
    );
    expect(rows).toEqual([
      ...Array.from({ length: SITES }, (_, i) => [`SV${pad(i)}`, expectedOutcome(i)]),
      ['SVX01', 'Not read: no website known'],
    ]);
    expect(await textIn(page, '[data-figure="left"]')).toBe('0');
    await page.close();
  }, 120_000);
});
