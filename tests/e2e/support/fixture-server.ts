import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Route } from '../../support/route-server';

const PAGES_DIR = join(process.cwd(), 'tests/fixtures/pages');

/** A self-signed certificate made at test time: nhs.uk is HSTS-preloaded, so pages must be HTTPS. */
function selfSignedCertificate(): { key: Buffer; cert: Buffer } {
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
      '/CN=nhs-social-lens-test',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) };
}

export interface FixtureServer {
  port: number;
  /** Requests seen, as `host + path`, so a test can prove what the browser asked for. */
  requests: string[];
  close(): Promise<void>;
}

/**
 * Serves saved pages on loopback for every host the test browser maps to it: `pages` maps a
 * host name to a file in tests/fixtures/pages; `routes` (`'host /path'`) answer anything else,
 * such as a published index; any other host gets the not-NHS page.
 */
export async function startFixtureServer(pages: Record<string, string>, routes: Record<string, Route> = {}): Promise<FixtureServer> {
  const requests: string[] = [];
  const server: Server = createServer(selfSignedCertificate(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    requests.push(`${host}${request.url ?? ''}`);
    const route = routes[`${host} ${request.url ?? '/'}`];
    if (route) {
      void route(request, response);
      return;
    }
    if (request.url === '/favicon.ico') {
      response.writeHead(404).end();
      return;
    }
    const file = pages[host] ?? 'not-nhs.html';
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(readFileSync(join(PAGES_DIR, file)));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
