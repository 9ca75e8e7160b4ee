import express from 'express';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Accounts } from './accounts';
import { loginRoutes } from './login-routes';
import { devFaultRoutes, ManagementFaults } from './management/faults';
import { callCounter, devCallRoutes, ManagementCalls } from './management/management-calls';
import { managementRouter } from './management/management-router';
import { TokenBucket } from './management/rate-limits';
import { TenantRoles } from './management/tenant-roles';
import { passwordResetRoutes } from './password-reset-routes';
import { PasswordTickets } from './password-tickets';
import { PostLoginActions } from './post-login-actions';
import { createProvider } from './provider';
import { loadOrCreateSigningKeys } from './signing-keys';
import { loadTenantDescription, type TenantDescription } from './tenant-description';
import { userinfoHandler } from './userinfo';

export interface DevTenantSettings {
  port: number;
  host: string;
  /** Password of every seeded account. */
  password: string;
  dataDir: string;
  tenantFile: string;
  fixturesFile: string;
  /** Origins of the console (callbacks, logout URLs, web origins of the SPA client). */
  consoleOrigins?: string[];
  /** Management API rate limit (a token bucket); default 50 requests, refilled at 50 per second. */
  managementRateLimit?: { capacity: number; refillPerSecond: number };
}

export interface RunningDevTenant {
  issuer: string;
  tenant: TenantDescription;
  accounts: Accounts;
  close(): Promise<void>;
}

/** Starts the local Auth0-compatible tenant. */
export async function startDevTenant(settings: DevTenantSettings): Promise<RunningDevTenant> {
  const issuer = `http://localhost:${settings.port}/`;
  const tenant = loadTenantDescription(settings.tenantFile, settings.fixturesFile, {
    AUTH0_DOMAIN: `localhost:${settings.port}`,
    ...(settings.consoleOrigins ? { CONSOLE_ORIGINS: settings.consoleOrigins } : {}),
  });
  const managementAudiences = ['localhost', '127.0.0.1'].map((host) => `https://${host}:${settings.port}/api/v2/`);
  // The Management API answers under both loopback names, so its client grants do too.
  tenant.clientGrants.push(
    ...tenant.clientGrants
      .filter((grant) => grant.audience === managementAudiences[0])
      .map((grant) => ({ ...grant, audience: managementAudiences[1] })),
  );
  const accounts = new Accounts(tenant.users, settings.password, tenant.roles);
  const signingKeys = loadOrCreateSigningKeys(settings.dataDir);
  const provider = createProvider({
    issuer,
    tenant,
    accounts,
    actions: new PostLoginActions(tenant.postLoginActions),
    signingKeys,
    cookieKeys: [randomBytes(32).toString('base64url')],
  });
  const publicKeys = signingKeys.map(({ kty, kid, alg, use, n, e }) => ({ kty, kid, alg, use, n, e }));

  const tickets = new PasswordTickets();
  const faults = new ManagementFaults();
  const calls = new ManagementCalls();
  const rateLimit = settings.managementRateLimit ?? { capacity: 50, refillPerSecond: 50 };

  const app = express();
  app.disable('x-powered-by');
  app.use(loginRoutes(provider, accounts));
  app.get('/userinfo', userinfoHandler(issuer, { keys: publicKeys }, accounts));
  app.use(
    '/api/v2',
    callCounter(calls),
    managementRouter({
      issuer,
      audiences: managementAudiences,
      publicKeys: { keys: publicKeys },
      accounts,
      roles: new TenantRoles(tenant.roles, tenant.apis),
      tickets,
      clientNames: new Map(tenant.clients.map((client) => [client.clientId, client.name])),
      rateLimit: new TokenBucket(rateLimit.capacity, rateLimit.refillPerSecond),
      faults,
    }),
  );
  app.use(passwordResetRoutes(accounts, tickets));
  app.use(devFaultRoutes(faults));
  app.use(devCallRoutes(calls));
  app.use(provider.callback());

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(settings.port, settings.host, () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    issuer,
    tenant,
    accounts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
