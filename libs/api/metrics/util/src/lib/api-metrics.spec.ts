import { ApiMetrics } from './api-metrics';

describe('ApiMetrics', () => {
  let metrics: ApiMetrics;
  beforeEach(() => (metrics = new ApiMetrics({ processMetrics: false })));

  describe('httpRoute', () => {
    it('should record each response under its route template, method and status, in seconds', async () => {
      const record = metrics.httpRoute('GET', '/api/records/:id');
      record(200, 4);
      record(200, 40);
      record(404, 1);
      const text = await metrics.text();
      expect(text).toContain(
        'steward_http_request_duration_seconds_count{method="GET",route="/api/records/:id",status="200"} 2',
      );
      expect(text).toContain(
        'steward_http_request_duration_seconds_sum{method="GET",route="/api/records/:id",status="200"} 0.044',
      );
      expect(text).toContain(
        'steward_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/records/:id",status="200"} 1',
      );
      expect(text).toContain(
        'steward_http_request_duration_seconds_count{method="GET",route="/api/records/:id",status="404"} 1',
      );
    });
  });

  it('should export every authentication failure reason from the start, at zero', async () => {
    const text = await metrics.text();
    expect(text).toContain('steward_auth_failures_total{reason="expired"} 0');
    expect(text).toContain('steward_auth_failures_total{reason="missing_token"} 0');
  });

  it('should show the Redis state only once Redis is tracked', async () => {
    expect(await metrics.text()).not.toContain('steward_redis_up');
    metrics.trackRedis();
    metrics.trackRedis();
    metrics.redisUp.set(1);
    expect(await metrics.text()).toContain('steward_redis_up 1');
  });

  it('should keep registries apart, so two APIs in one process do not collide', () => {
    expect(() => new ApiMetrics({ processMetrics: true })).not.toThrow();
    expect(() => new ApiMetrics({ processMetrics: true })).not.toThrow();
  });
});
