import { createServer, type Server } from 'node:http';
import { type AddressInfo, connect, type Socket } from 'node:net';

export interface ConnectProxy {
  port: number;
  close(): Promise<void>;
}

/**
 * An HTTP proxy that tunnels every CONNECT to one loopback port, whatever host it names. Firefox
 * has no `--host-resolver-rules`: its DNS prefs map names to an address but never change the port
 * (443), so the Firefox tests send every https:// request through this proxy to the fixture server,
 * which answers by the Host header as it does for Chromium. Anything but CONNECT is refused.
 */
export async function startConnectProxy(targetPort: number): Promise<ConnectProxy> {
  const tunnels = new Set<Socket>();
  const server: Server = createServer((_request, response) => void response.writeHead(405).end());
  server.on('connect', (_request, client: Socket, head) => {
    const upstream = connect(targetPort, '127.0.0.1', () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    for (const socket of [client, upstream]) {
      tunnels.add(socket);
      socket.on('close', () => tunnels.delete(socket));
    }
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise((resolve) => {
        // A tunnel belongs to no request, so the server would wait for the browser to end it.
        for (const socket of tunnels) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
