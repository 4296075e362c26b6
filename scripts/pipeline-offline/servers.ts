/**
 * One loopback HTTPS server standing in for every site and API the offline pipeline reads
 * (issue 21). The commands reach it through `--connect-to`, under the real host names, over TLS
 * as on the web: its certificate is made for those names at start-up, and the commands trust it
 * through NODE_EXTRA_CA_CERTS, so nothing about the commands changes for the test.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { FakeAnswers } from '../../tests/support/live-apis';
import { type FixtureSite, sitePage } from './fixtures';

export interface SiteRoute {
  host: string;
  name: string;
  site: FixtureSite;
}

export interface LoopbackServer {
  port: number;
  /** The certificate to trust (NODE_EXTRA_CA_CERTS). */
  caFile: string;
  /** Requests seen, as `host path`. */
  requests: string[];
  close(): Promise<void>;
}

/** A self-signed certificate naming every host (as subjectAltName, which TLS checks), valid for two days. */
function certificateFor(hosts: readonly string[], dir: string): { key: Buffer; cert: Buffer; certFile: string } {
  mkdirSync(dir, { recursive: true });
  const [keyFile, certFile] = [join(dir, 'key.pem'), join(dir, 'cert.pem')];
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-days',
      '2',
      '-subj',
      '/CN=NHS Social Lens offline pipeline',
      '-addext',
      `subjectAltName=${hosts.map((h) => `DNS:${h}`).join(',')}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'ignore' },
  );
  return { key: readFileSync(keyFile), cert: readFileSync(certFile), certFile };
}

/** Starts the server: each site's pages by host, the APIs' answers by `host/path?query`, 404 for anything else. */
export async function startLoopbackServer(
  sites: readonly SiteRoute[],
  apis: FakeAnswers,
  apiHosts: readonly string[],
  tlsDir: string,
): Promise<LoopbackServer> {
  const byHost = new Map(sites.map((s) => [s.host, s]));
  const { key, cert, certFile } = certificateFor([...byHost.keys(), ...apiHosts], tlsDir);
  const requests: string[] = [];
  const server = createServer({ key, cert }, (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '').toLowerCase();
    const path = request.url ?? '/';
    requests.push(`${host} ${path}`);
    const route = byHost.get(host);
    const page = (html: string) => response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html);
    if (route?.site.broken !== undefined)
      return void response.writeHead(route.site.broken, { 'content-type': 'text/plain' }).end('Service unavailable');
    if (route && path === '/') return void page(sitePage(route.name, route.site.links, route.site.contactLinks !== undefined));
    if (route && path === '/contact-us' && route.site.contactLinks)
      return void page(sitePage(`Contact us: ${route.name}`, route.site.contactLinks, false));
    const answer = apis[`${host}${path}`];
    if (answer !== undefined && answer !== 'refuse')
      return void response.writeHead(answer.status, answer.headers ?? { 'content-type': 'application/json' }).end(answer.body);
    if (answer === 'refuse') return void request.socket.destroy();
    response
      .writeHead(404, { 'content-type': route ? 'text/plain' : 'application/json' })
      .end(route ? 'Not found' : '{"error":"NotFound"}');
  });
  const sockets = new Set<import('node:stream').Duplex>();
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    caFile: certFile,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
