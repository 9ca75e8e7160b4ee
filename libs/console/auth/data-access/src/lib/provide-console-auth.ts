import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { Router } from '@angular/router';
import { take } from 'rxjs';
import { AUTH0 } from './auth0';
import { CONSOLE_CONFIG, type ConsoleConfig } from './console-config';
import { SessionRestore } from './session-restore';

/**
 * Signs users in with Auth0 (authorization code + PKCE; `AUTH0` holds the SDK's options and says why
 * it is not in the initial bundle); `accessTokenInterceptor` (installed by `provideConsoleHttp()`)
 * attaches access tokens to calls to the Steward API's origin only. Tokens stay in memory: rotating
 * refresh tokens within a page; after a reload, silent authentication against the tenant's session,
 * or — where the browser keeps the tenant's cookie out of the iframe — one top-level round trip
 * through the tenant (`SessionRestore`). Nothing in web storage.
 *
 * Give the router `withDisabledInitialNavigation()`: the shell renders at once, and the first
 * navigation starts when the SDK has, so its sign-in check is on the wire before route chunks load.
 */
export function provideConsoleAuth(config: ConsoleConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: CONSOLE_CONFIG, useValue: config },
    provideAppInitializer(() => {
      inject(SessionRestore);
      const router = inject(Router);
      const navigate = () => router.initialNavigation();
      inject(AUTH0).pipe(take(1)).subscribe({ next: navigate, error: navigate });
    }),
  ]);
}
