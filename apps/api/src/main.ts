import { Logger } from '@nestjs/common';
import { ConfigError, loadApiConfig, type ApiConfig } from '@steward/api-config-util';
import { createHttpApp } from '@steward/api-core-feature';
import { AppModule } from './app/app.module';
import { migrate } from './migrate';

// Defence in depth: a stray rejected promise is a bug to log loudly, never a reason to stop serving everyone.
process.on('unhandledRejection', (reason) => {
  Logger.error(`Unhandled rejection: ${reason instanceof Error ? reason.stack : String(reason)}`, 'Process');
});

async function bootstrap(): Promise<void> {
  let config: ApiConfig;
  try {
    config = loadApiConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Steward API cannot start. ${error.message}`);
    process.exit(1);
  }
  // `node main.js migrate`: apply pending migrations and exit (non-zero on failure), serving nothing.
  if (process.argv[2] === 'migrate') return runMigrations(config);
  const app = await createHttpApp(AppModule.register(config), config);
  await app.listen(config.http.port, config.http.host);
  Logger.log(`Steward API listening on http://${config.http.host}:${config.http.port}/api`, 'Bootstrap');
}

async function runMigrations(config: ApiConfig): Promise<void> {
  try {
    const applied = await migrate(config.database.url);
    Logger.log(applied.length > 0 ? `Applied ${applied.join(', ')}` : 'No pending migration', 'Migrate');
  } catch (error) {
    Logger.error(`Migration failed: ${error instanceof Error ? error.message : String(error)}`, 'Migrate');
    process.exitCode = 1;
  }
}

void bootstrap();
