import { bootstrapApplication } from '@angular/platform-browser';
import { loadConsoleConfig } from '@steward/console-auth-data-access';
import { App } from './app/app';
import { appConfig } from './app/app.config';

loadConsoleConfig()
  .then((config) => bootstrapApplication(App, appConfig(config)))
  .catch((error: unknown) => {
    document.body.textContent = `Steward console cannot start: ${error instanceof Error ? error.message : String(error)}`;
    console.error(error);
  });
