import { isPermission, type Permission } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';

type Claims = Record<string, unknown>;

/**
 * Turns verified claims into Steward's caller. Permissions come only from the `permissions`
 * array (Auth0 RBAC) or, failing that, the space-separated `scope`; a claim of the wrong type
 * grants nothing. Roles come only from the configured claim; email and name from its siblings
 * in the same namespace (e.g. https://steward.local/email), which the tenant's Action adds.
 * `latestIssueTime` (seconds, clock tolerance included) refuses tokens issued in the future.
 */
export function toAuthenticatedUser(
  payload: unknown,
  rolesClaim: string,
  latestIssueTime = Number.POSITIVE_INFINITY,
): AuthenticatedUser {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) {
    throw new InvalidTokenError('The access token payload is not a JSON object.', 'malformed');
  }
  const claims = payload as Claims;
  if (typeof claims['exp'] !== 'number') throw new InvalidTokenError('The access token has no expiry.', 'malformed');
  if (typeof claims['sub'] !== 'string' || claims['sub'] === '')
    throw new InvalidTokenError('The access token has no subject.', 'malformed');
  if (typeof claims['iat'] === 'number' && claims['iat'] > latestIssueTime) {
    throw new InvalidTokenError('The access token was issued in the future.', 'not_yet_valid');
  }
  const sub = claims['sub'];
  return {
    sub,
    isMachine: claims['gty'] === 'client-credentials' || sub.endsWith('@clients'),
    permissions: new Set(permissionsOf(claims)),
    roles: stringArray(claims[rolesClaim]),
    email: stringOrNull(claims[siblingClaim(rolesClaim, 'email')]) ?? stringOrNull(claims['email']),
    name: stringOrNull(claims[siblingClaim(rolesClaim, 'name')]) ?? stringOrNull(claims['name']),
    orgId: stringOrNull(claims['org_id']),
    expiresAt: claims['exp'],
  };
}

function permissionsOf(claims: Claims): Permission[] {
  if (claims['permissions'] !== undefined) return stringArray(claims['permissions']).filter(isPermission);
  const scope = claims['scope'];
  return typeof scope === 'string' ? scope.split(' ').filter(isPermission) : [];
}

const siblings = new Map<string, string>();

/** `name` in the roles claim's namespace; resolved once per pair (a URL parse costs more than the rest). */
function siblingClaim(rolesClaim: string, name: string): string {
  const key = `${rolesClaim} ${name}`;
  let claim = siblings.get(key);
  if (claim === undefined) {
    claim = new URL(name, rolesClaim).href;
    siblings.set(key, claim);
  }
  return claim;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string') ? value : [];
}

function stringOrNull(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
