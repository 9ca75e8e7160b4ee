import { Module, type DynamicModule } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { AuditModule } from '@steward/api-audit-feature';
import { AuthModule } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { CoreModule } from '@steward/api-core-feature';
import { DatabaseModule } from '@steward/api-database-data-access';
import { MetricsModule } from '@steward/api-metrics-util';
import { RecordsModule } from '@steward/api-records-feature';
import { RedisModule } from '@steward/api-redis-data-access';
import { UsersModule } from '@steward/api-users-feature';
import { MIGRATIONS } from '../migrations';

/** The Steward API: composition only. `config` was validated by `loadApiConfig` before boot. */
@Module({})
export class AppModule {
  static register(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => config] }),
        MetricsModule,
        RedisModule,
        DatabaseModule.forRoot({ migrations: MIGRATIONS }),
        CoreModule,
        AuthModule,
        AuditModule,
        RecordsModule,
        UsersModule,
      ],
    };
  }
}
