import { randomBytes } from 'node:crypto';

/** A password-change ticket: whoever holds its id may set the user's password once, until it expires. */
export interface PasswordTicket {
  id: string;
  userId: string;
  resultUrl?: string;
  markEmailAsVerified: boolean;
  includeEmailInRedirect: boolean;
  expiresAt: number;
}

/** Auth0's default ticket lifetime: 5 days. */
export const DEFAULT_TICKET_TTL_SECONDS = 432_000;

/** Password-change tickets issued by the Management API and redeemed on the `/lo/reset` page. */
export class PasswordTickets {
  private readonly byId = new Map<string, PasswordTicket>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(request: Omit<PasswordTicket, 'id' | 'expiresAt'> & { ttlSeconds?: number }): PasswordTicket {
    const { ttlSeconds, ...details } = request;
    const ticket: PasswordTicket = {
      ...details,
      id: randomBytes(24).toString('base64url'),
      // Auth0: an unset or 0 ttl_sec means the default.
      expiresAt: this.now() + (ttlSeconds || DEFAULT_TICKET_TTL_SECONDS) * 1000,
    };
    this.byId.set(ticket.id, ticket);
    return { ...ticket };
  }

  /** A ticket that can still be used. */
  find(id: string): PasswordTicket | undefined {
    const ticket = this.byId.get(id);
    if (ticket && ticket.expiresAt <= this.now()) this.byId.delete(id);
    return ticket && ticket.expiresAt > this.now() ? { ...ticket } : undefined;
  }

  /** Uses a ticket up. */
  consume(id: string): void {
    this.byId.delete(id);
  }

  /** Drops the tickets of a deleted user. */
  revokeForUser(userId: string): void {
    for (const [id, ticket] of this.byId) if (ticket.userId === userId) this.byId.delete(id);
  }
}
