import express, { type Router } from 'express';
import type { Account } from '../accounts';
import { DATABASE_CONNECTION_ID } from '../stable-ids';
import { requireScope } from './management-auth';
import { logApiOperation, type ManagementContext } from './management-context';
import { invalidBody, ManagementApiError, userNotFound } from './management-errors';

const ALLOWED = [
  'user_id',
  'email',
  'connection_id',
  'result_url',
  'ttl_sec',
  'mark_email_as_verified',
  'includeEmailInRedirect',
  'client_id',
];

/**
 * `POST /tickets/password-change`: a link to the tenant's own `/lo/reset` page, where the user
 * (or a test) sets a new password. The dev tenant sends no email; the caller passes the link on.
 */
export function ticketsRoutes(context: ManagementContext): Router {
  const router = express.Router();
  router.post('/tickets/password-change', requireScope('create:user_tickets'), (req, res) => {
    const body = req.body as Record<string, unknown> | undefined;
    if (typeof body !== 'object' || body === null || Array.isArray(body))
      throw invalidBody(`Payload validation error: 'Expected type object'.`);
    const extra = Object.keys(body).find((key) => !ALLOWED.includes(key));
    if (extra) throw invalidBody(`Payload validation error: 'Additional properties not allowed: ${extra}'.`);
    const user = ticketUser(context, body);
    const resultUrl = body['result_url'];
    if (resultUrl !== undefined && (typeof resultUrl !== 'string' || !isWebUrl(resultUrl))) {
      throw invalidBody(
        `Payload validation error: 'Object didn't pass validation for format absolute-uri-or-empty: ${String(resultUrl)}' on property result_url.`,
      );
    }
    const ttl = body['ttl_sec'];
    if (ttl !== undefined && (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 0)) {
      throw invalidBody(`Payload validation error: 'Expected type integer ≥ 0' on property ttl_sec.`);
    }
    for (const flag of ['mark_email_as_verified', 'includeEmailInRedirect']) {
      if (body[flag] !== undefined && typeof body[flag] !== 'boolean') {
        throw invalidBody(
          `Payload validation error: 'Expected type boolean but found type ${typeof body[flag]}' on property ${flag}.`,
        );
      }
    }
    const ticket = context.tickets.issue({
      userId: user.userId,
      ...(resultUrl ? { resultUrl } : {}),
      ttlSeconds: ttl as number | undefined,
      markEmailAsVerified: body['mark_email_as_verified'] === true,
      includeEmailInRedirect: body['includeEmailInRedirect'] === true,
    });
    logApiOperation(context, req, res, user, 'Create a password change ticket');
    res.status(201).json({ ticket: new URL(`lo/reset?ticket=${ticket.id}`, context.issuer).href });
  });
  return router;
}

/** The ticket's user: by `user_id`, or by `email` within the database connection (`connection_id`). */
function ticketUser({ accounts }: ManagementContext, body: Record<string, unknown>): Account {
  const { user_id: userId, email, connection_id: connectionId } = body;
  if (userId !== undefined) {
    if (email !== undefined || connectionId !== undefined)
      throw invalidBody('Payload validation error: user_id cannot be combined with email or connection_id.');
    if (typeof userId !== 'string')
      throw invalidBody(`Payload validation error: 'Expected type string' on property user_id.`);
    const user = accounts.find(userId);
    if (!user) throw userNotFound();
    return user;
  }
  if (typeof email !== 'string' || typeof connectionId !== 'string') {
    throw invalidBody('Payload validation error: either user_id, or email and connection_id, are required.');
  }
  if (connectionId !== DATABASE_CONNECTION_ID)
    throw new ManagementApiError(404, 'The connection does not exist.', 'inexistent_connection');
  const user = accounts.findByEmail(email);
  if (!user) throw userNotFound();
  return user;
}

function isWebUrl(text: string): boolean {
  try {
    return ['http:', 'https:'].includes(new URL(text).protocol);
  } catch {
    return false;
  }
}
