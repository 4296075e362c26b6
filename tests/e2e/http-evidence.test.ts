/// <reference types="chrome" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { type AddressInfo, connect, createServer as createNetServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../support/chromium';
import { closeWelcomePage, EXTENSION_DIR, waitFor } from './support/extension-browser';

/**
 * Issue 26 in Chromium: a plain http page of an organisation's own site (one the browser did not
 * upgrade) is recognised by its address, badge and all, but nothing on it is evidence: no link is
 * recorded, and no read of the site starts from it. The same page over https is evidence, which
 * shows the test could see a recording. nhs.uk is HSTS-preloaded, so the page is on one of the
 * index's domains outside it (Herefordshire and Worcestershire ICB's hwics.org.uk), and Chromium's
 * automatic HTTPS upgrade is switched off. One loopback port answers both http and https (a TLS
 * handshake starts with byte 0x16, and the connection is passed on to the https server), as every
 * host is mapped to it.
 */
const PAGE = readFileSync(join(process.cwd(), 'tests/fixtures/pages/trust-home-seven.html'));
const HOST = 'www.hwics.org.uk';

let server: Server;
let backends: { close(): unknown }[] = [];
let context: BrowserContext;
let profileDir: string;
/** Requests seen, as `scheme://host/path`. */
const requests: string[] = [];

function certificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(join(tmpdir(), 'nsl-tls-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=nsl-test',
      '-keyout',
      join(dir, 'k.pem'),
      '-out',
      join(dir, 'c.pem'),
    ],
    {
      stdio: 'ignore',
    },
  );
  return { key: readFileSync(join(dir, 'k.pem')), cert: readFileSync(join(dir, 'c.pem')) };
}

const answer = (scheme: string) => (request: IncomingMessage, response: ServerResponse) => {
  const host = (request.headers.host ?? '').replace(/:\d+$/, '');
  requests.push(`${scheme}://${host}${request.url ?? ''}`);
  if (request.url === '/favicon.ico') return void response.writeHead(404).end();
  response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(host === HOST ? PAGE : '<p>Not NHS</p>');
};

beforeAll(async () => {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) throw new Error('no built extension: run "npx wxt build" first');
  const http = createHttpServer(answer('http'));
  const https = createHttpsServer(certificate(), answer('https'));
  const listen = (target: { listen(port: number, host: string, done: () => void): unknown; address(): unknown }) =>
    new Promise<number>((resolve) => target.listen(0, '127.0.0.1', () => resolve((target.address() as AddressInfo).port)));
  const [httpPort, httpsPort] = [await listen(http), await listen(https)];
  backends = [http, https];
  // The front port passes each connection to the http or the https server by its first byte.
  server = createNetServer((socket) => {
    socket.once('data', (first) => {
      const backend = connect(first[0] === 0x16 ? httpsPort : httpPort, '127.0.0.1');
      backend.write(first);
      socket.pipe(backend).pipe(socket);
      const end = () => {
        socket.destroy();
        backend.destroy();
      };
      socket.on('error', end);
      backend.on('error', end);
    });
  });
  await listen(server);
  profileDir = mkdtempSync(join(tmpdir(), 'nsl-profile-'));
  context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [
      ...CHROMIUM_ARGS,
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      `--host-resolver-rules=MAP * 127.0.0.1:${(server.address() as AddressInfo).port}, EXCLUDE localhost`,
      '--ignore-certificate-errors',
      // Chromium tries https first for an http address; the test needs a page left on http.
      '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
    ],
  });
  await closeWelcomePage(context);
});

afterAll(async () => {
  await context?.close();
  server?.close();
  for (const backend of backends) backend.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
});

const worker = async () => context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));

/** What the background recorded: each sighting's page, and the site reads it made. */
async function stored(): Promise<{ sightings: string[]; siteReads: number }> {
  return (await worker()).evaluate(
    () =>
      new Promise<{ sightings: string[]; siteReads: number }>((resolve, reject) => {
        const open = indexedDB.open('nhs-social-lens');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction(['sightings', 'siteReads']);
          const all = tx.objectStore('sightings').getAll();
          const reads = tx.objectStore('siteReads').count();
          tx.oncomplete = () => {
            resolve({ sightings: (all.result as { pageUrl: string }[]).map((s) => s.pageUrl), siteReads: reads.result });
            open.result.close();
          };
        };
      }),
  );
}

/** Opens `url`, waits for the badge that says the organisation was recognised, then for the popup's answer naming it. */
async function visitRecognised(url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url);
  await page.bringToFront();
  expect(page.url()).toBe(url);
  const sw = await worker();
  const tabId = await sw.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id ?? -1);
  await waitFor(
    () => sw.evaluate((id) => chrome.action.getTitle({ tabId: id }), tabId),
    (title) => title.includes('Herefordshire and Worcestershire'),
  );
  // The popup's answer waits for any read of the site the page started (issue 19).
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${new URL(sw.url()).host}/popup.html?tab=${tabId}`);
  await popup.locator('nsl-popup main[aria-busy="false"]').waitFor();
  await popup.getByText('Herefordshire and Worcestershire').first().waitFor();
  await popup.close();
  await page.close();
}

describe('a plain http page is never evidence (issue 26)', () => {
  it('is recognised by its address, records none of its links and reads no site; the https page does record', async () => {
    await visitRecognised(`http://${HOST}/`);
    expect(requests).toContain(`http://${HOST}/`);
    expect(await stored()).toEqual({ sightings: [], siteReads: 0 });
    // No read of the site (its home page over https) started from the http page.
    expect(requests.filter((r) => r.startsWith(`https://${HOST}`))).toEqual([]);

    await visitRecognised(`https://${HOST}/`);
    const after = await stored();
    expect(after.sightings.length).toBeGreaterThan(0);
    expect(new Set(after.sightings)).toEqual(new Set([`https://${HOST}/`]));
  });
});
