import type { Permission } from './permissions';

/** A role as Steward shows it. */
export interface RoleView {
  id: string;
  name: string;
  description: string;
  /** The Steward permissions the role carries: a caller may grant it only when holding all of them. */
  permissions: Permission[];
}

/** A user in lists. */
export interface UserSummary {
  id: string;
  email: string;
  name: string;
  blocked: boolean;
  lastLogin: string | null;
  loginsCount: number;
  createdAt: string;
}

/** A user's detail page: the summary plus their roles. */
export interface UserDetail extends UserSummary {
  emailVerified: boolean;
  roles: RoleView[];
  /**
   * Whether the caller may act on this user at all (edit, block, unblock, reset the password, delete;
   * each still needs its own permission): they hold every permission the user's roles carry, and the
   * user holds no role Steward does not manage. Nobody changes their own roles.
   */
  canManage: boolean;
}

/** One page of `GET /api/users`. */
export interface UserPage {
  items: UserSummary[];
  total: number;
  page: number;
  perPage: number;
}
