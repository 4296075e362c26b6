/// <reference types="chrome" />
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadBundledIndex } from '../support/bundled-index';
import type { Route } from '../support/route-server';
import { type ExtensionBrowser, launchExtensionBrowser } from './support/extension-browser';
import { askBackground } from './support/extension-state';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';
import { recognisedPopup } from './support/pages';
import { INDEX_HOST } from './support/published-copy';
import { buildVariant } from './support/variant-build';

/**
 * The offline pipeline end to end (issue 21): its published copy, signed with its throwaway key,
 * served from a loopback https source, installs through the extension's own refresh ("Update
 * now"), and the popup then shows an account the pipeline discovered on the organisation's site.
 */
const dir = join(mkdtempSync(join(tmpdir(), 'nsl-pipeline-e2e-')), 'run');
const bundled = loadBundledIndex();
let server: FixtureServer;
let browser: ExtensionBrowser;

/** Runs the offline pipeline into `dir`, as a maintainer does; rejects with its one line when it fails. */
function runPipeline(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('npm', ['run', '--silent', 'pipeline:offline', '--', '--out', dir], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += d;
    });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`pipeline:offline failed: ${stderr}`))));
  });
}

/** A file of the published folder, as a static host serves it. */
const published =
  (name: string): Route =>
  (_req, res) =>
    void res.writeHead(200, { 'content-type': 'application/json' }).end(readFileSync(join(dir, 'publish', name)));

beforeAll(async () => {
  await runPipeline();
  // A build that trusts the pipeline's own public key and looks for the published copy on loopback.
  const extension = buildVariant('pipeline-install', bundled, {
    NSL_INDEX_PUBLIC_KEY: readFileSync(join(dir, 'keys/index-signing.pub'), 'utf8'),
    NSL_INDEX_SOURCE: `https://${INDEX_HOST}/published`,
    NSL_REFRESH_TIMEOUT_MS: '5000',
  });
  server = await startFixtureServer(
    { 'www.guysandstthomas.nhs.uk': 'trust-home.html', 'guysandstthomas.nhs.uk': 'trust-home.html' },
    {
      [`${INDEX_HOST} /published/manifest.json`]: published('manifest.json'),
      [`${INDEX_HOST} /published/index.json`]: published('index.json'),
    },
  );
  browser = await launchExtensionBrowser(server.port, extension);
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the offline pipeline’s published index', () => {
  it('installs through the extension’s refresh, and the popup shows an account the pipeline discovered', async () => {
    const outcome = await askBackground(browser, 'ui-bg-refresh-index', {});
    expect(outcome).toEqual({ outcome: 'updated', indexVersion: bundled.indexVersion + 1 });
    const status = await askBackground(browser, 'ui-bg-get-index-status', {});
    expect(status.installed).toMatchObject({ indexVersion: bundled.indexVersion + 1, origin: 'refresh' });

    // Guy's and St Thomas' own page here links no profiles: what the popup lists comes from the installed index.
    const { popup, page } = await recognisedPopup(browser, 'https://www.guysandstthomas.nhs.uk/', 'pipeline-install-popup.png');
    await expect(popup.getByTestId('index-info').textContent()).resolves.toMatch(
      new RegExp(`Index version ${bundled.indexVersion + 1}\\b`),
    );
    const accounts = (await popup.getByTestId('accounts').textContent()) ?? '';
    expect(accounts).toContain('gstt-nsl-test.bsky.social');
    expect(accounts).toContain('GSTTnhsNslTest');
    await expect(popup.getByTestId('adoption-level').textContent()).resolves.toBe('Several platforms');
    await popup.close();
    await page.close();
  });
});
