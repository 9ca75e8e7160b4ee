import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuditService } from '@steward/api-audit-feature';
import { SubjectRevocations, type AuthenticatedUser } from '@steward/api-auth-feature';
import { invalidField, ProblemException } from '@steward/api-core-util';
import type { RoleView, UserDetail, UserPage } from '@steward/shared-domain';
import type { DataSource } from 'typeorm';
import type { CreateUserDto } from './dto/create-user.dto';
import type { ListUsersQuery } from './dto/list-users.query';
import type { UpdateUserDto } from './dto/update-user.dto';
import { USER_DIRECTORY, type DirectoryRole, type UserDirectory } from './user-directory';

/** The role that must always keep at least one member. */
export const ADMIN_ROLE = 'admin';

/** Who acts, and in which request (for the audit log). */
export interface Actor {
  user: AuthenticatedUser;
  requestId: string;
}

const refuse = (detail: string) => new ProblemException(HttpStatus.CONFLICT, { detail });

/**
 * Delegated user administration with Steward's rules on top of the directory: nobody blocks or
 * deletes themselves, the last admin stays, nobody grants a role carrying permissions they lack,
 * blocked and deleted users lose API access at once, and every change is audited.
 */
@Injectable()
export class UsersService {
  constructor(
    @Inject(USER_DIRECTORY) private readonly directory: UserDirectory,
    private readonly revocations: SubjectRevocations,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async search(query: ListUsersQuery): Promise<UserPage> {
    if ((query.page + 1) * query.perPage > 1000)
      throw invalidField('page', 'goes past the first 1000 results; refine the search');
    const { items, total } = await this.directory.search({ text: query.q, page: query.page, perPage: query.perPage });
    return { items, total, page: query.page, perPage: query.perPage };
  }

  async get(id: string): Promise<UserDetail> {
    const [user, roles] = await Promise.all([this.directory.get(id), this.directory.rolesOf(id)]);
    return { ...user, roles };
  }

  async roles(): Promise<RoleView[]> {
    return (await this.directory.roles()).map(({ id, name, description }) => ({ id, name, description }));
  }

  /** Creates the user and returns the link that lets them set their password (the invitation). */
  async create(actor: Actor, input: CreateUserDto): Promise<{ user: UserDetail; invitationUrl: string }> {
    const user = await this.directory.create(input);
    const invitationUrl = await this.directory.passwordChangeTicket(user.id);
    await this.record(actor, 'user.created', user.id);
    return { user: { ...user, roles: [] }, invitationUrl };
  }

  async update(actor: Actor, id: string, changes: UpdateUserDto): Promise<UserDetail> {
    if (changes.blocked === true) {
      if (id === actor.user.sub) throw refuse('You cannot block yourself.');
      await this.keepAnAdmin(id, 'block');
    }
    const user = await this.directory.update(id, changes);
    if (changes.blocked === true) await this.revocations.revoke(id);
    if (changes.blocked === false) await this.revocations.restore(id);
    const action =
      changes.blocked === true ? 'user.blocked' : changes.blocked === false ? 'user.unblocked' : 'user.updated';
    await this.record(actor, action, id);
    return { ...user, roles: await this.directory.rolesOf(id) };
  }

  async delete(actor: Actor, id: string): Promise<void> {
    if (id === actor.user.sub) throw refuse('You cannot delete yourself.');
    await this.keepAnAdmin(id, 'delete');
    await this.directory.delete(id);
    await this.revocations.revoke(id);
    await this.record(actor, 'user.deleted', id);
  }

  /** Makes `roleIds` the user's complete set of roles. */
  async setRoles(actor: Actor, id: string, roleIds: string[]): Promise<UserDetail> {
    const all = await this.directory.roles();
    const unknown = roleIds.filter((roleId) => !all.some((role) => role.id === roleId));
    if (unknown.length > 0) throw invalidField('roles', `contains unknown role ids: ${unknown.join(', ')}`);
    const current = (await this.directory.rolesOf(id)).map((role) => role.id);
    const added = roleIds.filter((roleId) => !current.includes(roleId));
    const removed = current.filter((roleId) => !roleIds.includes(roleId));
    const admin = all.find((role) => role.name === ADMIN_ROLE);
    if (admin && removed.includes(admin.id) && (await this.directory.countRoleMembers(admin.id, 2)) < 2) {
      throw refuse('The last admin cannot lose the admin role.');
    }
    for (const role of all.filter((candidate) => added.includes(candidate.id))) this.mayGrant(actor.user, role);
    if (added.length > 0) await this.directory.assignRoles(id, added);
    if (removed.length > 0) await this.directory.removeRoles(id, removed);
    if (added.length + removed.length > 0) await this.record(actor, 'user.roles_changed', id);
    return this.get(id);
  }

  async passwordReset(actor: Actor, id: string): Promise<{ ticketUrl: string }> {
    await this.directory.get(id); // 404 for an unknown user
    const ticketUrl = await this.directory.passwordChangeTicket(id);
    await this.record(actor, 'user.password_reset', id);
    return { ticketUrl };
  }

  /** The role ceiling: a role may be granted only by someone who holds every permission it carries. */
  private mayGrant(grantor: AuthenticatedUser, role: DirectoryRole): void {
    const missing = role.permissions.filter((permission) => !grantor.permissions.has(permission as never));
    if (missing.length > 0) {
      throw new ProblemException(HttpStatus.FORBIDDEN, {
        detail: `You cannot grant the ${role.name} role: it carries permissions you do not hold.`,
      });
    }
  }

  private async keepAnAdmin(id: string, verb: 'block' | 'delete'): Promise<void> {
    const admin = (await this.directory.roles()).find((role) => role.name === ADMIN_ROLE);
    if (!admin) return;
    const isAdmin = (await this.directory.rolesOf(id)).some((role) => role.id === admin.id);
    if (isAdmin && (await this.directory.countRoleMembers(admin.id, 2)) < 2)
      throw refuse(`You cannot ${verb} the last admin.`);
  }

  private async record(actor: Actor, action: string, userId: string): Promise<void> {
    await this.audit.record(this.dataSource.manager, {
      orgId: actor.user.orgId ?? '',
      actorSub: actor.user.sub,
      action,
      targetType: 'user',
      targetId: userId,
      requestId: actor.requestId,
    });
  }
}
