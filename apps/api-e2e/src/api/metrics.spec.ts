import { startApi, type RunningApi } from '@steward/testing-util';
import { randomUUID } from 'node:crypto';
import { bearer } from '../support/http';
import { sample } from '../support/metrics';
import { userTokens } from '../support/records';
import { stack } from '../support/stack';

/** SPEC §11: Prometheus metrics on METRICS_PORT, never on the public port. */
describe('Metrics', () => {
  let api: RunningApi;
  let tokens: Awaited<ReturnType<typeof userTokens>>;
  const metrics = async () => {
    const response = await fetch(api.metricsUrl);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return response.text();
  };

  beforeAll(async () => {
    api = await startApi({
      issuer: `${stack().tenantUrl}/`,
      database: 'mysql',
      env: { RATE_LIMIT_PER_ADDRESS: '100000', RATE_LIMIT_PER_USER: '2' },
    });
    tokens = await userTokens();
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('should never be served on the public port', async () => {
    for (const path of ['/metrics', '/api/metrics']) {
      expect((await fetch(`${api.url}${path}`)).status).toBe(404);
    }
    expect((await fetch(api.metricsUrl.replace('/metrics', '/'))).status).toBe(404);
  });

  it('should count requests by route template and status, never by raw URL', async () => {
    const id = randomUUID();
    const record = 'steward_http_request_duration_seconds_count{method="GET",route="/api/records/:id",status="404"}';
    const unmatched = 'steward_http_request_duration_seconds_count{method="GET",route="unmatched",status="404"}';
    const before = await metrics();
    expect((await fetch(`${api.url}/api/records/${id}`, { headers: bearer(tokens.staff) })).status).toBe(404);
    expect((await fetch(`${api.url}/api/no-such-route/${id}`)).status).toBe(404);
    const text = await metrics();
    expect(sample(text, record) - sample(before, record)).toBe(1);
    expect(sample(text, unmatched) - sample(before, unmatched)).toBe(1);
    expect(text).not.toContain(id);
    expect(text).toContain(
      'steward_http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/records/:id"',
    );
  });

  it('should count authentication failures by reason and rate-limit rejections by budget', async () => {
    await fetch(`${api.url}/api/me`);
    await fetch(`${api.url}/api/me`, { headers: bearer('not.a.token') });
    await fetch(`${api.url}/api/users`, { headers: bearer(tokens.viewer) });
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await fetch(`${api.url}/api/me`, { headers: bearer(tokens.viewer) })).status);
    expect(statuses).toEqual([200, 200, 429]);

    const text = await metrics();
    expect(sample(text, 'steward_auth_failures_total{reason="missing_token"}')).toBe(1);
    expect(sample(text, 'steward_auth_failures_total{reason="malformed"}')).toBe(1);
    expect(sample(text, 'steward_auth_failures_total{reason="insufficient_scope"}')).toBe(1);
    expect(sample(text, 'steward_rate_limit_rejections_total{budget="user"}')).toBe(1);
  });

  it('should count JWKS fetches, Management API calls, and show the database pool', async () => {
    expect((await fetch(`${api.url}/api/users`, { headers: bearer(tokens.admin) })).status).toBe(200);
    const text = await metrics();
    expect(sample(text, 'steward_jwks_fetches_total{outcome="ok"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'steward_management_api_request_duration_seconds_count{status="200"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(text).toContain('# TYPE steward_management_api_rate_limited_total counter');
    expect(sample(text, 'steward_db_pool_max_connections')).toBe(10);
    expect(sample(text, 'steward_db_pool_connections{state="idle"}')).toBeGreaterThanOrEqual(1);
    expect(text).toContain('steward_db_pool_waiting_requests 0');
    // No REDIS_URL: the API reports no Redis state at all rather than a Redis that is down.
    expect(text).not.toContain('steward_redis_up');
    expect(text).toContain('process_cpu_seconds_total');
  });
});
