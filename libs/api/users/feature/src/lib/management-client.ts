import type { ApiConfig } from '@steward/api-config-util';
import type { ApiMetrics } from '@steward/api-metrics-util';
import { ManagementClient } from 'auth0';

const LOCAL_TENANT = /^https:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//;

/**
 * The official SDK client for the configured machine-to-machine application. Every HTTP call it
 * makes (token requests and retries included) is timed in `metrics` by status, 429s counted apart.
 * The SDK speaks only https; outside production, calls to a tenant on this machine (the dev tenant)
 * go over plain http.
 */
export function createManagementClient(
  management: ApiConfig['management'],
  env: ApiConfig['env'],
  metrics?: ApiMetrics,
): ManagementClient {
  const { domain, clientId, clientSecret } = management;
  const local = env !== 'production' && LOCAL_TENANT.test(`https://${domain}/`);
  const send = (input: string | URL | Request, init?: RequestInit) =>
    local
      ? fetch(String(input instanceof Request ? input.url : input).replace(LOCAL_TENANT, 'http://$1$2/'), init)
      : fetch(input, init);
  return new ManagementClient({
    domain,
    clientId,
    clientSecret,
    maxRetries: 2,
    timeoutInSeconds: 10,
    fetch: metrics ? measured(send, metrics) : send,
  });
}

function measured(send: typeof fetch, metrics: ApiMetrics): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const seconds = () => (performance.now() - started) / 1000;
    try {
      const response = await send(input, init);
      metrics.managementRequests.labels(String(response.status)).observe(seconds());
      if (response.status === 429) metrics.managementRateLimited.inc();
      return response;
    } catch (error) {
      metrics.managementRequests.labels('error').observe(seconds());
      throw error;
    }
  };
}
