import { resolve } from 'node:path';
import { startDevTenant } from './app/dev-tenant';

/** The local Auth0-compatible tenant: development and tests only. */
async function main(): Promise<void> {
  const env = process.env;
  if (env['NODE_ENV'] === 'production') {
    console.error(
      'The Steward dev tenant refuses to run with NODE_ENV=production: it is for development and tests only.',
    );
    process.exit(1);
  }
  const port = Number(env['DEV_TENANT_PORT'] ?? 4600);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    console.error(`DEV_TENANT_PORT: expected an integer from 1 to 65535, got "${env['DEV_TENANT_PORT']}"`);
    process.exit(1);
  }
  const rateLimit = Number(env['DEV_TENANT_MGMT_RATE_LIMIT'] ?? 50);
  if (!Number.isInteger(rateLimit) || rateLimit <= 0) {
    console.error(
      `DEV_TENANT_MGMT_RATE_LIMIT: expected Management API requests per second (a positive integer), got "${env['DEV_TENANT_MGMT_RATE_LIMIT']}"`,
    );
    process.exit(1);
  }
  const password = env['DEV_TENANT_PASSWORD'] || 'steward-dev';
  const tenant = await startDevTenant({
    port,
    host: env['DEV_TENANT_HOST'] ?? '127.0.0.1',
    password,
    dataDir: resolve(env['DEV_TENANT_DATA_DIR'] ?? '.data/dev-tenant'),
    tenantFile: resolve(env['DEV_TENANT_DESCRIPTION'] ?? 'tools/auth0/tenant.yaml'),
    fixturesFile: resolve(env['DEV_TENANT_FIXTURES'] ?? 'tools/auth0/dev/fixtures.yaml'),
    managementRateLimit: { capacity: rateLimit, refillPerSecond: rateLimit },
    consoleOrigins: env['DEV_TENANT_CONSOLE_ORIGINS']
      ?.split(',')
      .map((origin) => origin.trim())
      .filter(Boolean),
  });
  const accounts = tenant.accounts
    .list()
    .map(
      (account) => `    ${account.email.padEnd(24)} ${account.roles.join(', ')}${account.blocked ? ' (blocked)' : ''}`,
    )
    .join('\n');
  console.log(`Steward dev tenant (NOT Auth0; development only) at ${tenant.issuer}
  Sign in with password "${password}" as:
${accounts}`);
  const stop = () => void tenant.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
