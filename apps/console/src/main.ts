import { bootstrapApplication } from '@angular/platform-browser';
import { loadAuth0, loadConsoleConfig } from '@steward/console-auth-data-access';
import { App } from './app/app';
import { appConfig } from './app/app.config';

// Auth0's SDK is a chunk of its own: fetch it beside the configuration rather than after bootstrap.
void loadAuth0().catch(() => undefined);

loadConsoleConfig()
  .then((config) => bootstrapApplication(App, appConfig(config)))
  .catch((error: unknown) => {
    document.body.textContent = `Steward console cannot start: ${error instanceof Error ? error.message : String(error)}`;
    console.error(error);
  });
