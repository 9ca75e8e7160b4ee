import express, { type Router } from 'express';
import { requireScope } from './management-auth';
import { logApiOperation, type ManagementContext } from './management-context';
import { invalidBody, ManagementApiError, userNotFound } from './management-errors';
import { pageOf, readPaging } from './paging';
import type { Auth0Role, TenantRoles } from './tenant-roles';

const ROLE_ID = /^rol_[A-Za-z0-9]{16}$/;

/** `GET/POST/DELETE /users/{id}/roles`: a user's directly assigned roles. */
export function userRolesRoutes(context: ManagementContext): Router {
  const { accounts, roles } = context;
  const router = express.Router();

  router.get('/users/:id/roles', requireScope('read:roles', 'read:role_members'), (req, res) => {
    const paging = readPaging(req.query);
    const account = accounts.find(String(req.params['id']));
    if (!account) throw userNotFound();
    const assigned = roles.named(account.roles);
    const page = pageOf(assigned, paging);
    res.json(
      paging.includeTotals
        ? { roles: page, start: paging.page * paging.perPage, limit: paging.perPage, total: assigned.length }
        : page,
    );
  });

  router.post('/users/:id/roles', requireScope('create:role_members'), (req, res) => {
    const userId = String(req.params['id']);
    if (!accounts.find(userId)) throw userNotFound();
    const names = readRoles(req.body, roles).map((role) => role.name);
    const account = accounts.assignRoles(userId, names);
    if (!account) throw userNotFound();
    logApiOperation(context, req, res, account, 'Assign roles to a user');
    res.status(204).end();
  });

  router.delete('/users/:id/roles', requireScope('delete:role_members'), (req, res) => {
    const userId = String(req.params['id']);
    if (!accounts.find(userId)) throw userNotFound();
    const names = readRoles(req.body, roles).map((role) => role.name);
    const account = accounts.unassignRoles(userId, names);
    if (!account) throw userNotFound();
    logApiOperation(context, req, res, account, 'Remove roles from a user');
    res.status(204).end();
  });

  return router;
}

/** Checks `{roles: [roleId…]}`: at least one well-formed id, every one a role of the tenant. */
function readRoles(body: unknown, roles: TenantRoles): Auth0Role[] {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw invalidBody(
      `Payload validation error: 'Expected type object but found type ${Array.isArray(body) ? 'array' : body == null ? 'null' : typeof body}'.`,
    );
  }
  const ids = (body as { roles?: unknown }).roles;
  const extra = Object.keys(body).find((key) => key !== 'roles');
  if (extra) throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${extra}'.`);
  if (!Array.isArray(ids)) throw invalidBody(`Payload validation error: 'Missing required property: roles'.`);
  if (ids.length === 0)
    throw invalidBody(`Payload validation error: 'Array is too short (0), minimum 1' on property roles.`);
  return ids.map((id, index) => {
    if (typeof id !== 'string' || !ROLE_ID.test(id)) {
      throw invalidBody(
        `Payload validation error: 'String does not match pattern ^rol_[A-Za-z0-9]{16}$' on property roles[${index}].`,
      );
    }
    const role = roles.byId(id);
    if (!role) throw new ManagementApiError(404, `The role ${id} does not exist.`, 'inexistent_role');
    return role;
  });
}
