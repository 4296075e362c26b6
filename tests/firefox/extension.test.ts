import { mkdirSync, readFileSync } from 'node:fs';
import type { IncomingHttpHeaders } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pageMatchPatterns } from '../../lib/detect/pages';
import { type FixtureServer, startFixtureServer } from '../e2e/support/fixture-server';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import {
  badgeOnceShown,
  FIREFOX_EXTENSION_DIR,
  type FirefoxExtension,
  launchFirefoxWithExtension,
  textIn,
} from './support/firefox-browser';

/**
 * The Firefox build (Manifest V2) in Debian's firefox-esr (issue 22): the background reads a
 * trust's page (one function run in it: there is no content script), sets the toolbar button's
 * badge and tooltip, the popup answers, and any other site is left alone.
 */
let server: FixtureServer;
let firefox: FirefoxExtension;
/** The headers of each request the routes answered, by `host path`. */
const seen = new Map<string, IncomingHttpHeaders>();

const page =
  (file: string): Route =>
  (request, response) => {
    seen.set(`${request.headers.host?.replace(/:\d+$/, '')} ${request.url}`, request.headers);
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      .end(readFileSync(join(process.cwd(), 'tests/fixtures/pages', file)));
  };

beforeAll(async () => {
  server = await startFixtureServer(
    {
      'www.uhd.nhs.uk': 'trust-home-seven.html',
      'www.guysandstthomas.nhs.uk': 'trust-home.html',
    },
    { 'www.nuh.nhs.uk /': page('trust-home-seven.html'), 'www.nuh.nhs.uk /news/volunteers-honoured': page('news-article.html') },
  );
  firefox = await launchFirefoxWithExtension(server.port);
  mkdirSync('test-results', { recursive: true });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('the Firefox build in Firefox', () => {
  it('on a trust page that links its seven accounts: badge 7 and a tooltip naming the trust and its level', async () => {
    const { page, tabId } = await firefox.visit('https://www.uhd.nhs.uk/');
    const badge = await badgeOnceShown(firefox, tabId);
    expect(badge).toEqual({
      text: '7',
      title: 'NHS Social Lens: University Hospitals Dorset NHS Foundation Trust (Several platforms, from its own website)',
    });
    await page.close();
  });

  it('on a trust page that links none: badge "?" (not yet known, never "none")', async () => {
    const { page, tabId } = await firefox.visit('https://www.guysandstthomas.nhs.uk/');
    const badge = await badgeOnceShown(firefox, tabId);
    expect(badge).toEqual({ text: '?', title: "NHS Social Lens: Guy's and St Thomas' NHS Foundation Trust (Not yet known)" });
    await page.close();
  });

  it('on a news page that links nothing, the background reads the home page, without cookies, and counts its seven platforms', async () => {
    // Firefox refuses this read from a host not named in `permissions` (wxt.config.ts: the pages the background reads).
    await firefox.browser
      .defaultBrowserContext()
      .setCookie({ name: 'session', value: 'secret', domain: 'www.nuh.nhs.uk', path: '/', secure: true });
    const { page: tab, tabId } = await firefox.visit('https://www.nuh.nhs.uk/news/volunteers-honoured');
    const badge = await badgeOnceShown(firefox, tabId, (b) => b.text === '7');
    expect(badge.title).toBe('NHS Social Lens: Nottingham University Hospitals NHS Trust (Several platforms, from its own website)');
    expect(server.requests.filter((r) => r.startsWith('www.nuh.nhs.uk/') && !r.endsWith('/favicon.ico'))).toEqual([
      'www.nuh.nhs.uk/news/volunteers-honoured',
      'www.nuh.nhs.uk/',
    ]);
    // The page itself carried the site's cookie; the background's read did not.
    expect(seen.get('www.nuh.nhs.uk /news/volunteers-honoured')?.cookie).toBe('session=secret');
    expect(seen.get('www.nuh.nhs.uk /')?.cookie).toBeUndefined();
    await tab.close();
  });

  it('the popup names the organisation, its code, the evidence, its level and its accounts', async () => {
    const { page, tabId } = await firefox.visit('https://www.uhd.nhs.uk/');
    await badgeOnceShown(firefox, tabId);
    const popup = await firefox.openPopup(tabId);
    await popup.screenshot({ path: 'test-results/firefox-popup.png', fullPage: true });
    expect(await textIn(popup, '[data-testid="org-name"]')).toBe('University Hospitals Dorset NHS Foundation Trust');
    expect(await textIn(popup, '[data-testid="org-ods"]')).toBe('R0D');
    expect(await textIn(popup, '[data-testid="evidence"]')).toContain('Matched by domain uhd.nhs.uk');
    expect(await textIn(popup, '[data-testid="adoption-level"]')).toBe('Several platforms');
    expect(await popup.$$('pierce/[data-testid="accounts"] > li')).toHaveLength(7);
    await popup.close();
    await page.close();
  });

  it('the manifest asks for the hosts of the pages the background reads, and nothing more, and declares no content script', () => {
    const manifest = JSON.parse(readFileSync(join(FIREFOX_EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      permissions: string[];
      optional_permissions?: string[];
      content_scripts?: unknown[];
    };
    const hosts = manifest.permissions.filter((p) => p.includes('://') || p === '<all_urls>');
    // Issue 28: every nhs.uk site is optional, granted once by the user; the index's hosts are asked for one by one.
    expect(hosts).not.toContain('*://*.nhs.uk/*');
    expect(manifest.optional_permissions).toContain('*://*.nhs.uk/*');
    expect(hosts).toEqual(pageMatchPatterns(loadBundledIndex()));
    expect(manifest.content_scripts).toBeUndefined();
  });

  it('on another site: no badge, the plain tooltip, and a popup that says the page is not recognised', async () => {
    const { page, tabId } = await firefox.visit('https://www.example.org/news');
    // Nothing runs there. A trust's page opened after it is recognised first: by then a wrong read
    // of this one would have set its badge (issue 26: a positive sign, not a sleep).
    const later = await firefox.visit('https://www.guysandstthomas.nhs.uk/');
    await badgeOnceShown(firefox, later.tabId);
    await later.page.close();
    expect(await firefox.badgeOf(tabId)).toEqual({ text: '', title: 'NHS Social Lens' });
    const popup = await firefox.openPopup(tabId, 'https://www.example.org/news');
    await popup.screenshot({ path: 'test-results/firefox-popup-not-recognised.png', fullPage: true });
    expect(await popup.$('pierce/[data-state="not-recognised"]')).not.toBeNull();
    expect(await popup.$('pierce/[data-state="recognised"]')).toBeNull();
    await popup.close();
    await page.close();
  });
});
