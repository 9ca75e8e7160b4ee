import type { HttpInterceptorFn } from '@angular/common/http';
import { inject } from '@angular/core';
import { switchMap, take } from 'rxjs';
import { AUTH0 } from './auth0';

/** Auth0's interceptor, once the SDK has loaded: attaches access tokens to calls to the API's origin only. */
export const accessTokenInterceptor: HttpInterceptorFn = (request, next) =>
  inject(AUTH0).pipe(
    take(1),
    switchMap((auth0) => auth0.intercept(request, next)),
  );
