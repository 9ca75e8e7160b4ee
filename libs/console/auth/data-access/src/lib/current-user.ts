import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import { toObservable } from '@angular/core/rxjs-interop';
import { hasAllPermissions, type Me, type Permission } from '@steward/shared-domain';
import { filter, map, take, type Observable } from 'rxjs';
import { CONSOLE_CONFIG } from './console-config';
import { Session } from './session';

/** The signed-in user as the API sees them (`GET /api/me`): roles and permissions shape the UI. */
@Injectable({ providedIn: 'root' })
export class CurrentUser {
  private readonly session = inject(Session);
  private readonly apiUrl = inject(CONSOLE_CONFIG).apiUrl;

  readonly me = httpResource<Me>(() => (this.session.isAuthenticated() ? `${this.apiUrl}/api/me` : undefined));
  /** The signed-in user's Auth0 user id, once `/api/me` answered. */
  readonly sub = computed(() => (this.me.hasValue() ? this.me.value().sub : null));
  readonly permissions = computed<ReadonlySet<Permission>>(
    () => new Set(this.me.hasValue() ? this.me.value().permissions : []),
  );
  /** Settles once sign-in state and `/api/me` are known: the user's permissions, or null. */
  private readonly settled$ = toObservable(
    computed(() => {
      if (this.session.isLoading()) return undefined;
      const status = this.me.status();
      if (status === 'loading' || status === 'reloading') return undefined;
      return this.me.hasValue() ? this.permissions() : null;
    }),
  );

  can(...required: Permission[]): boolean {
    return hasAllPermissions(this.permissions(), required);
  }

  /** Emits once: the permissions of the signed-in user, or null when signed out or `/api/me` failed. */
  whenSettled(): Observable<ReadonlySet<Permission> | null> {
    return this.settled$.pipe(
      filter((permissions) => permissions !== undefined),
      take(1),
      map((permissions) => permissions ?? null),
    );
  }
}
