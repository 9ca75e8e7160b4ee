import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { ApiConfig } from '@steward/api-config-util';
import { databaseOptions, type DatabaseParts } from './database-options';

/**
 * The API's one database connection. Pending migrations run at start-up, before the API serves a
 * request; feature modules add their entities with `TypeOrmModule.forFeature` (autoLoadEntities).
 */
@Module({})
export class DatabaseModule {
  static forRoot(parts: Pick<DatabaseParts, 'migrations'>): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [ConfigService],
          useFactory: (config: ConfigService<ApiConfig, true>) => ({
            ...databaseOptions(config.get('database.url', { infer: true }), {
              entities: [],
              migrations: parts.migrations,
            }),
            autoLoadEntities: true,
            migrationsRun: true,
            retryAttempts: 3,
            retryDelay: 1_000,
          }),
        }),
      ],
    };
  }
}
