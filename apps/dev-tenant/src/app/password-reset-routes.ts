import express, { type Router } from 'express';
import type { Accounts } from './accounts';
import { MIN_PASSWORD_LENGTH } from './management/user-payloads';
import { renderMessagePage, renderResetPasswordPage, pageHeaders } from './pages';
import type { PasswordTicket, PasswordTickets } from './password-tickets';

const INVALID_LINK = 'This link is invalid or has expired. Ask for a new password-change link.';

/**
 * Auth0's password-change page (`/lo/reset?ticket=…`), where a password-change ticket is redeemed:
 * a new password (at least 8 characters) is set once, then the browser goes to the ticket's
 * result URL, if it has one.
 */
export function passwordResetRoutes(accounts: Accounts, tickets: PasswordTickets): Router {
  const router = express.Router();
  router.use('/lo/reset', pageHeaders);

  router.get('/lo/reset', (req, res) => {
    const found = usableTicket(accounts, tickets, req.query['ticket']);
    if (!found) return void res.status(404).type('html').send(renderMessagePage('Link expired', INVALID_LINK));
    res.type('html').send(renderResetPasswordPage({ ticket: found.ticket.id, email: found.email }));
  });

  router.post('/lo/reset', express.urlencoded({ extended: false, limit: '4kb' }), (req, res) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const found = usableTicket(accounts, tickets, body['ticket'] ?? req.query['ticket']);
    if (!found) return void res.status(404).type('html').send(renderMessagePage('Link expired', INVALID_LINK));
    const { ticket, email } = found;
    // Auth0's page posts `newPassword`; scripts (and tests) may post a plain `password`.
    const submitted = body['newPassword'] ?? body['password'];
    const password = typeof submitted === 'string' ? submitted : '';
    const confirmation = body['confirmNewPassword'];
    const error =
      password.length < MIN_PASSWORD_LENGTH
        ? `Your password must be at least ${MIN_PASSWORD_LENGTH} characters long.`
        : confirmation !== undefined && confirmation !== password
          ? 'The passwords do not match.'
          : undefined;
    if (error)
      return void res
        .status(400)
        .type('html')
        .send(renderResetPasswordPage({ ticket: ticket.id, email, error }));

    tickets.consume(ticket.id);
    accounts.update(ticket.userId, { password, ...(ticket.markEmailAsVerified ? { emailVerified: true } : {}) });
    accounts.logs.record({
      type: 'scp',
      description: 'Password changed successfully',
      userId: ticket.userId,
      userName: email,
      ip: req.ip,
      userAgent: req.get('user-agent'),
    });
    if (!ticket.resultUrl)
      return void res
        .type('html')
        .send(renderMessagePage('Password changed', 'You can now sign in with your new password.'));
    const target = new URL(ticket.resultUrl);
    target.searchParams.set('success', 'true');
    target.searchParams.set('message', 'You can now login to the application with the new password.');
    if (ticket.includeEmailInRedirect) target.searchParams.set('email', email);
    res.redirect(303, target.href);
  });
  return router;
}

/** A live ticket whose user still exists. */
function usableTicket(
  accounts: Accounts,
  tickets: PasswordTickets,
  id: unknown,
): { ticket: PasswordTicket; email: string } | undefined {
  const ticket = typeof id === 'string' ? tickets.find(id) : undefined;
  const account = ticket && accounts.find(ticket.userId);
  return ticket && account ? { ticket, email: account.email } : undefined;
}
