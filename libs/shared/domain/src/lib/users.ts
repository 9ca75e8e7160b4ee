/** A role as Steward shows it. */
export interface RoleView {
  id: string;
  name: string;
  description: string;
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
}

/** One page of `GET /api/users`. */
export interface UserPage {
  items: UserSummary[];
  total: number;
  page: number;
  perPage: number;
}
