import { startStack } from '@steward/testing-util';

/** Starts the built dev tenant, API and console on free ports; returns the teardown. */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const stack = await startStack({ console: true });
  process.env['STEWARD_STACK'] = JSON.stringify({
    tenantUrl: stack.tenantUrl,
    apiUrl: stack.apiUrl,
    consoleUrl: stack.consoleUrl,
  });
  return () => stack.stop();
}
