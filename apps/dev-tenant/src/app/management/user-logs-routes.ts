import express, { type Router } from 'express';
import { requireScope } from './management-auth';
import type { ManagementContext } from './management-context';
import { invalidQuery } from './management-errors';
import { pageOf, readPaging } from './paging';
import { queryString } from './query-params';

/** `GET /users/{id}/logs`: the tenant log entries about one user, newest first unless `sort=date:1`. */
export function userLogsRoutes({ accounts }: ManagementContext): Router {
  const router = express.Router();
  router.get('/users/:id/logs', requireScope('read:logs', 'read:logs_users'), (req, res) => {
    const paging = readPaging(req.query);
    const sort = queryString(req.query, 'sort') ?? 'date:-1';
    if (sort !== 'date:1' && sort !== 'date:-1')
      throw invalidQuery(`Sorting logs by ${sort} is not supported: use date:1 or date:-1.`);
    // A log search, as in Auth0: a deleted user's entries are still there.
    const entries = accounts.logs.forUser(String(req.params['id']));
    if (sort === 'date:-1') entries.reverse();
    const logs = pageOf(entries, paging);
    res.json(
      paging.includeTotals
        ? {
            start: paging.page * paging.perPage,
            limit: paging.perPage,
            length: logs.length,
            total: entries.length,
            logs,
          }
        : logs,
    );
  });
  return router;
}
