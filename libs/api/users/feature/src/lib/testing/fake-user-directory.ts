import { ProblemException } from '@steward/api-core-util';
import { PERMISSIONS, STEWARD_ROLE_PERMISSIONS } from '@steward/shared-domain';
import type { DirectoryRole, DirectoryUser, RoleRef, UserDirectory } from '../user-directory';

const steward = (name: keyof typeof STEWARD_ROLE_PERMISSIONS): DirectoryRole => ({
  id: `rol_${name}`,
  name,
  description: `${name} role`,
  permissions: [...STEWARD_ROLE_PERMISSIONS[name]],
  foreign: false,
});

/**
 * The tenant's roles for unit tests: Steward's four, plus `billing` (another API's permissions)
 * and `auditor` (Steward permissions, but not one of Steward's roles).
 */
export const TEST_ROLES: DirectoryRole[] = [
  steward('admin'),
  steward('support'),
  steward('staff'),
  steward('viewer'),
  { id: 'rol_billing', name: 'billing', description: 'Invoices API', permissions: [], foreign: true },
  {
    id: 'rol_auditor',
    name: 'auditor',
    description: 'Made in the dashboard',
    permissions: ['read:audit'],
    foreign: false,
  },
];

/** Everything Steward knows: an admin's permissions. */
export const ALL_PERMISSIONS = [...PERMISSIONS];

type FakeUser = DirectoryUser & { roles: string[] };

/**
 * An in-memory `UserDirectory` (the port, faked) that records every call that changes something,
 * can fail a method on demand, and can slow every call down to let requests interleave. Its role
 * catalogue (`roles()`) is a copy that lags behind the tenant's roles until `refreshCatalogue()`,
 * as a kept catalogue may; `describeRoles` reads the tenant's roles as they are.
 */
export class FakeUserDirectory implements UserDirectory {
  readonly users = new Map<string, FakeUser>();
  /** The tenant's roles right now (change them with `changeRole`). */
  readonly tenantRoles: DirectoryRole[] = TEST_ROLES.map((role) => ({ ...role, permissions: [...role.permissions] }));
  private catalogue: DirectoryRole[] = TEST_ROLES;
  /** Changing calls, in order: `update auth0|bob`, `ticket auth0|bob`, … */
  readonly changes: string[] = [];
  /** Observers run at the start of every changing call (e.g. to see what was revoked by then). */
  readonly onChange: ((call: string) => void)[] = [];
  private readonly failures = new Map<string, Error>();
  latencyMs = 0;

  add(id: string, roles: string[], blocked = false): void {
    this.users.set(id, {
      id,
      email: `${id.split('|')[1] ?? id}@x.test`,
      name: id,
      blocked,
      emailVerified: true,
      lastLogin: null,
      loginsCount: 0,
      createdAt: '',
      roles: roles.map((name) => `rol_${name}`),
    });
  }

  /** The next call of `method` fails with `error`. */
  failNext(method: keyof UserDirectory, error: Error): void {
    this.failures.set(method, error);
  }

  /** An operator changes what a role carries in the tenant; the catalogue does not know yet. */
  changeRole(name: string, change: Partial<Pick<DirectoryRole, 'permissions' | 'foreign'>>): void {
    const role = this.tenantRoles.find((candidate) => candidate.name === name);
    if (!role) throw new Error(`no role ${name}`);
    Object.assign(role, change);
  }

  /** The catalogue catches up with the tenant, as a background refresh does. */
  refreshCatalogue(): void {
    this.catalogue = this.tenantRoles.map((role) => ({ ...role, permissions: [...role.permissions] }));
  }

  rolesNamed(id: string): string[] {
    return (this.users.get(id)?.roles ?? []).map((roleId) => roleId.replace(/^rol_/, ''));
  }

  async search() {
    await this.tick('search');
    return { items: [...this.users.values()], total: this.users.size };
  }
  async get(id: string) {
    await this.tick('get');
    return { ...this.user(id) };
  }
  async create(input: { email: string; name: string }) {
    await this.change('create', input.email);
    this.add(`auth0|${input.email.split('@')[0]}`, []);
    return this.get(`auth0|${input.email.split('@')[0]}`);
  }
  async update(id: string, changes: { name?: string; blocked?: boolean }) {
    await this.change('update', id);
    return { ...Object.assign(this.user(id), changes) };
  }
  async delete(id: string) {
    await this.change('delete', id);
    this.users.delete(id);
  }
  async roles() {
    await this.tick('roles');
    return this.catalogue;
  }
  async describeRoles(refs: RoleRef[]): Promise<DirectoryRole[]> {
    await this.tick('describeRoles');
    return refs.map(({ id, name, description }) => {
      const role = this.tenantRoles.find((candidate) => candidate.id === id);
      return { id, name, description, permissions: [...(role?.permissions ?? [])], foreign: role?.foreign ?? true };
    });
  }
  async rolesOf(id: string): Promise<RoleRef[]> {
    await this.tick('rolesOf');
    return this.user(id).roles.map((roleId) => {
      const { name, description } = this.tenantRoles.find((role) => role.id === roleId) ?? {
        name: roleId,
        description: '',
      };
      return { id: roleId, name, description };
    });
  }
  async assignRoles(id: string, roleIds: string[]) {
    await this.change('assignRoles', id);
    this.user(id).roles.push(...roleIds);
  }
  async removeRoles(id: string, roleIds: string[]) {
    await this.change('removeRoles', id);
    const user = this.user(id);
    user.roles = user.roles.filter((roleId) => !roleIds.includes(roleId));
  }
  async hasOtherUnblockedMember(roleId: string, exceptUserId: string) {
    await this.tick('hasOtherUnblockedMember');
    return [...this.users.values()].some((u) => u.id !== exceptUserId && u.roles.includes(roleId) && !u.blocked);
  }
  async passwordChangeTicket(id: string) {
    await this.change('passwordChangeTicket', id);
    this.user(id);
    return `https://tenant.test/lo/reset?ticket=${id}`;
  }

  private user(id: string): FakeUser {
    const user = this.users.get(id);
    if (!user) throw new ProblemException(404, { detail: 'There is no such user.' });
    return user;
  }

  private async tick(method: string): Promise<void> {
    if (this.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, this.latencyMs));
    const failure = this.failures.get(method);
    if (failure) {
      this.failures.delete(method);
      throw failure;
    }
  }

  private async change(method: string, id: string): Promise<void> {
    this.onChange.forEach((observe) => observe(`${method} ${id}`));
    await this.tick(method);
    this.changes.push(`${method} ${id}`);
  }
}
