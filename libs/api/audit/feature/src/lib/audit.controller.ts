import { Controller, Get, Query } from '@nestjs/common';
import { CurrentUser, RequirePermissions, type AuthenticatedUser } from '@steward/api-auth-feature';
import type { AuditEventView, CursorPage } from '@steward/shared-domain';
import { AuditService } from './audit.service';
import { ListAuditQuery } from './dto/list-audit.query';

@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Every change made through Steward in the caller's organization, newest first. */
  @Get()
  @RequirePermissions('read:audit')
  list(@Query() query: ListAuditQuery, @CurrentUser() user: AuthenticatedUser): Promise<CursorPage<AuditEventView>> {
    return this.audit.list(user.orgId ?? '', query);
  }
}
