import type { Permission } from '@steward/shared-domain';

/** The caller behind a verified access token, as Steward's guards and handlers see it. */
export interface AuthenticatedUser {
  sub: string;
  /** True for client-credentials tokens: a machine is never treated as a user. */
  isMachine: boolean;
  permissions: ReadonlySet<Permission>;
  roles: readonly string[];
  email: string | null;
  name: string | null;
  orgId: string | null;
  /** `exp` in seconds since the epoch. */
  expiresAt: number;
}
