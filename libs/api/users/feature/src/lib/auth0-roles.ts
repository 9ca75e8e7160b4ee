import { Logger } from '@nestjs/common';
import { isPermission } from '@steward/shared-domain';
import { ManagementError, type ManagementClient } from 'auth0';
import { toProblem } from './management-errors';
import type { RedisReadCache } from './redis-read-cache';
import { RefreshedValue, type RefreshPolicy } from './refreshed-value';
import type { DirectoryRole, RoleRef } from './user-directory';

/** By default the catalogue is reloaded every minute while it is read, every ten minutes while it is not. */
export const CATALOGUE_REFRESH: RefreshPolicy = { refreshMs: 60_000, idleRefreshMs: 600_000 };
/** How long start-up waits for the first catalogue before serving without it (it keeps loading). */
const STARTUP_WAIT_MS = 3_000;
/** Key of the catalogue in the shared cache. */
const CATALOGUE_KEY = 'catalogue';
/** Auth0's largest page: a role with this many permissions may hide more. */
const PAGE = 100;

/**
 * The tenant's roles through the Management API, read two ways:
 * - `catalogue()`: every role with its permissions, loaded at start-up and reloaded in the
 *   background, so no view pays a call for it. It may be a minute old, so it only shapes what is
 *   shown (the roles on offer, their permissions, `canManage`).
 * - `describe(refs)`: the given roles as the tenant defines them right now (one call each), which
 *   every decision uses. An operator who adds a permission to a role in Auth0 is obeyed at once:
 *   stale data never lets anyone grant, or act on a holder of, a role carrying more than they hold.
 * Steward's roles are not derived from STEWARD_ROLE_PERMISSIONS either: that is what the tenant
 * description says, and the live tenant may have been changed since (the same fail-open risk).
 *
 * With a `shared` cache (Redis), the catalogue one instance loads serves every instance until it is
 * `refreshMs` old, so the fleet reloads it about once per period instead of once per instance; a
 * role found changed reloads it upstream and replaces it for all.
 */
export class Auth0Roles {
  private readonly logger = new Logger('UserDirectory');
  private failing = false;
  private readonly all: RefreshedValue<DirectoryRole[]>;
  /** Set when the shared catalogue is known to be stale: the next load goes upstream. */
  private stale = false;

  constructor(
    private readonly client: ManagementClient,
    private readonly audience: string,
    policy: RefreshPolicy = CATALOGUE_REFRESH,
    now?: () => number,
    private readonly shared?: RedisReadCache<DirectoryRole[]>,
  ) {
    this.all = new RefreshedValue(
      () => this.loadShared(),
      policy,
      (error) => this.loadFailed(error),
      now,
    );
  }

  /** Loads the catalogue (waiting a little for it) and keeps it fresh until `stop()`. */
  start(waitMs = STARTUP_WAIT_MS): Promise<void> {
    return this.all.start(waitMs);
  }

  stop(): void {
    this.all.stop();
  }

  /** Every role of the tenant with the Steward permissions it carries, as last loaded (for display). */
  catalogue(): Promise<DirectoryRole[]> {
    return this.all.get().catch(toProblem);
  }

  /** These roles with the permissions they carry now (for decisions); a role found changed refreshes the catalogue. */
  async describe(refs: RoleRef[]): Promise<DirectoryRole[]> {
    const unique = [...new Map(refs.map((ref) => [ref.id, ref])).values()];
    const described = await Promise.all(unique.map((ref) => this.describeOne(ref)));
    const shown = this.all.peek();
    if (
      shown &&
      described.some(
        (role) =>
          !sameGrant(
            role,
            shown.find((known) => known.id === role.id),
          ),
      )
    ) {
      this.stale = true;
      this.all.reload().catch((error: unknown) => this.loadFailed(error));
    }
    return described;
  }

  private loadShared(): Promise<DirectoryRole[]> {
    if (!this.shared) return this.load();
    if (!this.stale) return this.shared.get(CATALOGUE_KEY, () => this.load());
    this.stale = false;
    return this.shared.refresh(CATALOGUE_KEY, () => this.load());
  }

  private async load(): Promise<DirectoryRole[]> {
    const page = await this.client.roles.list({ per_page: PAGE, include_totals: true });
    const roles = await Promise.all(
      page.data.map((role) =>
        this.describeOne({ id: role.id ?? '', name: role.name ?? '', description: role.description ?? '' }),
      ),
    );
    if (this.failing) this.logger.log('Role catalogue loaded again.');
    this.failing = false;
    return roles;
  }

  private async describeOne(ref: RoleRef): Promise<DirectoryRole> {
    const permissions = await this.client.roles.permissions.list(ref.id, { per_page: PAGE }).catch(gone);
    // A role deleted meanwhile carries nothing Steward could vouch for: not ours (fails closed).
    const role = { id: ref.id, name: ref.name, description: ref.description };
    if (!permissions) return { ...role, permissions: [], foreign: true };
    const ours = permissions.data
      .filter((permission) => permission.resource_server_identifier === this.audience)
      .map((permission) => permission.permission_name)
      .filter(isPermission);
    return {
      ...role,
      permissions: ours,
      // A full page may hide more permissions: fail closed and treat the role as not ours.
      foreign: ours.length < permissions.data.length || permissions.data.length >= PAGE,
    };
  }

  /** Logs the first failure of a run of them (a tenant that is down fails every minute). */
  private loadFailed(error: unknown): void {
    if (this.failing) return;
    this.failing = true;
    const reason = error instanceof ManagementError ? `status ${error.statusCode}` : (error as Error).message;
    this.logger.warn(`Role catalogue not loaded (${reason}); retrying in the background.`);
  }
}

/** A role that is gone is no failure here (`describeOne` says what that means); anything else is. */
function gone(error: unknown): undefined {
  if (error instanceof ManagementError && error.statusCode === 404) return undefined;
  return toProblem(error);
}

function sameGrant(role: DirectoryRole, known: DirectoryRole | undefined): boolean {
  return (
    known !== undefined &&
    known.foreign === role.foreign &&
    known.permissions.length === role.permissions.length &&
    role.permissions.every((permission) => known.permissions.includes(permission))
  );
}
