import type { HttpInterceptorFn } from '@angular/common/http';
import {
  EnvironmentInjector,
  InjectionToken,
  createEnvironmentInjector,
  inject,
  runInInjectionContext,
} from '@angular/core';
import type * as Auth0Sdk from '@auth0/auth0-angular';
import type { AuthConfig, AuthService } from '@auth0/auth0-angular';
import { defer, map, shareReplay, type Observable } from 'rxjs';
import { CONSOLE_CONFIG, type ConsoleConfig } from './console-config';

/** Auth0's Angular SDK, once loaded: its `AuthService` and its HTTP interceptor. */
export interface Auth0 {
  readonly auth: AuthService;
  readonly intercept: HttpInterceptorFn;
}

type Auth0Module = typeof Auth0Sdk;

let sdk: Promise<Auth0Module> | undefined;

/**
 * Starts fetching Auth0's SDK. auth0-spa-js brings jose and oauth4webapi (~67 kB gzip, half of what
 * the start page needs besides), so it is a chunk of its own, out of the initial bundle; `main.ts`
 * calls this before it fetches `/config.json`, so both travel side by side.
 */
export function loadAuth0(): Promise<Auth0Module> {
  sdk ??= import('@auth0/auth0-angular');
  return sdk;
}

/** Code + PKCE; tokens only in memory, refresh tokens rotating; access tokens only to the API's origin. */
function auth0Options(config: ConsoleConfig): AuthConfig {
  return {
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
  };
}

/**
 * Emits Auth0's SDK once it is loaded and started (the same instance to every subscriber). Its
 * services live in a child of the root injector: `provideAuth0()` cannot be added to the root
 * injector after start-up, and the SDK's `providedIn: 'root'` helpers must see its configuration.
 */
export const AUTH0 = new InjectionToken<Observable<Auth0>>('Auth0', {
  providedIn: 'root',
  factory: () => {
    const root = inject(EnvironmentInjector);
    const config = inject(CONSOLE_CONFIG);
    return defer(loadAuth0).pipe(
      map((sdk) => {
        const injector = createEnvironmentInjector(
          [sdk.provideAuth0(auth0Options(config)), sdk.AuthClientConfig, sdk.AuthState, sdk.AbstractNavigator],
          root,
          'Auth0',
        );
        return {
          auth: injector.get(sdk.AuthService),
          intercept: (request, next) => runInInjectionContext(injector, () => sdk.authHttpInterceptorFn(request, next)),
        } satisfies Auth0;
      }),
      shareReplay(1),
    );
  },
});
