import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { ConfigError, loadApiConfig } from '@steward/api-config-util';
import { AppModule } from './app/app.module';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadApiConfig(process.env);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(`Steward API cannot start. ${error.message}`);
    process.exit(1);
  }
  const app = await NestFactory.create<NestFastifyApplication>(
    AppModule.register(config),
    new FastifyAdapter({ bodyLimit: 100 * 1024 }),
  );
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.http.corsOrigins,
    allowedHeaders: ['authorization', 'content-type', 'if-match'],
    exposedHeaders: ['etag', 'location', 'www-authenticate', 'retry-after'],
    maxAge: 600,
  });
  app.enableShutdownHooks();
  await app.listen(config.http.port, config.http.host);
  Logger.log(`Steward API listening on http://${config.http.host}:${config.http.port}/api`, 'Bootstrap');
}

void bootstrap();
