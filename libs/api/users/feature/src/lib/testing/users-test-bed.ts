import { AuditEvent, AuditService } from '@steward/api-audit-feature';
import { RevokedSubject, SubjectRevocations, type AuthenticatedUser } from '@steward/api-auth-feature';
import { STEWARD_ROLE_PERMISSIONS, type Permission } from '@steward/shared-domain';
import { DataSource } from 'typeorm';
import { AdminChangeLock } from '../admin-change-lock';
import { AuditedChanges, type Actor } from '../audited-changes';
import type { UserDirectory } from '../user-directory';
import { UsersService } from '../users.service';
import { FakeUserDirectory } from './fake-user-directory';

/** A caller with exactly these permissions. */
export function actor(sub: string, permissions: readonly Permission[]): Actor {
  const user: AuthenticatedUser = {
    sub,
    isMachine: false,
    permissions: new Set(permissions),
    roles: [],
    email: null,
    name: null,
    orgId: null,
    expiresAt: 0,
  };
  return { user, requestId: `req-${sub}`, correlationId: null };
}

/** A caller holding one Steward role's permissions. */
export const actorWithRole = (sub: string, role: keyof typeof STEWARD_ROLE_PERMISSIONS) =>
  actor(sub, STEWARD_ROLE_PERMISSIONS[role]);

/** `UsersService` on a directory (by default a fake one) and a real (embedded SQLite) database. */
export class UsersTestBed<D extends UserDirectory = FakeUserDirectory> {
  dataSource!: DataSource;
  revocations!: SubjectRevocations;
  audit!: AuditService;
  service!: UsersService;

  constructor(readonly directory: D = new FakeUserDirectory() as UserDirectory as D) {}

  async start(): Promise<this> {
    this.dataSource = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [AuditEvent, RevokedSubject],
      synchronize: true,
    });
    await this.dataSource.initialize();
    this.revocations = new SubjectRevocations(this.dataSource.getRepository(RevokedSubject));
    this.audit = new AuditService(this.dataSource.getRepository(AuditEvent));
    this.service = new UsersService(
      this.directory,
      new AuditedChanges(this.audit, this.revocations, this.dataSource),
      new AdminChangeLock(this.dataSource),
    );
    return this;
  }

  async stop(): Promise<void> {
    if (this.dataSource.isInitialized) await this.dataSource.destroy();
  }

  /** `<action> <target> <outcome>` of every audit row, oldest first. */
  async auditTrail(): Promise<string[]> {
    const rows = await this.dataSource.getRepository(AuditEvent).find({ order: { id: 'ASC' } });
    return rows.map((row) => `${row.action} ${row.targetId} ${row.outcome}`);
  }
}
