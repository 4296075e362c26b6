import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;

export interface RouteServer {
  port: number;
  /** Every request, as `host path`, with its User-Agent, for checking politeness. */
  requests: { target: string; userAgent: string; at: number }[];
  close(): Promise<void>;
}

/**
 * A loopback HTTP server that answers by host name and path (`routes['www.x.nhs.uk /about']`, or
 * `routes['www.x.nhs.uk *']` for any path); clients reach it with --connect-to 127.0.0.1:<port>.
 */
export async function startRouteServer(routes: Record<string, Route>): Promise<RouteServer> {
  const requests: RouteServer['requests'] = [];
  const sockets = new Set<import('node:net').Socket>();
  const server = createServer(async (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const path = request.url ?? '/';
    requests.push({ target: `${host} ${path}`, userAgent: String(request.headers['user-agent'] ?? ''), at: Date.now() });
    const route = routes[`${host} ${path}`] ?? routes[`${host} ${path.split('?')[0]}`] ?? routes[`${host} *`];
    if (route === undefined) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    await route(request, response);
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    requests,
    close: () =>
      new Promise((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

export const html =
  (body: string): Route =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(body);
  };
export const json =
  (status: number, body: unknown, headers: Record<string, string> = {}): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(typeof body === 'string' ? body : JSON.stringify(body));
  };
export const text =
  (status: number, body: string): Route =>
  (_req, res) => {
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  };
export const redirect =
  (location: string, status = 301): Route =>
  (_req, res) => {
    res.writeHead(status, { location }).end();
  };
