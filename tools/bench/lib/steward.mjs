// Starts the production build of Steward's API (dist/apps/api/main.js) as the bench needs it.
import { join } from 'node:path';
import { freePort, startServer } from './processes.mjs';
import { AUDIENCE } from './issuer.mjs';

/** Limits high enough that the bench's load never trips them; the limiter itself stays on. */
const RAISED_LIMITS = {
  RATE_LIMIT_PER_ADDRESS: '1000000000',
  RATE_LIMIT_PER_USER: '1000000000',
  MANAGEMENT_BUDGET_PER_USER: '1000000',
};

/**
 * @param {{ root: string, scratch: string, name: string, issuer: string, databaseUrl: string,
 *   managementDomain?: string, corsOrigin?: string, timeoutMs?: number, env?: Record<string, string> }} options
 * @returns {Promise<{ url: string, pid: number, stop(): Promise<void> }>}
 */
export async function startSteward({
  root,
  scratch,
  name,
  issuer,
  databaseUrl,
  managementDomain,
  corsOrigin,
  timeoutMs,
  env,
}) {
  const port = await freePort();
  const server = await startServer({
    name,
    script: join(root, 'dist/apps/api/main.js'),
    cwd: scratch,
    logFile: join(scratch, `${name}.log`),
    readyUrl: `http://127.0.0.1:${port}/api/health`,
    timeoutMs,
    env: {
      NODE_ENV: 'test',
      PORT: String(port),
      AUTH0_ISSUER_BASE_URL: issuer,
      AUTH0_AUDIENCE: AUDIENCE,
      AUTH0_MGMT_DOMAIN: managementDomain ?? new URL(issuer).host,
      CORS_ORIGINS: corsOrigin ?? 'http://localhost:4200',
      DATABASE_URL: databaseUrl,
      ...RAISED_LIMITS,
      ...env,
    },
  });
  return { url: `http://127.0.0.1:${port}`, pid: server.pid, stop: server.stop };
}
