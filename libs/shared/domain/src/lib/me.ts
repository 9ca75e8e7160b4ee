import type { Permission } from './permissions';

/** What `GET /api/me` answers: the signed-in user as the API sees them. */
export interface Me {
  sub: string;
  email: string | null;
  name: string | null;
  roles: string[];
  permissions: Permission[];
}
