import express, { type Router } from 'express';
import { toAuth0User } from './user-view';
import { requireScope } from './management-auth';
import type { ManagementContext } from './management-context';
import { invalidQuery, ManagementApiError } from './management-errors';
import { pageOf, readPaging, type Paging } from './paging';
import { queryInteger, queryString } from './query-params';
import type { Auth0Role } from './tenant-roles';

/** `GET /roles` (optionally filtered by name), and a role's permissions and members. */
export function rolesRoutes({ roles, accounts }: ManagementContext): Router {
  const router = express.Router();
  const roleOf = (id: unknown): Auth0Role => {
    const role = roles.byId(String(id));
    if (!role) throw new ManagementApiError(404, 'The role does not exist.', 'inexistent_role');
    return role;
  };

  router.get('/roles', requireScope('read:roles'), (req, res) => {
    const paging = readPaging(req.query);
    const filter = queryString(req.query, 'name_filter')?.toLowerCase();
    const found = filter ? roles.all.filter((role) => role.name.toLowerCase().includes(filter)) : roles.all;
    res.json(offsetAnswer('roles', found, paging));
  });

  router.get('/roles/:id/permissions', requireScope('read:roles'), (req, res) => {
    const paging = readPaging(req.query);
    res.json(offsetAnswer('permissions', roles.permissionsOf(roleOf(req.params['id']).id), paging));
  });

  router.get('/roles/:id/users', requireScope('read:role_members', 'read:users'), (req, res) => {
    const checkpoint = req.query['from'] !== undefined || req.query['take'] !== undefined;
    const paging = checkpoint ? undefined : readPaging(req.query);
    const role = roleOf(req.params['id']);
    const members = accounts
      .list()
      .filter((account) => account.roles.includes(role.name))
      .map((account) => {
        const { user_id, email, picture, name } = toAuth0User(account);
        return { user_id, email, picture, name };
      });
    if (paging) return void res.json(offsetAnswer('users', members, paging));
    // Checkpoint paging: `from` is the opaque cursor of the previous answer's `next`.
    const take = queryInteger(req.query, 'take', { min: 1, max: 100, fallback: 50 });
    const from = queryString(req.query, 'from');
    const start = from === undefined ? 0 : Number(Buffer.from(from, 'base64url').toString());
    if (!Number.isInteger(start) || start < 0)
      throw invalidQuery(`Query validation error: 'Invalid checkpoint' on property from.`);
    const users = members.slice(start, start + take);
    res.json({
      users,
      ...(start + take < members.length ? { next: Buffer.from(String(start + take)).toString('base64url') } : {}),
    });
  });
  return router;
}

/** Offset paging's answer: `{<key>, start, limit, total}` with `include_totals`, else the plain array. */
function offsetAnswer<T>(key: string, items: T[], paging: Paging): T[] | Record<string, unknown> {
  const page = pageOf(items, paging);
  return paging.includeTotals
    ? { [key]: page, start: paging.page * paging.perPage, limit: paging.perPage, total: items.length }
    : page;
}
