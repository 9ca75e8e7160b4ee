import { DATABASE_CONNECTION, DATABASE_CONNECTION_ID } from './stable-ids';

/**
 * Auth0 log event types the dev tenant records: successful login, failed login (blocked user),
 * wrong password, logout, Management API operation, password changed.
 */
export type LogType = 's' | 'f' | 'fp' | 'slo' | 'sapi' | 'scp';

/** A tenant log entry in Auth0's wire format (`GET /api/v2/users/{id}/logs`). */
export interface LogEntry {
  log_id: string;
  date: string;
  type: LogType;
  description: string;
  client_id: string;
  client_name: string;
  ip: string;
  user_agent: string;
  user_id: string;
  user_name: string;
  connection: string;
  connection_id: string;
  strategy: 'auth0';
  strategy_type: 'database';
  details?: Record<string, unknown>;
}

/** Who or what caused a log entry: the application and, for browser sign-ins, the request. */
export interface LogContext {
  clientId?: string;
  clientName?: string;
  ip?: string;
  userAgent?: string;
}

/** What a caller records; the store adds the id, the date and the connection. */
export interface LogInput extends LogContext {
  type: LogType;
  description: string;
  userId: string;
  userName: string;
  details?: Record<string, unknown>;
}

/** Oldest entries are dropped beyond this, so a long-running dev tenant stays small. */
const MAX_ENTRIES = 10_000;

/** The tenant's log, in memory, newest last. */
export class UserLogs {
  private readonly entries: LogEntry[] = [];
  private sequence = 0;

  record(input: LogInput): LogEntry {
    const now = new Date();
    this.sequence += 1;
    const entry: LogEntry = {
      // Auth0 log ids are long, sortable digit strings.
      log_id: `900${now.getTime().toString().padStart(16, '0')}${this.sequence.toString().padStart(37, '0')}`,
      date: now.toISOString(),
      type: input.type,
      description: input.description,
      client_id: input.clientId ?? '',
      client_name: input.clientName ?? '',
      ip: input.ip ?? '',
      user_agent: input.userAgent ?? '',
      user_id: input.userId,
      user_name: input.userName,
      connection: DATABASE_CONNECTION,
      connection_id: DATABASE_CONNECTION_ID,
      strategy: 'auth0',
      strategy_type: 'database',
      ...(input.details ? { details: input.details } : {}),
    };
    this.entries.push(entry);
    if (this.entries.length > MAX_ENTRIES) this.entries.splice(0, this.entries.length - MAX_ENTRIES);
    return structuredClone(entry);
  }

  /** The entries about one user, oldest first. */
  forUser(userId: string): LogEntry[] {
    return this.entries.filter((entry) => entry.user_id === userId).map((entry) => structuredClone(entry));
  }
}
