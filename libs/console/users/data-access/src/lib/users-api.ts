import { HttpClient, HttpParams } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { RoleView, UserDetail, UserPage } from '@steward/shared-domain';
import { map, type Observable } from 'rxjs';

/** What `GET /api/users` is asked: words that start the email or name, and the page (0-based). */
export interface UserSearch {
  q?: string;
  page?: number;
  perPage?: number;
}

/** Body of `POST /api/users`. */
export interface UserInvite {
  email: string;
  name: string;
}

/** Answer of `POST /api/users`: the new user and the link that lets them set a password. */
export interface UserInvitation {
  user: UserDetail;
  invitationUrl: string;
}

/** Body of `PATCH /api/users/:id`. */
export interface UserChanges {
  name?: string;
  blocked?: boolean;
}

/** Auth0 lets a search page through its first 1000 results only. */
export const USER_SEARCH_LIMIT = 1000;

/** The Steward API's user administration: search, invite, block, delete, roles and password resets. */
@Injectable({ providedIn: 'root' })
export class UsersApi {
  private readonly http = inject(HttpClient);
  private readonly base = `${inject(CONSOLE_CONFIG).apiUrl}/api`;

  search(search: UserSearch = {}): Observable<UserPage> {
    let params = new HttpParams();
    const q = search.q?.trim();
    if (q) params = params.set('q', q);
    if (search.page !== undefined) params = params.set('page', search.page);
    if (search.perPage !== undefined) params = params.set('perPage', search.perPage);
    return this.http.get<UserPage>(`${this.base}/users`, { params });
  }

  get(id: string): Observable<UserDetail> {
    return this.http.get<UserDetail>(this.userUrl(id));
  }

  create(invite: UserInvite): Observable<UserInvitation> {
    return this.http.post<UserInvitation>(`${this.base}/users`, invite);
  }

  update(id: string, changes: UserChanges): Observable<UserDetail> {
    return this.http.patch<UserDetail>(this.userUrl(id), changes);
  }

  remove(id: string): Observable<void> {
    return this.http.delete<void>(this.userUrl(id));
  }

  /** Every role an admin can grant. */
  roles(): Observable<RoleView[]> {
    return this.http.get<{ items: RoleView[] }>(`${this.base}/roles`).pipe(map((answer) => answer.items));
  }

  /** Makes `roleIds` the user's complete set of roles. */
  setRoles(id: string, roleIds: string[]): Observable<UserDetail> {
    return this.http.put<UserDetail>(`${this.userUrl(id)}/roles`, { roles: roleIds });
  }

  /** A link the admin can send so the user sets a new password. */
  passwordReset(id: string): Observable<{ ticketUrl: string }> {
    return this.http.post<{ ticketUrl: string }>(`${this.userUrl(id)}/password-reset`, {});
  }

  private userUrl(id: string): string {
    return `${this.base}/users/${encodeURIComponent(id)}`;
  }
}
