import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { AuditModule } from '@steward/api-audit-feature';
import { AuthModule } from '@steward/api-auth-feature';
import type { ApiConfig } from '@steward/api-config-util';
import { ApiMetrics } from '@steward/api-metrics-util';
import { AdminChangeLock } from './admin-change-lock';
import { AuditedChanges } from './audited-changes';
import { AUTH0_MANAGEMENT, Auth0UserDirectory } from './auth0-user-directory';
import { createManagementClient } from './management-client';
import { USER_DIRECTORY } from './user-directory';
import { ManagementBudgetGuard, NoOrganizationGuard } from './user-route.guards';
import { UsersController } from './users.controller';
import { UsersService } from './users.service';

/** Delegated user administration through the Auth0 Management API. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [UsersController],
  providers: [
    {
      provide: AUTH0_MANAGEMENT,
      inject: [ConfigService, ApiMetrics],
      useFactory: (config: ConfigService<ApiConfig, true>, metrics: ApiMetrics) =>
        createManagementClient(config.get('management', { infer: true }), config.get('env', { infer: true }), metrics),
    },
    { provide: USER_DIRECTORY, useClass: Auth0UserDirectory },
    AdminChangeLock,
    AuditedChanges,
    NoOrganizationGuard,
    ManagementBudgetGuard,
    UsersService,
  ],
})
export class UsersModule {}
