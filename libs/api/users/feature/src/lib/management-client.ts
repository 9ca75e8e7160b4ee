import type { ApiConfig } from '@steward/api-config-util';
import { ManagementClient } from 'auth0';

const LOCAL_TENANT = /^https:\/\/(localhost|127\.0\.0\.1)(:\d+)?\//;

/**
 * The official SDK client for the configured machine-to-machine application. The SDK speaks only
 * https; outside production, calls to a tenant on this machine (the dev tenant) go over plain http.
 */
export function createManagementClient(management: ApiConfig['management'], env: ApiConfig['env']): ManagementClient {
  const { domain, clientId, clientSecret } = management;
  const local = env !== 'production' && LOCAL_TENANT.test(`https://${domain}/`);
  return new ManagementClient({
    domain,
    clientId,
    clientSecret,
    maxRetries: 2,
    timeoutInSeconds: 10,
    ...(local && {
      fetch: (input: string | URL | Request, init?: RequestInit) =>
        fetch(String(input instanceof Request ? input.url : input).replace(LOCAL_TENANT, 'http://$1$2/'), init),
    }),
  });
}
