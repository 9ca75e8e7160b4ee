import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { CONSOLE_CONFIG, type ConsoleConfig } from './console-config';
import { SessionRestore } from './session-restore';

/**
 * Signs users in with Auth0 (authorization code + PKCE; see `AUTH0` for the SDK's options and why it
 * loads beside the first screen rather than in the initial bundle); `accessTokenInterceptor`
 * (installed by `provideConsoleHttp()`) attaches access tokens to calls to the Steward API's origin
 * only. Tokens stay in memory: rotating refresh tokens within a page; after a reload, silent
 * authentication against the tenant's session, or — where the browser keeps the tenant's cookie out
 * of the iframe — one top-level round trip through the tenant (`SessionRestore`). Nothing in web storage.
 */
export function provideConsoleAuth(config: ConsoleConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: CONSOLE_CONFIG, useValue: config },
    // Starts the SDK and the sign-in check before the first route is guarded.
    provideAppInitializer(() => void inject(SessionRestore)),
  ]);
}
