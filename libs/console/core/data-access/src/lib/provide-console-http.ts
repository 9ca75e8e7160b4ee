import { provideHttpClient, withInterceptors } from '@angular/common/http';
import type { EnvironmentProviders } from '@angular/core';
import { accessTokenInterceptor } from '@steward/console-auth-data-access';
import { activityInterceptor } from './activity';
import { apiErrorInterceptor } from './api-errors';

/**
 * The console's HttpClient. Interceptors run outside in: activity sees the whole call (retries
 * included), the error policy sees failures from the API and from token renewal, and Auth0's
 * interceptor (loaded with the SDK) attaches the access token to calls to the API's origin.
 */
export function provideConsoleHttp(): EnvironmentProviders {
  return provideHttpClient(withInterceptors([activityInterceptor, apiErrorInterceptor, accessTokenInterceptor]));
}
