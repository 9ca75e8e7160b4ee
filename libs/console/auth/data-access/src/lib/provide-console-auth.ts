import { inject, makeEnvironmentProviders, provideAppInitializer, type EnvironmentProviders } from '@angular/core';
import { provideAuth0 } from '@auth0/auth0-angular';
import { CONSOLE_CONFIG, type ConsoleConfig } from './console-config';
import { SessionRestore } from './session-restore';

/**
 * Signs users in with Auth0 (authorization code + PKCE); Auth0's interceptor (installed by
 * `provideConsoleHttp()`) attaches access tokens to calls to the Steward API's origin only. Tokens
 * stay in memory: rotating refresh tokens within a page; after a reload, silent authentication
 * against the tenant's session, or — where the browser keeps the tenant's cookie out of the
 * iframe — one top-level round trip through the tenant (`SessionRestore`). Nothing in web storage.
 */
export function provideConsoleAuth(config: ConsoleConfig): EnvironmentProviders {
  return makeEnvironmentProviders([
    { provide: CONSOLE_CONFIG, useValue: config },
    provideAuth0({
      domain: config.auth0Domain,
      clientId: config.auth0ClientId,
      authorizationParams: {
        audience: config.auth0Audience,
        redirect_uri: window.location.origin,
      },
      cacheLocation: 'memory',
      useRefreshTokens: true,
      useRefreshTokensFallback: true,
      errorPath: '/',
      httpInterceptor: {
        allowedList: [`${config.apiUrl}/api/*`],
      },
    }),
    // Starts the sign-in check before the first route is guarded.
    provideAppInitializer(() => void inject(SessionRestore)),
  ]);
}
