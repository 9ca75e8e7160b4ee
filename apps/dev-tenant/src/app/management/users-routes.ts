import express, { type Request, type Router } from 'express';
import { EmailTakenError, type Account } from '../accounts';
import { requireScope } from './management-auth';
import { logApiOperation, type ManagementContext } from './management-context';
import { invalidQuery, ManagementApiError, userNotFound } from './management-errors';
import { pageOf, readPaging, USERS_WINDOW_MESSAGE } from './paging';
import { queryBoolean, queryString } from './query-params';
import { readNewUser, readUserChanges } from './user-payloads';
import { parseUserQuery, UserQueryError } from './user-search';
import { parseUserSort } from './user-sort';
import { selectFields, toAuth0User } from './user-view';

/** `GET/POST /users`, `GET /users-by-email` and `GET/PATCH/DELETE /users/{id}`. */
export function usersRoutes(context: ManagementContext): Router {
  const { accounts } = context;
  const router = express.Router();

  router.get('/users', requireScope('read:users'), (req, res) => {
    const paging = readPaging(req.query, USERS_WINDOW_MESSAGE);
    const searchEngine = queryString(req.query, 'search_engine');
    if (searchEngine !== undefined && searchEngine !== 'v3') {
      throw invalidQuery(`The dev tenant implements user search v3 only (search_engine=v3), not ${searchEngine}.`);
    }
    const order = parseUserSort(queryString(req.query, 'sort'));
    const matches = searchPredicate(queryString(req.query, 'q') ?? '');
    const present = fieldSelection(req);
    const found = accounts.list().filter(matches).sort(order);
    const users = pageOf(found, paging).map((account) => present(account));
    res.json(
      paging.includeTotals
        ? {
            start: paging.page * paging.perPage,
            limit: paging.perPage,
            length: users.length,
            total: found.length,
            users,
          }
        : users,
    );
  });

  // Auth0's read-after-write friendly lookup (search is eventually consistent there).
  router.get('/users-by-email', requireScope('read:users'), (req, res) => {
    const email = queryString(req.query, 'email');
    if (!email) throw invalidQuery(`Query validation error: 'Missing required property: email'.`);
    const account = accounts.findByEmail(email);
    const present = fieldSelection(req);
    res.json(account ? [present(account)] : []);
  });

  router.post('/users', requireScope('create:users'), (req, res) => {
    const request = readNewUser(req.body);
    let created: Account;
    try {
      created = accounts.create(request);
    } catch (error) {
      if (error instanceof EmailTakenError) throw userExists();
      throw error;
    }
    logApiOperation(context, req, res, created, 'Create a User');
    res.status(201).json(toAuth0User(created));
  });

  router.get('/users/:id', requireScope('read:users'), (req, res) => {
    const account = accounts.find(String(req.params['id']));
    if (!account) throw userNotFound();
    res.json(fieldSelection(req)(account));
  });

  router.patch('/users/:id', requireScope('update:users'), (req, res) => {
    const userId = String(req.params['id']);
    if (!accounts.find(userId)) throw userNotFound();
    const changes = readUserChanges(req.body);
    let updated: Account | undefined;
    try {
      updated = accounts.update(userId, changes);
    } catch (error) {
      if (error instanceof EmailTakenError) throw userExists();
      throw error;
    }
    if (!updated) throw userNotFound();
    logApiOperation(context, req, res, updated, 'Update a User');
    res.json(toAuth0User(updated));
  });

  // Idempotent, as in Auth0: deleting an unknown user is a 204 too.
  router.delete('/users/:id', requireScope('delete:users'), (req, res) => {
    const account = accounts.find(String(req.params['id']));
    if (account) {
      accounts.remove(account.userId);
      context.tickets.revokeForUser(account.userId);
      logApiOperation(context, req, res, account, 'Delete a User');
    }
    res.status(204).end();
  });

  return router;
}

function userExists(): ManagementApiError {
  return new ManagementApiError(409, 'The user already exists.', 'auth0_idp_error');
}

function searchPredicate(q: string): (account: Account) => boolean {
  try {
    return parseUserQuery(q);
  } catch (error) {
    if (error instanceof UserQueryError) throw invalidQuery(`Invalid query string: ${error.message}.`);
    throw error;
  }
}

/** Applies `fields` / `include_fields` to each user of the answer. */
function fieldSelection(req: Request): (account: Account) => Partial<ReturnType<typeof toAuth0User>> {
  const fields = queryString(req.query, 'fields');
  const include = queryBoolean(req.query, 'include_fields', true);
  return (account) => selectFields(toAuth0User(account), fields, include);
}
