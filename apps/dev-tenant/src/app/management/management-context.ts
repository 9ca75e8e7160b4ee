import type { Request, Response } from 'express';
import type { Account, Accounts } from '../accounts';
import type { PasswordTickets } from '../password-tickets';
import { callerOf } from './management-auth';
import type { TenantRoles } from './tenant-roles';

/** What the Management API routes work on: the same stores the sign-in flow uses. */
export interface ManagementContext {
  /** `http://localhost:<port>/`: tickets link to pages under it. */
  issuer: string;
  accounts: Accounts;
  roles: TenantRoles;
  tickets: PasswordTickets;
  /** Application names by client id, for log entries. */
  clientNames: ReadonlyMap<string, string>;
}

/** Records Auth0's `sapi` log entry (a successful Management API operation) about a user. */
export function logApiOperation(
  context: ManagementContext,
  req: Request,
  res: Response,
  user: Account,
  description: string,
): void {
  const { clientId } = callerOf(res);
  context.accounts.logs.record({
    type: 'sapi',
    description,
    userId: user.userId,
    userName: user.email,
    clientId,
    clientName: context.clientNames.get(clientId) ?? clientId,
    ip: req.ip,
    userAgent: req.get('user-agent'),
    details: { request: { method: req.method, path: `/api/v2${req.path}` } },
  });
}
