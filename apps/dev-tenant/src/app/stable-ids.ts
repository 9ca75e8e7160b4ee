import { createHash } from 'node:crypto';

const ALPHANUMERIC = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/**
 * An Auth0-looking id (`rol_…`, `con_…`: a prefix and 16 letters or digits) derived from a name,
 * so the id of a role or connection described in tenant.yaml survives restarts.
 */
export function stableId(prefix: string, name: string): string {
  const digest = createHash('sha256').update(`${prefix}${name}`).digest();
  return prefix + [...digest.subarray(0, 16)].map((byte) => ALPHANUMERIC[byte % ALPHANUMERIC.length]).join('');
}

/** The tenant's only connection: Auth0's default database connection. */
export const DATABASE_CONNECTION = 'Username-Password-Authentication';

/** Its id, as `connection_id` in password-change tickets and in log entries. */
export const DATABASE_CONNECTION_ID = stableId('con_', DATABASE_CONNECTION);
