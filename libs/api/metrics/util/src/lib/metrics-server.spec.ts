import type { ConfigService } from '@nestjs/config';
import type { ApiConfig } from '@steward/api-config-util';
import { createServer } from 'node:net';
import { ApiMetrics } from './api-metrics';
import { MetricsServer } from './metrics-server';

const configWith = (port: number) =>
  ({
    get: (key: string) => ({ 'metrics.port': port, 'http.host': '127.0.0.1' })[key],
  }) as unknown as ConfigService<ApiConfig, true>;

describe('MetricsServer', () => {
  let server: MetricsServer;
  afterEach(() => server.onApplicationShutdown());

  /** Port 0 means "off" to the server, so the spec asks the OS for a free port first. */
  async function started(): Promise<string> {
    const port = await new Promise<number>((resolve) => {
      const socket = createServer().listen(0, '127.0.0.1', () => {
        const { port: free } = socket.address() as { port: number };
        socket.close(() => resolve(free));
      });
    });
    const metrics = new ApiMetrics({ processMetrics: false });
    metrics.rateLimitRejections.labels('ip').inc();
    server = new MetricsServer(metrics, configWith(port));
    await server.onApplicationBootstrap();
    return `http://127.0.0.1:${server.boundPort}`;
  }

  it('should serve the Prometheus text at GET /metrics', async () => {
    const base = await started();
    const response = await fetch(`${base}/metrics`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    expect(await response.text()).toContain('steward_rate_limit_rejections_total{budget="ip"} 1');
  });

  it('should answer 404 to anything else', async () => {
    const base = await started();
    expect((await fetch(`${base}/`)).status).toBe(404);
    expect((await fetch(`${base}/metrics/x`)).status).toBe(404);
    expect((await fetch(`${base}/metrics`, { method: 'POST' })).status).toBe(404);
  });

  it('should not listen at all when METRICS_PORT is 0', async () => {
    server = new MetricsServer(new ApiMetrics({ processMetrics: false }), configWith(0));
    await server.onApplicationBootstrap();
    expect(server.boundPort).toBeUndefined();
  });
});
