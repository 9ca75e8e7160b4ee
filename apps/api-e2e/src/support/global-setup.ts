import './register-paths';
import { startStack, type Stack } from '@steward/testing-util';

declare global {
  var stewardStack: Stack | undefined;
}

/** Starts the real dev tenant and API once for the whole suite; workers read the URLs from env. */
export default async function globalSetup(): Promise<void> {
  const stack = await startStack({ database: 'mysql' });
  globalThis.stewardStack = stack;
  process.env['STEWARD_STACK'] = JSON.stringify({
    tenantUrl: stack.tenantUrl,
    apiUrl: stack.apiUrl,
    tenantDataDir: stack.tenantDataDir,
    databaseUrl: stack.databaseUrl,
  });
}
