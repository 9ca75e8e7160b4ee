#!/usr/bin/env node
// `npm start`: the dev tenant, the API and the console in watch mode, then one banner with the URLs
// and the dev sign-in accounts once all three answer.
import { spawn } from 'node:child_process';

const tenantPort = process.env.DEV_TENANT_PORT ?? '4600';
const apiPort = process.env.PORT ?? '3000';
const password = process.env.DEV_TENANT_PASSWORD || 'steward-dev';
const services = [
  { name: 'Console', url: 'http://localhost:4200', probe: 'http://localhost:4200/config.json' },
  { name: 'API', url: `http://localhost:${apiPort}/api`, probe: `http://127.0.0.1:${apiPort}/api/health` },
  {
    name: 'Dev tenant',
    url: `http://localhost:${tenantPort}`,
    probe: `http://127.0.0.1:${tenantPort}/.well-known/openid-configuration`,
  },
];

const nx = spawn(
  'npx',
  ['nx', 'run-many', '-t', 'serve', '-p', 'dev-tenant', 'api', 'console', '--parallel=3', '--outputStyle=stream'],
  {
    stdio: 'inherit',
    // The API refuses development defaults unless told it is in development (it fails closed).
    env: { NX_TUI: 'false', NODE_ENV: 'development', ...process.env },
  },
);
nx.on('exit', (code) => process.exit(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => nx.kill(signal));

const up = async ({ probe }) => {
  try {
    return (await fetch(probe)).ok;
  } catch {
    return false;
  }
};

const started = Date.now();
while (!(await Promise.all(services.map(up))).every(Boolean)) {
  await new Promise((resolve) => setTimeout(resolve, 1000));
}
console.log(`
┌──────────────────────────────────────────────────────────────┐
  Steward is running (ready in ${Math.round((Date.now() - started) / 1000)} s)
${services.map(({ name, url }) => `    ${name.padEnd(11)} ${url}`).join('\n')}

  Sign in with password "${password}" as
    admin@steward.local · support@steward.local · staff@steward.local · viewer@steward.local
  The dev tenant is a local stand-in for Auth0: development only.
└──────────────────────────────────────────────────────────────┘
`);
