import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiMetrics } from './api-metrics';

/**
 * Serves `GET /metrics` (Prometheus text) on METRICS_PORT, a server of its own: the public port
 * never answers it, so the metrics stay inside the network that scrapes them. Anything else is 404.
 * METRICS_PORT=0: no server.
 */
@Injectable()
export class MetricsServer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MetricsServer.name);
  private server: Server | undefined;
  private readonly port: number;
  private readonly host: string;

  constructor(
    private readonly metrics: ApiMetrics,
    @Inject(ConfigService) config: ConfigService<ApiConfig, true>,
  ) {
    this.port = config.get('metrics.port', { infer: true });
    this.host = config.get('http.host', { infer: true });
  }

  /** The port actually bound (undefined when off). */
  get boundPort(): number | undefined {
    return (this.server?.address() as AddressInfo | null)?.port;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.port === 0) return;
    const server = createServer((request, response) => {
      const path = request.url?.split('?')[0];
      if (path !== '/metrics' || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found\n');
        return;
      }
      this.metrics.text().then(
        (text) => response.writeHead(200, { 'content-type': this.metrics.contentType }).end(text),
        (error: unknown) => {
          this.logger.error(`Metrics could not be collected: ${(error as Error).message}`);
          response.writeHead(500, { 'content-type': 'text/plain' }).end('Metrics could not be collected\n');
        },
      );
    });
    server.keepAliveTimeout = 65_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(this.port, this.host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    this.server = server;
    this.logger.log(`Metrics on http://${this.host}:${this.boundPort}/metrics`);
  }

  async onApplicationShutdown(): Promise<void> {
    const server = this.server;
    this.server = undefined;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }
}
