/// <reference types="chrome" />
/**
 * The install prompt's text (issue 28), as Chromium itself words it for the built manifest: read
 * with `chrome.management.getPermissionWarningsByManifest` from one of the extension's own pages
 * (no `management` permission needed). A wildcard over a public suffix (`*://*.nhs.uk/*`) made it
 * "Read and change all your data on all websites"; the build must never ask for that at install.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ExtensionBrowser, launchExtensionBrowser } from './support/extension-browser';
import { type FixtureServer, startFixtureServer } from './support/fixture-server';

let server: FixtureServer;
let browser: ExtensionBrowser;

beforeAll(async () => {
  server = await startFixtureServer({});
  browser = await launchExtensionBrowser(server.port);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

const manifest = () =>
  JSON.parse(readFileSync('.output/chrome-mv3/manifest.json', 'utf8')) as Record<string, unknown> & { host_permissions: string[] };

/** Chromium's install prompt lines for a manifest. */
async function warnings(of: Record<string, unknown>): Promise<string[]> {
  const page = await browser.context.newPage();
  await page.goto(`chrome-extension://${browser.extensionId}/options.html`);
  const lines = await page.evaluate((text) => chrome.management.getPermissionWarningsByManifest(text), JSON.stringify(of));
  await page.close();
  return lines;
}

describe('the install prompt in Chromium (issue 28)', () => {
  it('never says "all websites": the index’s hosts are named, the nhs.uk wildcard is optional', async () => {
    const built = manifest();
    const lines = await warnings(built);
    console.info(`install prompt (Chromium): ${JSON.stringify(lines)}`);
    expect(lines.join('\n')).not.toMatch(/all websites/i);
    expect(lines).toContain('Read and change your data on a number of websites');
    expect(built.optional_host_permissions).toContain('*://*.nhs.uk/*');
  });

  it('says "all websites" when the nhs.uk wildcard is asked for at install, as it was before', async () => {
    const before = manifest();
    const lines = await warnings({ ...before, host_permissions: ['*://*.nhs.uk/*', ...before.host_permissions] });
    console.info(`install prompt with *://*.nhs.uk/* (Chromium): ${JSON.stringify(lines)}`);
    expect(lines).toContain('Read and change all your data on all websites');
  });
});
