import { httpResource } from '@angular/common/http';
import { Injectable, computed, inject } from '@angular/core';
import type { Me, Permission } from '@steward/shared-domain';
import { CONSOLE_CONFIG } from './console-config';
import { Session } from './session';

/** The signed-in user as the API sees them (`GET /api/me`): roles and permissions shape the UI. */
@Injectable({ providedIn: 'root' })
export class CurrentUser {
  private readonly session = inject(Session);
  private readonly apiUrl = inject(CONSOLE_CONFIG).apiUrl;

  readonly me = httpResource<Me>(() => (this.session.isAuthenticated() ? `${this.apiUrl}/api/me` : undefined));
  readonly permissions = computed<ReadonlySet<Permission>>(
    () => new Set(this.me.hasValue() ? this.me.value().permissions : []),
  );

  can(permission: Permission): boolean {
    return this.permissions().has(permission);
  }
}
