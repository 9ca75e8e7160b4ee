import type { RoleView, UserSummary } from '@steward/shared-domain';

/** A role with the Steward permissions it grants. */
export interface DirectoryRole extends RoleView {
  permissions: string[];
}

export interface DirectoryUser extends UserSummary {
  emailVerified: boolean;
}

/**
 * Steward's view of the identity provider's user store (the port). The Auth0 adapter maps SDK types
 * to these at one edge; tests and other providers implement the same interface.
 */
export interface UserDirectory {
  /** One page of users matching free text (email or name); one upstream call per page. */
  search(query: { text?: string; page: number; perPage: number }): Promise<{ items: UserSummary[]; total: number }>;
  get(id: string): Promise<DirectoryUser>;
  create(input: { email: string; name: string }): Promise<DirectoryUser>;
  update(id: string, changes: { name?: string; blocked?: boolean }): Promise<DirectoryUser>;
  delete(id: string): Promise<void>;
  roles(): Promise<DirectoryRole[]>;
  rolesOf(id: string): Promise<RoleView[]>;
  assignRoles(id: string, roleIds: string[]): Promise<void>;
  removeRoles(id: string, roleIds: string[]): Promise<void>;
  /** How many users hold the role, counting at most up to `upTo`. */
  countRoleMembers(roleId: string, upTo: number): Promise<number>;
  /** A link the user follows to set a new password. */
  passwordChangeTicket(id: string): Promise<string>;
}

/** Injection token of the `UserDirectory` implementation. */
export const USER_DIRECTORY = Symbol('UserDirectory');
