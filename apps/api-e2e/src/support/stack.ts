/** The running stack started by global-setup. */
export function stack(): { tenantUrl: string; apiUrl: string; tenantDataDir: string; databaseUrl: string } {
  const raw = process.env['STEWARD_STACK'];
  if (!raw) throw new Error('STEWARD_STACK is not set: run through `nx e2e api-e2e`');
  return JSON.parse(raw);
}
