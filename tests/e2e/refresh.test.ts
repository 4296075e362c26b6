/// <reference types="chrome" />
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { NhsIndex } from '../../lib/index/schema';
import { MAX_INDEX_BYTES, type PublishedManifest } from '../../lib/refresh/published';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import { badgeOf, type ExtensionBrowser, launchExtensionBrowser, waitFor } from './support/extension-browser';
import { askBackground, extensionPage, resetExtensionState } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { openPopup, visit } from './support/pages';
import { INDEX_HOST as HOST, publish, send, TEST_PUBLIC_KEY } from './support/published-copy';
import { buildVariant } from './support/variant-build';

/**
 * Safe refresh in Chromium: a build that trusts the test key and fetches from a published copy on
 * loopback. Every bad copy must leave the installed index in place, and the popup must answer
 * from the right index afterwards.
 */
const OTHER_SECRET = new Uint8Array(32).fill(7);
const bundled = loadBundledIndex();

/** What the server answers for the manifest and the index, set by each test. */
const notFound: Route = (_q, r) => void r.writeHead(404).end();
let manifestRoute = notFound;
let indexRoute = notFound;
let server: FixtureServer;
let browser: ExtensionBrowser;

/** A copy of the bundled index at `version`, where Guy's and St Thomas' gains an account (so the popup shows which index answers). */
function indexAt(version: number): NhsIndex {
  const index = structuredClone(bundled);
  index.indexVersion = version;
  const gstt = index.organisations.find((o) => o.id === 'RJ1');
  gstt?.accounts.push({
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

function answerManifestWith(route: Route): void {
  manifestRoute = route;
}

function serve({ manifest, body }: { manifest: PublishedManifest; body: Uint8Array }, etag = `"v${manifest.indexVersion}"`) {
  manifestRoute = (req, res) => {
    if (req.headers['if-none-match'] === etag) return void res.writeHead(304, { etag }).end();
    send(200, JSON.stringify(manifest), { etag })(req, res);
  };
  indexRoute = send(200, body);
}

beforeAll(async () => {
  const extension = buildVariant('refresh', bundled, {
    NSL_INDEX_PUBLIC_KEY: TEST_PUBLIC_KEY,
    NSL_INDEX_SOURCE: `https://${HOST}/published`,
    NSL_REFRESH_TIMEOUT_MS: '1500',
  });
  server = await startFixtureServer(
    { 'www.guysandstthomas.nhs.uk': 'trust-home.html' },
    { [`${HOST} /published/manifest.json`]: (q, r) => manifestRoute(q, r), [`${HOST} /published/index.json`]: (q, r) => indexRoute(q, r) },
  );
  browser = await launchExtensionBrowser(server.port, extension);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

// Each test starts from the bundled index with no refresh history (no ETag, no error, no
// snapshot), and a server with nothing published; what a test needs beyond that, it installs.
beforeEach(async () => {
  manifestRoute = notFound;
  indexRoute = notFound;
  await resetExtensionState(browser);
});

/** Runs "Update now" from an extension page, as the options page does. */
const updateNow = () => askBackground(browser, 'ui-bg-refresh-index', {});

/** The installed index and the last refresh, as the options page reads them. */
const status = () => askBackground(browser, 'ui-bg-get-index-status', {});

/** Set-up: publishes the bundled index at `version` and has the extension install it (a test's starting state, not what it checks). */
async function installed(version: number): Promise<void> {
  serve(await publish(indexAt(version)));
  const outcome = await updateNow();
  if (outcome.outcome !== 'updated') throw new Error(`set-up: version ${version} was not installed: ${JSON.stringify(outcome)}`);
}

/** Set-up: rolls back to the index installed before. */
async function rolledBack(): Promise<void> {
  const outcome = await askBackground(browser, 'ui-bg-rollback-index', {});
  if (!outcome.rolledBack) throw new Error(`set-up: no roll back: ${outcome.reason}`);
}

/** The index version the popup answers from, read off a real trust page's popup. */
async function popupIndexVersion(screenshot?: string): Promise<string> {
  const { page, tabId } = await visit(browser, 'https://www.guysandstthomas.nhs.uk/');
  await waitFor(
    () => badgeOf(browser, tabId),
    (b) => b.text !== '',
  );
  const popup = await openPopup(browser, tabId, screenshot ?? 'refresh-popup.png');
  const text = (await popup.getByTestId('index-info').textContent()) ?? '';
  await popup.close();
  await page.close();
  return /Index version (\d+)/.exec(text)?.[1] ?? '';
}

const v1 = bundled.indexVersion;

describe('refresh refuses every bad copy and keeps the installed index', () => {
  it.each<[string, () => Promise<void>, string]>([
    ['404', async () => answerManifestWith(send(404, 'not found')), 'download'],
    ['500', async () => answerManifestWith(send(500, 'oops')), 'download'],
    [
      'slow server (timeout)',
      async () => answerManifestWith((_q, r) => void setTimeout(() => r.writeHead(200).end('{}'), 4000)),
      'download',
    ],
    [
      // issue 17: the manifest's body is read within the same deadline as the index.
      'a manifest that trickles in and never ends',
      async () =>
        answerManifestWith((_q, r) => {
          r.writeHead(200, { 'content-type': 'application/json' });
          r.write('{"format":');
          const timer = setInterval(() => r.write(' '), 200);
          r.on('close', () => clearInterval(timer));
        }),
      'download',
    ],
    [
      'an HTML error page instead of JSON',
      async () => answerManifestWith(send(200, '<!doctype html><h1>Bad gateway</h1>', { 'content-type': 'text/html' })),
      'manifest',
    ],
    [
      'a bad signature (a tampered manifest)',
      async () => {
        const copy = await publish(indexAt(v1 + 1));
        serve({ manifest: { ...copy.manifest, generatedAt: '2030-01-01T00:00:00.000Z' }, body: copy.body });
      },
      'signature',
    ],
    ['a signature by another key', async () => serve(await publish(indexAt(v1 + 1), {}, OTHER_SECRET)), 'signature'],
    ['a schema version from the future', async () => serve(await publish(indexAt(v1 + 1), { schemaVersion: 2 })), 'schema-version'],
    ['the same version', async () => serve(await publish(indexAt(v1))), 'newer'],
    ['an announced size over the cap', async () => serve(await publish(indexAt(v1 + 1), { bytes: MAX_INDEX_BYTES + 1 })), 'announced-size'],
    [
      'a truncated body',
      async () => {
        const copy = await publish(indexAt(v1 + 1));
        serve({ manifest: copy.manifest, body: copy.body.slice(0, 5000) });
      },
      'size',
    ],
    [
      'a body larger than announced',
      async () => {
        const copy = await publish(indexAt(v1 + 1));
        serve({ manifest: copy.manifest, body: new Uint8Array([...copy.body, ...new Uint8Array(100_000).fill(32)]) });
      },
      'size',
    ],
    [
      'a wrong hash',
      async () => {
        const copy = await publish(indexAt(v1 + 1));
        serve({ manifest: copy.manifest, body: copy.body.map((b, i) => (i === 100 ? (b === 32 ? 33 : 32) : b)) });
      },
      'hash',
    ],
  ])('%s', async (_label, setUp, check) => {
    await setUp();
    const outcome = await updateNow();
    expect(outcome, JSON.stringify(outcome)).toMatchObject({ outcome: 'failed', check });
    const after = await status();
    expect(after.installed?.indexVersion).toBe(v1);
    expect(after.refresh?.lastError?.check).toBe(check);
    expect(await popupIndexVersion()).toBe(String(v1));
  });
});

describe('refresh installs a good copy, answers 304, rolls back, and survives a restart', () => {
  it('installs a good, newer, signed copy; the popup answers from it', async () => {
    serve(await publish(indexAt(v1 + 1)));
    expect(await updateNow()).toEqual({ outcome: 'updated', indexVersion: v1 + 1 });
    expect((await status()).installed).toMatchObject({ indexVersion: v1 + 1, origin: 'refresh' });
    expect(await popupIndexVersion('refresh-popup-updated.png')).toBe(String(v1 + 1));
  });

  it('does nothing on 304 Not Modified', async () => {
    await installed(v1 + 1);
    expect(await updateNow()).toEqual({ outcome: 'not-modified' });
    expect((await status()).installed?.indexVersion).toBe(v1 + 1);
  });

  it('refuses an older version than the one installed', async () => {
    await installed(v1 + 1);
    serve(await publish(indexAt(v1)), '"older"');
    expect(await updateNow()).toMatchObject({ outcome: 'failed', check: 'newer' });
    expect(await popupIndexVersion()).toBe(String(v1 + 1));
  });

  it('rolls back to the previous index', async () => {
    await installed(v1 + 1);
    expect((await status()).canRollBack).toBe(true);
    const page = await extensionPage(browser, '/popup.html?tab=-1');
    expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-rollback-index', payload: {} }))).toEqual({
      rolledBack: true,
      indexVersion: v1,
    });
    await page.close();
    expect(await popupIndexVersion()).toBe(String(v1));
  });

  it('after a roll back, "Update now" brings the newer copy back rather than hearing "not modified" (issue 17)', async () => {
    await installed(v1 + 1);
    await rolledBack();
    // The same copy, with the ETag the extension stored when it installed it.
    serve(await publish(indexAt(v1 + 1)));
    expect(await updateNow()).toEqual({ outcome: 'updated', indexVersion: v1 + 1 });
    expect(await popupIndexVersion()).toBe(String(v1 + 1));
    const page = await extensionPage(browser, '/popup.html?tab=-1');
    expect(await page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-rollback-index', payload: {} }))).toEqual({
      rolledBack: true,
      indexVersion: v1,
    });
    await page.close();
  });

  it('keeps the installed index when the service worker restarts during an update, and updates later', async () => {
    const copy = await publish(indexAt(v1 + 2));
    serve(copy);
    // The index arrives slowly: half now, the rest never, until the worker is gone.
    indexRoute = (_q, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write(copy.body.slice(0, 1000));
    };
    const downloads = () => server.requests.filter((r) => r.endsWith('/published/index.json')).length;
    const before = downloads();
    const page = await extensionPage(browser, '/popup.html?tab=-1');
    void page.evaluate(() => chrome.runtime.sendMessage({ type: 'ui-bg-refresh-index', payload: {} })).catch(() => undefined);
    // This test's own download: the server's log also holds earlier tests' requests.
    await waitFor(
      async () => downloads(),
      (n) => n > before,
    );
    // Stop the service worker mid-download, as the browser may at any time.
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    await page.close();
    expect((await status()).installed?.indexVersion).toBe(v1);
    serve(copy);
    expect(await updateNow()).toEqual({ outcome: 'updated', indexVersion: v1 + 2 });
    expect(await popupIndexVersion()).toBe(String(v1 + 2));
  });

  it('shows the status on the options page, with a refused copy explained in plain words', async () => {
    await installed(v1 + 2);
    serve(await publish(indexAt(v1 + 3), {}, OTHER_SECRET));
    await updateNow();
    const page = await browser.context.newPage();
    await page.setViewportSize({ width: 800, height: 1400 });
    await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
    await expect(page.getByTestId('index-version').textContent()).resolves.toBe(`${v1 + 2} (refreshed from the published copy)`);
    await expect(page.getByTestId('index-source').textContent()).resolves.toBe(`https://${HOST}/published`);
    await expect(page.getByTestId('index-error').textContent()).resolves.toBe(
      'The copy was refused: the signature does not match the key this extension trusts. The installed index was kept.',
    );
    await page.screenshot({ path: 'test-results/options-refresh-refused.png', fullPage: true });
    await page.close();
  });
});
