import { Logger } from '@nestjs/common';
import { ConfigError, loadApiConfig, type ApiConfig } from '@steward/api-config-util';
import { createHttpApp } from '@steward/api-core-feature';
import { AppModule } from './app/app.module';

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
  const app = await createHttpApp(AppModule.register(config), config);
  await app.listen(config.http.port, config.http.host);
  Logger.log(`Steward API listening on http://${config.http.host}:${config.http.port}/api`, 'Bootstrap');
}

void bootstrap();
