import { provideBrowserGlobalErrorListeners, type ApplicationConfig } from '@angular/core';
import { provideRouter, withComponentInputBinding, withDisabledInitialNavigation } from '@angular/router';
import { provideConsoleAuth, type ConsoleConfig } from '@steward/console-auth-data-access';
import { provideConsoleHttp } from '@steward/console-core-data-access';
import { appRoutes } from './app.routes';

export function appConfig(config: ConsoleConfig): ApplicationConfig {
  return {
    providers: [
      provideBrowserGlobalErrorListeners(),
      provideRouter(appRoutes, withComponentInputBinding(), withDisabledInitialNavigation()),
      provideConsoleAuth(config),
      provideConsoleHttp(),
    ],
  };
}
