import { inject } from '@angular/core';
import { Router, type CanActivateFn } from '@angular/router';
import { hasAllPermissions, type Permission } from '@steward/shared-domain';
import { map } from 'rxjs';
import { CurrentUser } from './current-user';

/** Where the console explains that the user lacks a permission. */
export const NO_ACCESS_PATH = '/no-access';

/**
 * Lets a route open only for users holding every `required` permission per `GET /api/me`;
 * others get the "you don't have access" page (with the address they asked for). Put it after
 * `requireSignIn`, which sends signed-out users to sign in. The API still decides.
 */
export function requirePermissions(...required: Permission[]): CanActivateFn {
  return (_route, state) => {
    const router = inject(Router);
    return inject(CurrentUser)
      .whenSettled()
      .pipe(
        map((granted) =>
          granted !== null && hasAllPermissions(granted, required)
            ? true
            : router.createUrlTree([NO_ACCESS_PATH], { queryParams: { from: state.url } }),
        ),
      );
  };
}
