import express from 'express';
import type { Server } from 'node:http';
import { randomBytes } from 'node:crypto';
import { Accounts } from './accounts';
import { loginRoutes } from './login-routes';
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

  const app = express();
  app.disable('x-powered-by');
  app.use(loginRoutes(provider, accounts));
  app.get('/userinfo', userinfoHandler(issuer, { keys: publicKeys }, accounts));
  app.use(provider.callback());

  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(settings.port, settings.host, () => resolve(listening));
    listening.once('error', reject);
  });
  return {
    issuer,
    tenant,
    accounts,
    close: () => new Promise((resolve) => { server.closeAllConnections(); server.close(() => resolve()); }),
  };
}
