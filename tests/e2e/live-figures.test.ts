/// <reference types="chrome" />
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { formatFactDate } from '../../lib/format';
import type { NhsIndex } from '../../lib/index/schema';
import { loadBundledIndex } from '../support/bundled-index';
import {
  BLUESKY_HOST,
  blueskyAnswers,
  blueskyFeedPath,
  blueskyProfilePath,
  type FakeAnswers,
  jsonAnswer,
  MASTODON_HOST,
  mastodonAnswers,
  mastodonLookupPath,
  mastodonStatusesPath,
} from '../support/live-apis';
import type { Route } from '../support/route-server';
import { axeViolations } from './support/axe';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { liveStores, shownTime } from './support/live-stores';
import { openPopup, visit } from './support/pages';
import { buildVariant } from './support/variant-build';

/**
 * Live figures in Chromium (issue 19): a trust whose index entry holds a Bluesky and a Mastodon
 * account, and whose own page links its charity's Mastodon account; Bluesky's public AppView and
 * the Mastodon instance are loopback servers under their real host names. "Get live figures"
 * shows the figures with their source and time; each failure (no network, 429, 500, an account
 * gone, malformed JSON) says so in words and keeps the last figures; every state passes axe and
 * is saved in test-results/. The requests come from the service worker, never from a page.
 */
const TRUST_PAGE = 'https://www.uclh.nhs.uk/';
const BSKY = 'uclh.bsky.social';
const MASTO = `@uclh@${MASTODON_HOST}`;
const CHARITY = `@uclhcharity@${MASTODON_HOST}`;
/** The figures are dated from the time the browser lives in; the extension reads its own clock. */
const NOW = new Date();

let server: FixtureServer;
let browser: ExtensionBrowser;
let extension = '';
let answers: FakeAnswers = {};
/** While set, the APIs hold their answers until it resolves (to see the busy state). */
let hold: Promise<void> | undefined;

const GOOD: FakeAnswers = {
  ...blueskyAnswers(BSKY, NOW, 1234),
  ...mastodonAnswers('uclh', NOW, 800),
  [mastodonLookupPath('uclhcharity')]: mastodonAnswers('uclhcharity', NOW, 95)[mastodonLookupPath('uclhcharity')] ?? 'refuse',
};

/** Answers `host/path?query` from `answers` as it is now: an answer, a dropped connection, or a 404. */
const served =
  (key: string): Route =>
  async (request, response) => {
    if (hold) await hold;
    const answer = answers[key];
    if (answer === 'refuse') request.socket.destroy();
    else if (answer === undefined) response.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"Record not found"}');
    else response.writeHead(answer.status, answer.headers ?? {}).end(answer.body);
  };

function variantIndex(): NhsIndex {
  const index = loadBundledIndex();
  const source = {
    id: 'live-test-source',
    name: 'Test source (live figures)',
    url: 'https://example.org/',
    licence: 'OGL-3.0',
    date: '2026-08-01',
  };
  const account = { verification: 'official' as const, state: 'active' as const, source: source.id, checked: '2026-08-01' };
  return {
    ...index,
    sources: [...index.sources, source],
    organisations: index.organisations.map((org) =>
      org.id === 'RRV'
        ? {
            ...org,
            accounts: [
              ...org.accounts,
              { ...account, platform: 'bluesky', handle: BSKY, url: `https://bsky.app/profile/${BSKY}` },
              { ...account, platform: 'mastodon', handle: MASTO, url: `https://${MASTODON_HOST}/@uclh` },
            ],
          }
        : org,
    ),
  };
}

beforeAll(async () => {
  extension = buildVariant('live-figures', variantIndex(), {
    // Stands in for the user's "Allow" at the first click, which automation cannot give.
    NSL_TEST_HOST_PERMISSIONS: `https://${BLUESKY_HOST}/*,https://${MASTODON_HOST}/*`,
  });
  const keys = [
    blueskyProfilePath(BSKY),
    blueskyFeedPath(BSKY),
    mastodonLookupPath('uclh'),
    mastodonLookupPath('uclhcharity'),
    mastodonStatusesPath('109'),
  ];
  const routes = Object.fromEntries(keys.map((key) => [`${key.slice(0, key.indexOf('/'))} ${key.slice(key.indexOf('/'))}`, served(key)]));
  server = await startFixtureServer({ 'www.uclh.nhs.uk': 'live-figures-trust.html' }, routes);
  browser = await launchExtensionBrowser(server.port, extension);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

beforeEach(async () => {
  answers = GOOD;
  hold = undefined;
  await liveStores(browser, 'clear');
});

/** The popup on the trust's page, with requests from its own page recorded (there must be none to the APIs). */
async function trustPopup(screenshot: string) {
  const { page, tabId } = await visit(browser, TRUST_PAGE);
  await waitFor(
    () => badgeOf(browser, tabId),
    (b) => b.text !== '',
  );
  const pageRequests: string[] = [];
  page.on('request', (r) => pageRequests.push(r.url()));
  const popup = await openPopup(browser, tabId, screenshot);
  popup.on('request', (r) => pageRequests.push(r.url()));
  return { page, tabId, popup, pageRequests };
}

const live = (popup: Page, key: string) => popup.locator(`nsl-live-figures[data-account="${key}"]`);
const getLive = (popup: Page, label: string) => popup.getByRole('button', { name: `Get live figures for ${label}` }).click();

const apiRequests = () => server.requests.filter((r) => r.startsWith(BLUESKY_HOST) || r.startsWith(MASTODON_HOST));

describe('live figures in the popup', () => {
  it('shows a Bluesky and a Mastodon account’s live figures with source and time, asked from the service worker', async () => {
    const { page, popup, pageRequests } = await trustPopup('live-figures-before.png');
    await expect(live(popup, `bluesky:${BSKY}`).getByTestId('live-get').isVisible()).resolves.toBe(true);
    expect(await axeViolations(popup)).toEqual([]);

    let release: () => void = () => undefined;
    hold = new Promise((resolve) => {
      release = resolve;
    });
    await getLive(popup, `Bluesky ${BSKY}`);
    await live(popup, `bluesky:${BSKY}`).getByTestId('live-busy').waitFor();
    await expect(live(popup, `bluesky:${BSKY}`).getByTestId('live-busy').textContent()).resolves.toBe('Asking Bluesky for live figures…');
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/live-figures-busy.png', fullPage: true });
    hold = undefined;
    release();

    const bluesky = live(popup, `bluesky:${BSKY}`);
    await bluesky.getByTestId('live-values').waitFor();
    const lastPost = formatFactDate(new Date(NOW.getTime() - 86_400_000).toISOString().slice(0, 10));
    await expect(bluesky.getByTestId('live-values').textContent()).resolves.toBe(
      `1,234 followers · 3 posts in 30 days · 33% replies · last post ${lastPost}`,
    );
    await expect(bluesky.getByTestId('live-style').textContent()).resolves.toBe('Conversational: replies to people often.');
    await expect(bluesky.getByTestId('live-source').textContent()).resolves.toBe(
      `live from Bluesky's public API, ${await shownTime(browser, `bluesky:${BSKY}`)}`,
    );

    await getLive(popup, `Mastodon ${MASTO}`);
    const mastodon = live(popup, `mastodon:${MASTO}`);
    await mastodon.getByTestId('live-values').waitFor();
    await expect(mastodon.getByTestId('live-values').textContent()).resolves.toMatch(/^800 followers · 2 posts in 30 days · 0% replies/);
    await expect(mastodon.getByTestId('live-style').textContent()).resolves.toBe('Broadcaster: mostly posts without replying.');
    await expect(mastodon.getByTestId('live-source').textContent()).resolves.toMatch(
      new RegExp(`^live from ${MASTODON_HOST}'s public API, `),
    );

    // From the site: the charity's Mastodon account its footer links to.
    await getLive(popup, `Mastodon ${CHARITY}`);
    await live(popup, `mastodon:${CHARITY}`).getByTestId('live-values').waitFor();
    await expect(live(popup, `mastodon:${CHARITY}`).getByTestId('live-values').textContent()).resolves.toMatch(/^95 followers/);

    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/live-figures-measured.png', fullPage: true });
    // The service worker asked; neither the popup nor the trust's page did.
    expect(apiRequests()).toEqual(
      expect.arrayContaining([blueskyProfilePath(BSKY), mastodonLookupPath('uclh'), mastodonLookupPath('uclhcharity')]),
    );
    expect(pageRequests.filter((url) => url.includes(BLUESKY_HOST) || url.includes(MASTODON_HOST))).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('keeps an answer for a day: a popup opened again shows it without asking, and the days build a growth line', async () => {
    const first = await trustPopup('live-figures-first-visit.png');
    await getLive(first.popup, `Bluesky ${BSKY}`);
    await live(first.popup, `bluesky:${BSKY}`).getByTestId('live-values').waitFor();
    await first.popup.close();
    await first.page.close();

    const asked = apiRequests().length;
    const again = await trustPopup('live-figures-kept.png');
    const bluesky = live(again.popup, `bluesky:${BSKY}`);
    await bluesky.getByTestId('live-kept').waitFor();
    await expect(bluesky.getByTestId('live-values').textContent()).resolves.toMatch(/^1,234 followers/);
    expect(apiRequests()).toHaveLength(asked);
    await again.popup.close();
    await again.page.close();

    // Two days on, the account has grown: a second point, and the line of the user's own visits.
    await liveStores(browser, 'age');
    answers = { ...GOOD, ...blueskyAnswers(BSKY, NOW, 1300) };
    const later = await trustPopup('live-figures-later.png');
    await getLive(later.popup, `Bluesky ${BSKY}`);
    const grown = live(later.popup, `bluesky:${BSKY}`);
    await grown.getByText('Followers on your visits').waitFor();
    await expect(grown.locator('nsl-sparkline svg').getAttribute('aria-label')).resolves.toMatch(
      /^Followers on your visits: .*: 1,234; .*: 1,300$/,
    );
    expect(await axeViolations(later.popup)).toEqual([]);
    await later.popup.screenshot({ path: 'test-results/live-figures-your-visits.png', fullPage: true });
    await later.popup.close();
    await later.page.close();
  });

  const profile = blueskyProfilePath(BSKY);
  it.each([
    ['offline', { [profile]: 'refuse' as const }, /^Could not reach Bluesky: this computer may be offline\. Try again later\.$/],
    [
      'rate-limited',
      { [profile]: jsonAnswer(429, { error: 'RateLimitExceeded' }, { 'retry-after': '300' }) },
      /^Bluesky asked us to wait; try again in [45] minutes\.$/,
    ],
    [
      'server-error',
      { [profile]: jsonAnswer(500, { error: 'InternalServerError' }) },
      /^Bluesky had a problem on its side \(HTTP 500\)\. Try again later\.$/,
    ],
    [
      'gone',
      { [profile]: jsonAnswer(400, { error: 'AccountDeactivated', message: 'Account is deactivated' }) },
      /^This account is no longer on Bluesky \(deactivated\)\.$/,
    ],
    [
      'malformed',
      { [profile]: jsonAnswer(200, '{"did": "did:plc:x", "followersCount": 12') },
      /^Bluesky answered, but not in the form its public API uses, so no figures could be read from it\. Try again later\.$/,
    ],
  ])('Bluesky %s: says so in words and keeps the last figures', async (name, failing, words) => {
    const { page, tabId, popup } = await trustPopup(`live-figures-${name}-before.png`);
    await getLive(popup, `Bluesky ${BSKY}`);
    await live(popup, `bluesky:${BSKY}`).getByTestId('live-values').waitFor();
    await popup.close();
    await liveStores(browser, 'age');
    answers = { ...GOOD, ...failing };

    const again = await openPopup(browser, tabId, `live-figures-${name}-kept.png`);
    await getLive(again, `Bluesky ${BSKY}`);
    const bluesky = live(again, `bluesky:${BSKY}`);
    await bluesky.getByTestId('live-problem').waitFor();
    await expect(bluesky.getByTestId('live-problem').textContent()).resolves.toMatch(words);
    await expect(bluesky.getByTestId('live-values').textContent()).resolves.toMatch(/^1,234 followers/);
    await expect(bluesky.getByTestId('live-source').textContent()).resolves.toBe(
      `Last figures, live from Bluesky's public API, ${await shownTime(browser, `bluesky:${BSKY}`)}`,
    );
    expect(await axeViolations(again)).toEqual([]);
    await again.screenshot({ path: `test-results/live-figures-${name}.png`, fullPage: true });
    await again.close();
    await page.close();
  });

  it('a Mastodon account gone from its instance (404) is said so, its last figures kept', async () => {
    const { page, tabId, popup: first } = await trustPopup('live-figures-mastodon-before.png');
    await getLive(first, `Mastodon ${MASTO}`);
    await live(first, `mastodon:${MASTO}`).getByTestId('live-values').waitFor();
    await first.close();
    await liveStores(browser, 'age');
    answers = { ...GOOD, [mastodonLookupPath('uclh')]: jsonAnswer(404, { error: 'Record not found' }) };
    const popup = await openPopup(browser, tabId, 'live-figures-mastodon-kept.png');
    await getLive(popup, `Mastodon ${MASTO}`);
    const mastodon = live(popup, `mastodon:${MASTO}`);
    await mastodon.getByTestId('live-problem').waitFor();
    await expect(mastodon.getByTestId('live-problem').textContent()).resolves.toBe(
      `This account is no longer on ${MASTODON_HOST} (not found).`,
    );
    await expect(mastodon.getByTestId('live-values').textContent()).resolves.toMatch(/^800 followers/);
    expect(await axeViolations(popup)).toEqual([]);
    await popup.screenshot({ path: 'test-results/live-figures-mastodon-gone.png', fullPage: true });
    await popup.close();
    await page.close();
  });

  it('with "Get live figures without a click" on, the popup asks an allowed host as it opens', async () => {
    const options = await browser.context.newPage();
    await options.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await options.locator('#live').check();
    await options.getByText('Settings saved.').waitFor();
    try {
      const { page, popup } = await trustPopup('live-figures-automatic.png');
      const bluesky = live(popup, `bluesky:${BSKY}`);
      await bluesky.getByTestId('live-values').waitFor();
      await expect(bluesky.getByTestId('live-values').textContent()).resolves.toMatch(/^1,234 followers/);
      expect(apiRequests()).toContain(blueskyProfilePath(BSKY));
      expect(await axeViolations(popup)).toEqual([]);
      await popup.close();
      await page.close();
    } finally {
      await options.locator('#live').uncheck();
      await options.close();
    }
  });
});

describe('where the live figures run', () => {
  it('the code that asks the APIs ships in the service worker alone, never in a page’s scripts', () => {
    const scripts = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith('.js') ? [join(dir, e.name)] : [],
      );
    const asking = scripts(extension)
      .filter((file) => ['app.bsky.feed.getAuthorFeed', '/api/v1/accounts/lookup'].some((m) => readFileSync(file, 'utf8').includes(m)))
      .map((file) => relative(extension, file));
    expect(asking).toEqual(['background.js']);
  });
});

describe('the Firefox build', () => {
  it('declares the hosts as optional permissions, so the first click can ask for one', () => {
    const out = join(process.cwd(), '.output/variants/live-figures-firefox');
    execFileSync(process.execPath, [join(process.cwd(), 'node_modules/wxt/bin/wxt.mjs'), 'build', '-b', 'firefox'], {
      env: { ...process.env, NSL_OUT_DIR: out },
      stdio: 'ignore',
    });
    const manifest = JSON.parse(readFileSync(join(out, 'firefox-mv2/manifest.json'), 'utf8')) as { optional_permissions?: string[] };
    // Any platform's https host, asked one at a time; and every nhs.uk site, which the user may allow once (issue 28).
    expect(manifest.optional_permissions).toEqual(['https://*/*', '*://*.nhs.uk/*']);
  });
});
