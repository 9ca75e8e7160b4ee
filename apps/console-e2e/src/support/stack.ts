/** The stack started by global setup. */
export function stack(): { tenantUrl: string; apiUrl: string; consoleUrl: string } {
  const raw = process.env['STEWARD_STACK'];
  if (!raw) throw new Error('STEWARD_STACK is not set: run through `nx e2e console-e2e`');
  return JSON.parse(raw);
}
