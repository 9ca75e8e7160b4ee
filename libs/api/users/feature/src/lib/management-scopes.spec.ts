import type { ManagementClient } from 'auth0';
import { load } from 'js-yaml';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Auth0UserDirectory } from './auth0-user-directory';
import { MANAGEMENT_SCOPES } from './management-scopes';
import { directoryConfig } from './testing/fake-management-client';
import type { UserDirectory } from './user-directory';

const TENANT_FILE = join(__dirname, '../../../../../../tools/auth0/tenant.yaml');

/** What each SDK method answers in this spec: just enough for the directory to go on. */
const ANSWERS: Record<string, unknown> = {
  'users.list': { data: [], response: { total: 0 } },
  'users.get': { user_id: 'auth0|other', blocked: false },
  'users.create': { user_id: 'auth0|new' },
  'users.update': { user_id: 'auth0|bob' },
  'users.roles.list': { data: [] },
  'roles.list': { data: [{ id: 'rol_admin', name: 'admin' }] },
  'roles.permissions.list': { data: [] },
  'roles.users.list': { data: [{ user_id: 'auth0|other' }], hasNextPage: () => false },
  'tickets.changePassword': { ticket: 'https://tenant.test/lo/reset?ticket=1' },
};

/** A stand-in `ManagementClient` that records the path of every method the directory calls. */
function recordingClient(called: Set<string>): ManagementClient {
  const at = (path: string[]): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (typeof key === 'string' ? at([...path, key]) : undefined),
      apply: () => {
        const name = path.join('.');
        called.add(name);
        return Promise.resolve(ANSWERS[name]);
      },
    });
  return at([]) as ManagementClient;
}

function grantedScopes(): string[] {
  const tenant = load(readFileSync(TENANT_FILE, 'utf8')) as {
    clientGrants: { client_id: string; scope: string[] }[];
  };
  return tenant.clientGrants.find((grant) => grant.client_id === 'Steward Management')?.scope ?? [];
}

describe('MANAGEMENT_SCOPES', () => {
  const called = new Set<string>();

  beforeAll(async () => {
    const directory = new Auth0UserDirectory(recordingClient(called), directoryConfig());
    // Every method of the port, so a new one cannot call the SDK unnoticed (the type demands them all).
    const everyMethod: Record<keyof UserDirectory, () => Promise<unknown>> = {
      search: () => directory.search({ text: 'ada', page: 0, perPage: 10 }),
      get: () => directory.get('auth0|bob', { fresh: true }),
      create: () => directory.create({ email: 'new@x.test', name: 'New' }),
      update: () => directory.update('auth0|bob', { blocked: true }),
      delete: () => directory.delete('auth0|bob'),
      roles: () => directory.roles(),
      describeRoles: () => directory.describeRoles([{ id: 'rol_admin', name: 'admin', description: '' }]),
      rolesOf: () => directory.rolesOf('auth0|bob', { fresh: true }),
      assignRoles: () => directory.assignRoles('auth0|bob', ['rol_admin']),
      removeRoles: () => directory.removeRoles('auth0|bob', ['rol_admin']),
      hasOtherUnblockedMember: () => directory.hasOtherUnblockedMember('rol_admin', 'auth0|bob'),
      passwordChangeTicket: () => directory.passwordChangeTicket('auth0|bob'),
    };
    for (const call of Object.values(everyMethod)) await call();
  });

  it('should name a scope for every SDK method the directory calls, and no other', () => {
    expect([...called].sort()).toEqual(Object.keys(MANAGEMENT_SCOPES).sort());
  });

  it("should match the management client's grant in tenant.yaml exactly", () => {
    const needed = [...new Set([...called].map((method) => MANAGEMENT_SCOPES[method]))].sort();
    expect([...grantedScopes()].sort()).toEqual(needed);
  });

  it('should not grant the log scopes Steward never uses', () => {
    expect(grantedScopes()).not.toContain('read:logs');
    expect(grantedScopes()).not.toContain('read:logs_users');
  });
});
