import type { Permission, UserSummary } from '@steward/shared-domain';

/** A role as the directory holds it, with what it carries for Steward. */
export interface DirectoryRole {
  id: string;
  name: string;
  description: string;
  /** The permissions of this API, known to Steward, that the role carries. */
  permissions: Permission[];
  /** True when the role also carries permissions Steward does not know (another API's, or unknown names). */
  foreign: boolean;
}

/** A role a user holds, as the directory names it. */
export interface RoleRef {
  id: string;
  name: string;
  description: string;
}

export interface DirectoryUser extends UserSummary {
  emailVerified: boolean;
}

/** `fresh`: bypass any read cache (for decisions that must see the latest state). */
export interface ReadOptions {
  fresh?: boolean;
}

/**
 * Steward's view of the identity provider's user store (the port). The Auth0 adapter maps SDK types
 * to these at one edge; tests and other providers implement the same interface.
 */
export interface UserDirectory {
  /** One page of users matching free text (email or name); one upstream call per page. */
  search(query: { text?: string; page: number; perPage: number }): Promise<{ items: UserSummary[]; total: number }>;
  get(id: string, options?: ReadOptions): Promise<DirectoryUser>;
  create(input: { email: string; name: string }): Promise<DirectoryUser>;
  update(id: string, changes: { name?: string; blocked?: boolean }): Promise<DirectoryUser>;
  /** Deletes the user; a user who is already gone is not an error. */
  delete(id: string): Promise<void>;
  /**
   * Every role of the tenant (the catalogue), whoever's API it serves, kept loaded so that reading
   * it costs no upstream call; it may be a minute old, so it is for display, never for decisions.
   */
  roles(): Promise<DirectoryRole[]>;
  /** These roles with what they carry right now, read upstream (never cached): what decisions use. */
  describeRoles(roles: RoleRef[]): Promise<DirectoryRole[]>;
  rolesOf(id: string, options?: ReadOptions): Promise<RoleRef[]>;
  assignRoles(id: string, roleIds: string[]): Promise<void>;
  removeRoles(id: string, roleIds: string[]): Promise<void>;
  /** Whether a user other than `exceptUserId` holds the role and is not blocked; never cached. */
  hasOtherUnblockedMember(roleId: string, exceptUserId: string): Promise<boolean>;
  /** A link the user follows to set a new password. */
  passwordChangeTicket(id: string): Promise<string>;
}

/** Injection token of the `UserDirectory` implementation. */
export const USER_DIRECTORY = Symbol('UserDirectory');
