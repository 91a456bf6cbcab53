import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PROM_CONTENT_TYPE } from '../sinks/promText.js';

export interface MetricsServerOptions {
  /** undefined: every interface. */
  host: string | undefined;
  /** 0: any free port (the bound one is in `url`). */
  port: number;
  /** The exposition text, made fresh for each scrape. */
  render: () => string;
}

export interface MetricsServer {
  /** http://host:port/metrics as bound. */
  readonly url: string;
  close(): Promise<void>;
}

/** Serves GET/HEAD /metrics (any query string) and nothing else: 404 for other paths, 405 for other methods. */
export async function startMetricsServer(options: MetricsServerOptions): Promise<MetricsServer> {
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?', 1)[0];
    if (path !== '/metrics') {
      response
        .writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' })
        .end('not found; try /metrics\n');
      return;
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' }).end();
      return;
    }
    let body: string;
    try {
      body = options.render();
    } catch (error) {
      response.writeHead(500, { 'Content-Type': 'text/plain; charset=utf-8' }).end(`${String(error)}\n`);
      return;
    }
    response.writeHead(200, {
      'Content-Type': PROM_CONTENT_TYPE,
      'Content-Length': Buffer.byteLength(body),
      'Cache-Control': 'no-store',
    });
    response.end(request.method === 'HEAD' ? undefined : body);
  });
  await listen(server, options.host, options.port);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${host}:${address.port}/metrics`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // A scraper's keep-alive connection would hold close() open until it times out.
        server.closeAllConnections();
      }),
  };
}

function listen(server: Server, host: string | undefined, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
