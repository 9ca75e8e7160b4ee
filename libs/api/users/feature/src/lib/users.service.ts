import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { invalidField, ProblemException } from '@steward/api-core-util';
import { ADMIN_ROLE, type RoleView, type UserDetail, type UserPage } from '@steward/shared-domain';
import { AdminChangeLock } from './admin-change-lock';
import { AuditedChanges, type Actor } from './audited-changes';
import { managedRoles, refusalToGrant, refusalToManage, roleView } from './delegation';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import {
  USER_DIRECTORY,
  type DirectoryRole,
  type DirectoryUser,
  type RoleRef,
  type UserDirectory,
} from './user-directory';

const conflict = (detail: string) => new ProblemException(HttpStatus.CONFLICT, { detail });
const forbidden = (detail: string) => new ProblemException(HttpStatus.FORBIDDEN, { detail });
const isNotFound = (error: unknown) => error instanceof ProblemException && error.getStatus() === HttpStatus.NOT_FOUND;

/**
 * Delegated user administration with Steward's rules on top of the directory. Every rule is checked
 * before anything changes, on the user's roles and those roles' permissions read fresh: delegation
 * never climbs (see `delegation.ts`), nobody blocks, deletes or re-roles themselves, and the last
 * unblocked admin stays (checked and changed under `AdminChangeLock`). Views read the kept role
 * catalogue instead, so they cost no call for it. Every change is audited ahead of the upstream
 * call, and blocked or deleted users lose API access before the directory is even asked.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    private readonly changes: AuditedChanges,
    private readonly lock: AdminChangeLock,
  ) {}

  async search(query: ListUsersQuery): Promise<UserPage> {
    if ((query.page + 1) * query.perPage > 1000)
      throw invalidField('page', 'goes past the first 1000 results; refine the search');
    const { items, total } = await this.directory.search({ text: query.q, page: query.page, perPage: query.perPage });
    return { items, total, page: query.page, perPage: query.perPage };
  }

  /** The user, their roles and whether the caller may manage them (a hint: each change is checked afresh). */
  async get(actor: Actor, id: string): Promise<UserDetail> {
    const [user, held, catalogue] = await Promise.all([
      this.directory.get(id),
      this.directory.rolesOf(id),
      this.directory.roles(),
    ]);
    return this.detail(actor, user, held, catalogue);
  }

  /** Steward's own roles, each with its permissions: the only roles ever granted here. */
  async roles(): Promise<RoleView[]> {
    return managedRoles(await this.directory.roles()).map(({ id, name, description, permissions }) => ({
      id,
      name,
      description,
      permissions,
    }));
  }

  /** Creates the user and returns the link that lets them set their password (the invitation). */
  async create(actor: Actor, input: CreateUserDto): Promise<{ user: UserDetail; invitationUrl: string }> {
    const user = await this.changes.create(actor, 'user.created', input.email, () => this.directory.create(input));
    const invitationUrl = await this.directory.passwordChangeTicket(user.id);
    return { user: { ...user, roles: [], canManage: true }, invitationUrl };
  }

  /** Renames, blocks or unblocks a user the caller may manage. */
  async update(actor: Actor, id: string, input: UpdateUserDto): Promise<UserDetail> {
    // Nothing to change (like an empty PATCH of a record): the user as they are; nothing audited, nothing sent upstream.
    if (input.name === undefined && input.blocked === undefined) return this.get(actor, id);
    const blocking = input.blocked === true;
    if (blocking && id === actor.user.sub) throw conflict('You cannot block yourself.');
    const action = blocking ? 'user.blocked' : input.blocked === false ? 'user.unblocked' : 'user.updated';
    const apply = async () => {
      const { held, roles } = await this.manageable(actor, id);
      if (blocking) await this.keepAnAdmin(id, held, 'block');
      const user = await this.changes.run(actor, action, id, { revokeFirst: blocking }, async () => {
        const updated = await this.directory.update(id, input);
        if (input.blocked === false) await this.changes.restore(id);
        return updated;
      });
      return this.detail(actor, user, held, roles);
    };
    return blocking ? this.lock.run(apply) : apply();
  }

  /** Deletes a user the caller may manage; a user already gone is still locked out (idempotent 204). */
  async delete(actor: Actor, id: string): Promise<void> {
    if (id === actor.user.sub) throw conflict('You cannot delete yourself.');
    await this.lock.run(async () => {
      const found = await this.manageable(actor, id).catch((error: unknown) => {
        if (isNotFound(error)) return null;
        throw error;
      });
      if (found) await this.keepAnAdmin(id, found.held, 'delete');
      await this.changes.run(actor, 'user.deleted', id, { revokeFirst: true }, () =>
        found ? this.directory.delete(id) : Promise.resolve(),
      );
    });
  }

  /** Makes `roleIds` the user's complete set of roles. */
  async setRoles(actor: Actor, id: string, roleIds: string[]): Promise<UserDetail> {
    if (id === actor.user.sub) throw forbidden('You cannot change your own roles.');
    // The catalogue names the roles; what they carry is read fresh below, before any grant.
    const catalogue = await this.directory.roles();
    const unknown = roleIds.filter((roleId) => !catalogue.some((role) => role.id === roleId));
    if (unknown.length > 0) throw invalidField('roles', `contains unknown role ids: ${unknown.join(', ')}`);
    await this.lock.run(async () => {
      const wanted = catalogue.filter((role) => roleIds.includes(role.id));
      const { held, roles } = await this.manageable(actor, id, wanted);
      const current = held.map((role) => role.id);
      const added = roles.filter((role) => roleIds.includes(role.id) && !current.includes(role.id));
      const removed = current.filter((roleId) => !roleIds.includes(roleId));
      for (const role of added) {
        const refusal = refusalToGrant(actor.user, role);
        if (refusal) throw forbidden(refusal);
      }
      const removedRefs = held.filter((role) => removed.includes(role.id));
      if (removedRefs.length > 0) await this.keepAnAdmin(id, removedRefs, 'remove the admin role from');
      if (added.length + removed.length === 0) return;
      await this.changes.run(actor, 'user.roles_changed', id, {}, async () => {
        if (added.length > 0)
          await this.directory.assignRoles(
            id,
            added.map((role) => role.id),
          );
        if (removed.length > 0) await this.directory.removeRoles(id, removed);
      });
    });
    return this.get(actor, id);
  }

  /** A password-change link for a user the caller may manage (checked before any ticket exists). */
  async passwordReset(actor: Actor, id: string): Promise<{ ticketUrl: string }> {
    await this.manageable(actor, id);
    const ticketUrl = await this.changes.run(actor, 'user.password_reset', id, {}, () =>
      this.directory.passwordChangeTicket(id),
    );
    return { ticketUrl };
  }

  /**
   * The user's current roles, and what they and `also` carry, all read fresh (never the catalogue,
   * which may be a minute old), once the caller is known to be allowed to act on the user.
   */
  private async manageable(
    actor: Actor,
    id: string,
    also: RoleRef[] = [],
  ): Promise<{ held: RoleRef[]; roles: DirectoryRole[] }> {
    const held = await this.directory.rolesOf(id, { fresh: true });
    const roles = await this.directory.describeRoles([...held, ...also]);
    const refusal = refusalToManage(actor.user, held, roles);
    if (refusal) throw forbidden(refusal);
    return { held, roles };
  }

  /** Refuses when `affected` (read fresh) includes the admin role and no other unblocked admin would remain. */
  private async keepAnAdmin(id: string, affected: RoleRef[], verb: string): Promise<void> {
    const admin = affected.find((role) => role.name === ADMIN_ROLE);
    if (!admin) return;
    if (!(await this.directory.hasOtherUnblockedMember(admin.id, id)))
      throw conflict(`You cannot ${verb} the last admin.`);
  }

  private detail(actor: Actor, user: DirectoryUser, held: RoleRef[], catalogue: DirectoryRole[]): UserDetail {
    return {
      ...user,
      roles: held.map((ref) => roleView(ref, catalogue)),
      canManage: refusalToManage(actor.user, held, catalogue) === null,
    };
  }
}
