/// <reference types="chrome" />
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type CorrectionDraft, parseCorrectionsFile } from '../../lib/corrections/correction';
import { formatFactDate } from '../../lib/format';
import type { NhsIndex } from '../../lib/index/schema';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import { runNsl } from '../support/run-nsl';
import { axeViolations } from './support/axe';
import { exportedCorrectionsFile, savedCorrection } from './support/corrections';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { askBackground, extensionPage as openExtensionPage, resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, recognisedPopup, visit } from './support/pages';
import { INDEX_HOST as HOST, publish, send as sendWith, TEST_PUBLIC_KEY } from './support/published-copy';
import { buildVariant } from './support/variant-build';

/**
 * The volunteer's whole loop in Chromium: a trust page whose footer links an account the index
 * lacks → "Suggest adding" in the popup → the form (checked, kept across a reload) → "My
 * corrections" → the suggestion shown in the popup as not yet reviewed → exported as a file →
 * `corrections apply` and `index build` on the command line → the rebuilt index published and
 * installed → the account is official in the popup and the correction shows as merged.
 */
const REPOSITORY = 'https://git.example/nhs-social-lens';
const TRUST_PAGE = 'https://www.kch.nhs.uk/';

let server: FixtureServer;
let browser: ExtensionBrowser;
const notFound: Route = (_q, r) => void r.writeHead(404).end();
let manifestRoute = notFound;
let indexRoute = notFound;
const send = (body: string | Uint8Array) => sendWith(200, body);

/** The suggestion the loop saves through the form: King's College Hospital's footer X account, as official. */
const SUGGESTION: CorrectionDraft = {
  kind: 'missing-account',
  organisationId: 'RJZ',
  platform: 'x',
  handle: 'https://twitter.com/ExampleNHS',
  domain: '',
  evidenceUrl: TRUST_PAGE,
  note: 'Linked from the footer of every page.',
};

beforeAll(async () => {
  const extension = buildVariant('corrections', loadBundledIndex(), {
    NSL_INDEX_PUBLIC_KEY: TEST_PUBLIC_KEY,
    NSL_INDEX_SOURCE: `https://${HOST}/published`,
    NSL_REPOSITORY_URL: REPOSITORY,
    // Stands in for the activeTab grant of a real click on the toolbar button, which automation cannot make.
    NSL_TEST_HOST_PERMISSIONS: 'https://x.com/*',
  });
  server = await startFixtureServer(
    { 'www.kch.nhs.uk': 'footer-icons.html', 'x.com': '../social-pages/x-profile.html' },
    { [`${HOST} /published/manifest.json`]: (q, r) => manifestRoute(q, r), [`${HOST} /published/index.json`]: (q, r) => indexRoute(q, r) },
  );
  browser = await launchExtensionBrowser(server.port, extension);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Each test starts from a first start: the bundled index, no corrections, default settings, an
// empty research log, nothing published; the step of the loop it checks sets up what came before.
beforeEach(async () => {
  manifestRoute = notFound;
  indexRoute = notFound;
  await resetExtensionState(browser);
});

const extensionPage = (path: string) => openExtensionPage(browser, path);

/** Set-up: publishes `index` (signed with the test key) and has the extension install it. */
async function installedFromPublished(index: NhsIndex): Promise<void> {
  const { manifest, body } = await publish(index);
  manifestRoute = send(JSON.stringify(manifest));
  indexRoute = send(body);
  const outcome = await askBackground(browser, 'ui-bg-refresh-index', {});
  if (outcome.outcome !== 'updated') throw new Error(`set-up: the published index was not installed: ${JSON.stringify(outcome)}`);
}

const trustPopup = (screenshot: string | undefined) => recognisedPopup(browser, TRUST_PAGE, screenshot);

/** The popup's "Suggest adding" link for the account the trust's footer links to, in that row's details (issue 19). */
async function suggestAdding(popup: Page) {
  await popup.locator('summary', { hasText: 'Where X (Twitter) ExampleNHS comes from' }).click();
  return popup.getByRole('link', { name: 'Suggest adding X (Twitter) ExampleNHS to the index' });
}

describe('a volunteer’s correction, from the popup to a merged index', () => {
  it('the popup offers to add an account the footer links to, and the form opens prefilled', async () => {
    const { page, popup } = await trustPopup('corrections-popup-before.png');
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RJZ');
    const formAddress = (await (await suggestAdding(popup)).getAttribute('href')) ?? '';
    expect(formAddress).toMatch(/^\/corrections\.html\?org=RJZ&kind=missing-account&platform=x&handle=https%3A%2F%2Fx\.com%2FExampleNHS/);
    await expect(popup.getByTestId('suggest-correction').getAttribute('href')).resolves.toContain('org=RJZ');
    await popup.close();
    await page.close();

    const form = await extensionPage(formAddress);
    await expect(form.getByTestId('organisation-name').textContent()).resolves.toBe("King's College Hospital NHS Foundation Trust");
    await expect(form.locator('#platform').inputValue()).resolves.toBe('x');
    await expect(form.getByTestId('canonical-url').textContent()).resolves.toContain('https://x.com/ExampleNHS');
    await expect(form.locator('#evidenceUrl').inputValue()).resolves.toBe(TRUST_PAGE);
    await form.close();
  });

  it('refuses an invalid suggestion with messages beside the fields, and keeps what was typed, also across a reload', async () => {
    const { page, popup } = await trustPopup(undefined);
    const formAddress = (await (await suggestAdding(popup)).getAttribute('href')) ?? '';
    await popup.close();
    await page.close();
    const form = await extensionPage(formAddress);
    await form.locator('#handle').fill('https://x.com/share?text=hello');
    await form.locator('#evidenceUrl').fill('not an address');
    await form.locator('#note').fill('Linked from the footer of every page.');
    await form.getByTestId('save').click();
    await expect(form.getByTestId('error-handle').textContent()).resolves.toMatch(/share/i);
    await expect(form.getByTestId('error-evidenceUrl').textContent()).resolves.toContain('Enter the address of a page');
    await expect(form.getByTestId('error-summary').textContent()).resolves.toContain('Nothing was lost');
    expect(await axeViolations(form)).toEqual([]);
    await form.screenshot({ path: 'test-results/corrections-form-errors.png', fullPage: true });
    await form.getByText('Draft saved in this browser.').or(form.getByText('Kept as a draft.')).first().waitFor();
    expect(form.url()).toMatch(/corrections\.html\?id=c-/);

    await form.reload();
    await expect(form.locator('#handle').inputValue()).resolves.toBe('https://x.com/share?text=hello');
    await expect(form.locator('#evidenceUrl').inputValue()).resolves.toBe('not an address');
    await expect(form.locator('#note').inputValue()).resolves.toBe('Linked from the footer of every page.');

    // Closing the page and starting again from the popup finds the same unfinished draft.
    await form.close();
    const again = await extensionPage(formAddress);
    await expect(again.getByTestId('notice').textContent()).resolves.toContain('restored');
    await expect(again.locator('#handle').inputValue()).resolves.toBe('https://x.com/share?text=hello');
    await again.locator('#handle').fill('https://twitter.com/ExampleNHS');
    await again.locator('#evidenceUrl').fill(TRUST_PAGE);
    await again.screenshot({ path: 'test-results/corrections-form.png', fullPage: true });
    await again.getByTestId('save').click();
    await again.waitForURL(/corrections\.html\?saved=/);
    await again.getByTestId('correction').first().waitFor();
    await expect(again.getByTestId('state').first().textContent()).resolves.toContain('Ready to send');
    await expect(again.getByTestId('message').textContent()).resolves.toContain('ready to send');
    expect(await axeViolations(again)).toEqual([]);
    await again.screenshot({ path: 'test-results/corrections-mine.png', fullPage: true });
    await again.close();
  });

  it('shows the suggestion in the popup as not yet reviewed, until the user hides it', async () => {
    await savedCorrection(browser, SUGGESTION);
    const { page, popup } = await trustPopup('corrections-popup-own-suggestion.png');
    const own = popup.getByTestId('own-suggestions');
    await expect(own.textContent()).resolves.toMatch(
      /Add X \(Twitter\) ExampleNHS as an official account\s*\(your suggestion, not yet reviewed\)/,
    );
    expect(await axeViolations(popup)).toEqual([]);
    await popup.getByRole('button', { name: 'Hide my suggestions' }).click();
    await popup.locator('nsl-popup main[aria-busy="false"]').waitFor();
    await popup.getByTestId('org-ods').waitFor();
    await expect(own.count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });

  it('exports the suggestion as a file and as a prefilled issue', async () => {
    await savedCorrection(browser, SUGGESTION);
    const mine = await extensionPage('/corrections.html');
    const issue = await mine.getByTestId('issue-link').getAttribute('href');
    const issueUrl = new URL(issue ?? '');
    expect(issueUrl.origin + issueUrl.pathname).toBe(`${REPOSITORY}/issues/new`);
    expect(issueUrl.searchParams.get('title')).toBe("Correction (missing account): King's College Hospital NHS Foundation Trust (RJZ)");
    const body = issueUrl.searchParams.get('body') ?? '';
    expect(body).toContain('Account: https://x.com/ExampleNHS');
    expect(body).toContain(`Evidence: ${TRUST_PAGE}`);
    expect(issue?.length).toBeLessThan(6000);
    writeFileSync('test-results/corrections-prefilled-issue.txt', `${issue}\n\nTitle: ${issueUrl.searchParams.get('title')}\n\n${body}\n`);

    const [download] = await Promise.all([mine.waitForEvent('download'), mine.getByTestId('download').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'nsl-corrections-')), download.suggestedFilename());
    await download.saveAs(file);
    const parsed = parseCorrectionsFile(readFileSync(file, 'utf8'));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.file.corrections).toEqual([
      expect.objectContaining({
        kind: 'missing-account',
        organisationId: 'RJZ',
        platform: 'x',
        handle: 'ExampleNHS',
        accountUrl: 'https://x.com/ExampleNHS',
        evidenceUrl: TRUST_PAGE,
      }),
    ]);
    cpSync(file, 'test-results/corrections-exported.json');
    await mine.getByTestId('state').filter({ hasText: 'Sent on' }).waitFor();
    await expect(mine.getByTestId('message').textContent()).resolves.toContain('Downloaded');
    await mine.close();
  });

  it('the maintainers apply it, rebuild and publish the index; installed, the account is official and the correction merged', async () => {
    const exported = await exportedCorrectionsFile(browser, [await savedCorrection(browser, SUGGESTION)]);
    const work = mkdtempSync(join(tmpdir(), 'nsl-maintainers-'));
    const data = join(work, 'data');
    cpSync('data', data, { recursive: true });
    const check = await runNsl(['corrections', 'check', exported, '--data', data]);
    expect(check.code).toBe(0);
    expect(check.lines).toEqual([expect.objectContaining({ status: 'apply', change: 'RJZ: add x ExampleNHS as official' })]);
    const apply = await runNsl(['corrections', 'apply', exported, '--data', data, '--reviewer', 'e2e-maintainer', '--date', '2026-11-25']);
    expect(apply.code).toBe(0);
    const built = join(work, 'index.json');
    const build = await runNsl(['index', 'build', '--collected', data, '--out', built]);
    expect(build.code, build.stderr).toBe(0);

    // A release would bump the version; the published copy is signed as the refresh issue describes.
    const index = JSON.parse(readFileSync(built, 'utf8')) as NhsIndex;
    const next = index.indexVersion + 1;
    index.indexVersion = next;
    const account = index.organisations.find((o) => o.id === 'RJZ')?.accounts.find((a) => a.handle === 'ExampleNHS');
    expect(account).toMatchObject({ verification: 'official', source: 'volunteer-corrections' });
    const { manifest, body } = await publish(index);
    manifestRoute = send(JSON.stringify(manifest));
    indexRoute = send(body);
    const page = await extensionPage('/popup.html?tab=-1');
    await expect(page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-refresh-index', payload: {} }))).resolves.toMatchObject({
      outcome: 'updated',
      indexVersion: next,
    });
    await page.close();

    const { page: trust, popup } = await trustPopup('corrections-popup-merged.png');
    await expect(popup.getByTestId('accounts').textContent()).resolves.toContain('ExampleNHS');
    await expect(popup.getByTestId('accounts').textContent()).resolves.toContain('Volunteer corrections');
    await expect(popup.getByTestId('own-suggestions').count()).resolves.toBe(0);
    await popup.close();
    await trust.close();

    const mine = await extensionPage('/corrections.html');
    await mine.getByTestId('state').filter({ hasText: 'Merged into the index' }).waitFor();
    expect(await axeViolations(mine)).toEqual([]);
    await mine.screenshot({ path: 'test-results/corrections-merged.png', fullPage: true });
    await mine.close();
  });
});

describe('switching the extension off on one site', () => {
  it('"Don’t run on this site" in the popup stops the lookup and the badge there, and "Turn back on" restores them', async () => {
    const { page, tabId, popup } = await trustPopup('popup-site-before-off.png');
    await popup.getByTestId('site-off').click();
    await popup.locator('[data-state="disabled"]').waitFor();
    await popup.screenshot({ path: 'test-results/popup-state-disabled.png', fullPage: true });
    expect(await axeViolations(popup)).toEqual([]);
    await page.reload();
    await waitFor(
      () => badgeOf(browser, tabId),
      (b) => b.text === '',
    );
    await popup.getByTestId('site-on').click();
    await popup.getByTestId('org-ods').waitFor();
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RJZ');
    await popup.close();
    await page.close();
  });
});

describe('the options page: your data', () => {
  it('exports settings and corrections, refuses a broken file, imports after confirmation, and deletes all on request', async () => {
    // Where the volunteer's loop leaves a profile: a refreshed index and one correction.
    await installedFromPublished({ ...loadBundledIndex(), indexVersion: loadBundledIndex().indexVersion + 1 });
    await savedCorrection(browser, SUGGESTION);
    const options = await extensionPage('/options.html');
    await options.getByTestId('index-version').filter({ hasText: 'refreshed' }).waitFor();
    const [download] = await Promise.all([options.waitForEvent('download'), options.getByTestId('export-data').click()]);
    const file = join(mkdtempSync(join(tmpdir(), 'nsl-user-data-')), download.suggestedFilename());
    await download.saveAs(file);
    const exportedData = JSON.parse(readFileSync(file, 'utf8'));
    expect(exportedData).toMatchObject({ format: 'nhs-social-lens-user-data', version: 1, settings: { researchLog: false } });
    expect(exportedData.corrections.length).toBe(1);

    const broken = `${file}.broken.json`;
    writeFileSync(broken, JSON.stringify({ ...exportedData, settings: { ...exportedData.settings, indexSource: 'http://evil.example/' } }));
    await options.locator('#import').setInputFiles(broken);
    await expect(options.getByTestId('import-error').textContent()).resolves.toContain(
      'settings.indexSource: must be empty or an https:// address',
    );
    await expect(options.getByTestId('import-summary').count()).resolves.toBe(0);

    const changed = `${file}.changed.json`;
    writeFileSync(changed, JSON.stringify({ ...exportedData, settings: { ...exportedData.settings, researchLog: true } }));
    await options.locator('#import').setInputFiles(changed);
    await expect(options.getByTestId('import-summary').textContent()).resolves.toContain('Settings: 1 would change (research log)');
    await expect(options.locator('#log').isChecked()).resolves.toBe(false); // nothing replaced before confirming
    expect(await axeViolations(options)).toEqual([]);
    await options.screenshot({ path: 'test-results/options-import.png', fullPage: true });
    await options.getByTestId('confirm-import').click();
    await options.getByTestId('message').filter({ hasText: 'Imported your settings and 1 correction' }).waitFor();
    await expect(options.locator('#log').isChecked()).resolves.toBe(true);

    await options.getByTestId('delete-all').click();
    await options.getByTestId('confirm-delete-all').click();
    await options.getByTestId('message').filter({ hasText: 'All your data was deleted' }).waitFor();
    await expect(options.locator('#log').isChecked()).resolves.toBe(false);
    await options.close();
    const mine = await extensionPage('/corrections.html');
    await mine.getByTestId('empty').waitFor();
    await mine.close();
  });
});

describe('the research log (opt-in)', () => {
  it('records visits only once turned on, shows them, exports them as formula-safe CSV and clears them', async () => {
    const { page: first, popup: before } = await trustPopup('research-log-off.png');
    await before.close();
    await first.close();
    const settingsPage = await extensionPage('/options.html');
    await settingsPage.locator('#log').check();
    await settingsPage.getByTestId('message').filter({ hasText: 'Settings saved' }).waitFor();
    await settingsPage.close();
    const { page, popup } = await trustPopup('research-log-on.png');
    await popup.close();
    await page.close();

    const log = await extensionPage('/research-log.html');
    const rows = log.getByTestId('log').locator('tbody tr');
    await rows.first().waitFor();
    await expect(rows.count()).resolves.toBe(1);
    await expect(rows.first().textContent()).resolves.toContain("King's College Hospital NHS Foundation Trust");
    expect(await axeViolations(log)).toEqual([]);
    await log.screenshot({ path: 'test-results/research-log.png', fullPage: true });
    const [download] = await Promise.all([log.waitForEvent('download'), log.getByTestId('export-log').click()]);
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.split('\r\n')[0]).toBe('visited_at,organisation_id,organisation_name,url');
    expect(csv).toContain(`RJZ,King's College Hospital NHS Foundation Trust,${TRUST_PAGE}`);
    await log.getByTestId('clear-log').click();
    await log.getByTestId('confirm-clear').click();
    await log.getByTestId('empty').waitFor();
    await log.close();
  });
});

describe('observed follower counts, end to end (opt-in)', () => {
  const PROFILE = 'https://x.com/GreatOrmondSt';

  it('reads nothing while the setting is off', async () => {
    const { page, tabId } = await visit(browser, PROFILE);
    const popup = await openPopup(browser, tabId, 'popup-observed-off.png', PROFILE);
    await expect(popup.getByTestId('org-ods').textContent()).resolves.toBe('RP4');
    // The popup has answered (openPopup waits for that), and it decides whether to read the count
    // before it answers; a read would also leave a draft with the background (issue 26: no sleep).
    const { corrections } = await askBackground(browser, 'ui-bg-list-corrections', {});
    expect(corrections.filter((c) => c.draft.kind === 'observed-followers')).toEqual([]);
    await expect(popup.getByTestId('observed').count()).resolves.toBe(0);
    await popup.close();
    await page.close();
  });

  it('once turned on, reads the count on the organisation’s own profile, keeps it as “observed by you”, and offers it as a correction', async () => {
    const settingsPage = await extensionPage('/options.html');
    await settingsPage.locator('#observed').check();
    await settingsPage.getByTestId('message').filter({ hasText: 'Settings saved' }).waitFor();
    await settingsPage.close();
    const dayBefore = new Date();
    const { page, tabId } = await visit(browser, PROFILE);
    const popup = await openPopup(browser, tabId, 'popup-observed.png', PROFILE);
    const observed = popup.getByTestId('observed');
    await observed.waitFor();
    // The background stamps the day it read the count: the test's own clock says which day that is
    // (either side of midnight), never the day the test was written.
    const days = [dayBefore, new Date()].map((d) => formatFactDate(d.toISOString().slice(0, 10)));
    await expect(observed.textContent()).resolves.toMatch(
      new RegExp(`About 468,200 followers\\s*, observed by you on\\s*(${days.join('|')})`),
    );
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/popup-observed.png', fullPage: true });
    const offer = (await observed.getByRole('link', { name: 'Offer it as a correction' }).getAttribute('href')) ?? '';
    await popup.close();
    await page.close();

    const form = await extensionPage(offer);
    await expect(form.locator('#followers').inputValue()).resolves.toBe('468200');
    await expect(form.locator('#evidenceUrl').inputValue()).resolves.toBe(PROFILE);
    await form.getByTestId('save').click();
    await form.waitForURL(/corrections\.html\?saved=/);
    await form
      .getByTestId('correction')
      .filter({ hasText: 'about 468,200 followers, observed by you' })
      .getByTestId('state')
      .filter({ hasText: 'Ready to send' })
      .waitFor();
    await form.close();
  });
});
