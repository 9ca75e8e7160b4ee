import { HttpClient, HttpErrorResponse, HttpParams, type HttpResponse } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type {
  CursorPage,
  RecordChangeView,
  RecordInput,
  RecordSort,
  RecordStatus,
  RecordView,
} from '@steward/shared-domain';
import { map, type Observable } from 'rxjs';

/** Query of `GET /api/records`; empty values are left out of the request. */
export interface RecordListParams {
  limit?: number | null;
  /** Opaque position from a previous page's `nextCursor`; valid only with the same sort, status and q. */
  cursor?: string | null;
  status?: RecordStatus | null;
  q?: string | null;
  sort?: RecordSort | null;
}

/** A record with the entity tag of its version, to send back as `If-Match` when changing it. */
export interface VersionedRecord {
  record: RecordView;
  etag: string;
}

/** The entity tag of a record's version, as the API writes it (`"3"`). */
export const etagOf = (record: Pick<RecordView, 'version'>): string => `"${record.version}"`;

/** The ETag a failed conditional request reports as current (412 carries it), or null. */
export function currentEtagOf(error: unknown): string | null {
  return error instanceof HttpErrorResponse ? error.headers.get('ETag') : null;
}

function versioned(response: HttpResponse<RecordView>): VersionedRecord {
  const record = response.body;
  if (record === null) throw new Error('The API answered without a record');
  return { record, etag: response.headers.get('ETag') ?? etagOf(record) };
}

function listParams(query: RecordListParams): HttpParams {
  let params = new HttpParams();
  for (const key of ['limit', 'cursor', 'status', 'q', 'sort'] as const) {
    const value = query[key];
    if (value !== null && value !== undefined && value !== '') params = params.set(key, String(value));
  }
  return params;
}

/** The records of the user's organization: `/api/records` of the Steward API. */
@Injectable({ providedIn: 'root' })
export class RecordsApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(CONSOLE_CONFIG).apiUrl}/api/records`;

  list(query: RecordListParams = {}): Observable<CursorPage<RecordView>> {
    return this.http.get<CursorPage<RecordView>>(this.base, { params: listParams(query) });
  }

  get(id: string): Observable<VersionedRecord> {
    return this.http.get<RecordView>(this.url(id), { observe: 'response' }).pipe(map(versioned));
  }

  create(input: RecordInput): Observable<VersionedRecord> {
    return this.http.post<RecordView>(this.base, input, { observe: 'response' }).pipe(map(versioned));
  }

  /** Changes the fields in `changes` if the record is still at `etag`; a 412 means someone else changed it. */
  update(id: string, changes: Partial<RecordInput>, etag: string): Observable<VersionedRecord> {
    return this.http
      .patch<RecordView>(this.url(id), changes, { observe: 'response', headers: { 'If-Match': etag } })
      .pipe(map(versioned));
  }

  /** Soft delete: {@link restore} undoes it. */
  delete(id: string): Observable<void> {
    return this.http.delete<void>(this.url(id)).pipe(map(() => undefined));
  }

  restore(id: string): Observable<VersionedRecord> {
    return this.http.post<RecordView>(`${this.url(id)}/restore`, null, { observe: 'response' }).pipe(map(versioned));
  }

  /** Who changed what and when, newest first. */
  history(id: string): Observable<RecordChangeView[]> {
    return this.http.get<{ items: RecordChangeView[] }>(`${this.url(id)}/history`).pipe(map((body) => body.items));
  }

  private url(id: string): string {
    return `${this.base}/${encodeURIComponent(id)}`;
  }
}
