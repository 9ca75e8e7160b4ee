import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import type { Observable } from 'rxjs';

/** Which page of the audit log to read and how to filter it; empty values are not sent. */
export interface AuditQuery {
  /** Events per page, 1–100 (the API defaults to 50). */
  limit?: number;
  /** The `nextCursor` of the page before. */
  cursor?: string | null;
  /** Exact action code, e.g. `record.deleted`. */
  action?: string | null;
  /** Exact subject of the user who made the change, e.g. `auth0|abc`. */
  actor?: string | null;
}

const QUERY_KEYS = ['limit', 'cursor', 'action', 'actor'] as const;

/** Reads the organization's audit log from `GET /api/audit`, newest first. */
@Injectable({ providedIn: 'root' })
export class AuditApi {
  private readonly http = inject(HttpClient);
  private readonly url = `${inject(CONSOLE_CONFIG).apiUrl}/api/audit`;

  /** One page of audit events matching `query`. */
  list(query: AuditQuery = {}): Observable<CursorPage<AuditEventView>> {
    let params = new HttpParams();
    for (const key of QUERY_KEYS) {
      const value = query[key];
      if (value !== undefined && value !== null && value !== '') params = params.set(key, String(value));
    }
    return this.http.get<CursorPage<AuditEventView>>(this.url, { params });
  }
}
