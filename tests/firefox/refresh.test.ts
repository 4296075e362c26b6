import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NhsIndex } from '../../lib/index/schema';
import { type FixtureServer, startFixtureServer } from '../e2e/support/fixture-server';
import { INDEX_HOST as HOST, publish, send, TEST_PUBLIC_KEY } from '../e2e/support/published-copy';
import { buildVariant } from '../e2e/support/variant-build';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import { badgeOnceShown, type FirefoxExtension, launchFirefoxWithExtension, textIn } from './support/firefox-browser';

/**
 * Safe refresh in Firefox (issue 22): a Firefox build that trusts the tests' key and reads its
 * published copy from loopback installs a good, newer, signed copy, refuses one signed by another
 * key, and the popup answers from whichever index is installed.
 */
const OTHER_SECRET = new Uint8Array(32).fill(7);
const bundled = loadBundledIndex();

let manifestRoute: Route = (_q, r) => void r.writeHead(404).end();
let indexRoute: Route = (_q, r) => void r.writeHead(404).end();
let server: FixtureServer;
let firefox: FirefoxExtension;

/** The bundled index at `version`, where Guy's and St Thomas' gains an account, so the popup shows which index answers. */
function indexAt(version: number): NhsIndex {
  const index = structuredClone(bundled);
  index.indexVersion = version;
  index.organisations
    .find((o) => o.id === 'RJ1')
    ?.accounts.push({
      platform: 'x',
      handle: `GSTTv${version}`,
      url: `https://x.com/GSTTv${version}`,
      verification: 'official',
      state: 'active',
      source: 'ods-ord-2026-08',
      checked: '2026-11-25',
    });
  return index;
}

async function serve(index: NhsIndex, secret?: Uint8Array): Promise<void> {
  const { manifest, body } = await publish(index, {}, secret);
  manifestRoute = send(200, JSON.stringify(manifest));
  indexRoute = send(200, body);
}

beforeAll(async () => {
  const extension = buildVariant(
    'firefox-refresh',
    bundled,
    { NSL_INDEX_PUBLIC_KEY: TEST_PUBLIC_KEY, NSL_INDEX_SOURCE: `https://${HOST}/published`, NSL_REFRESH_TIMEOUT_MS: '5000' },
    true,
  );
  server = await startFixtureServer(
    { 'www.guysandstthomas.nhs.uk': 'trust-home.html' },
    { [`${HOST} /published/manifest.json`]: (q, r) => manifestRoute(q, r), [`${HOST} /published/index.json`]: (q, r) => indexRoute(q, r) },
  );
  firefox = await launchFirefoxWithExtension(server.port, extension);
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

const installedVersion = async () => (await firefox.askBackground('ui-bg-get-index-status', {})).installed?.indexVersion;

/** The index version the popup answers from, read off a real trust page's popup. */
async function popupIndexVersion(): Promise<string> {
  const { page, tabId } = await firefox.visit('https://www.guysandstthomas.nhs.uk/');
  await badgeOnceShown(firefox, tabId);
  const popup = await firefox.openPopup(tabId);
  const text = (await textIn(popup, '[data-testid="index-info"]')) ?? '';
  await popup.close();
  await page.close();
  return /Index version (\d+)/.exec(text)?.[1] ?? '';
}

describe('refreshing the index in Firefox from a signed copy on loopback', () => {
  it('installs a good, newer, signed copy, and the popup answers from it', async () => {
    const next = ((await installedVersion()) ?? bundled.indexVersion) + 1;
    await serve(indexAt(next));
    expect(await firefox.askBackground('ui-bg-refresh-index', {})).toEqual({ outcome: 'updated', indexVersion: next });
    expect((await firefox.askBackground('ui-bg-get-index-status', {})).installed).toMatchObject({ indexVersion: next, origin: 'refresh' });
    expect(await popupIndexVersion()).toBe(String(next));
  });

  it('refuses a copy signed by another key and keeps the installed index', async () => {
    const before = (await installedVersion()) ?? bundled.indexVersion;
    await serve(indexAt(before + 5), OTHER_SECRET);
    expect(await firefox.askBackground('ui-bg-refresh-index', {})).toMatchObject({ outcome: 'failed', check: 'signature' });
    expect(await installedVersion()).toBe(before);
    expect(await popupIndexVersion()).toBe(String(before));
  });
});
