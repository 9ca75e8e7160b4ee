import { join } from 'node:path';

/** The stack started by global setup. */
export function stack(): { tenantUrl: string; apiUrl: string; consoleUrl: string } {
  const raw = process.env['STEWARD_STACK'];
  if (!raw) throw new Error('STEWARD_STACK is not set: run through `nx e2e console-e2e`');
  return JSON.parse(raw);
}

/** Where screenshots of the console go (referenced from the README). */
export function screenshotPath(name: string): string {
  return join(__dirname, '../../../../dist/console-e2e/screenshots', `${name}.png`);
}
