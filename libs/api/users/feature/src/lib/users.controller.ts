import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Put,
  Query,
  Res,
  UseGuards,
  type PipeTransform,
} from '@nestjs/common';
import { CurrentUser, RequirePermissions, type AuthenticatedUser } from '@steward/api-auth-feature';
import { CorrelationId, ProblemException, RequestId } from '@steward/api-core-util';
import type { RoleView, UserDetail, UserPage } from '@steward/shared-domain';
import type { FastifyReply } from 'fastify';
import { CreateUserDto } from './dto/create-user.dto';
import { ListUsersQuery } from './dto/list-users.query';
import { SetRolesDto } from './dto/set-roles.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { ManagementBudgetGuard, NoOrganizationGuard } from './user-route.guards';
import { UsersService } from './users.service';

/** An Auth0 user id (`auth0|…`, `google-oauth2|…`); anything else cannot name a user: 404. */
class UserIdPipe implements PipeTransform<string, string> {
  transform(value: string): string {
    if (!/^[\w-]{1,40}\|[\w.@-]{1,128}$/.test(value))
      throw new ProblemException(HttpStatus.NOT_FOUND, { detail: 'There is no such user.' });
    return value;
  }
}

/** User administration (SPEC §5, §6): refused to organization tokens, and within a per-user budget. */
@Controller()
@UseGuards(NoOrganizationGuard, ManagementBudgetGuard)
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get('users')
  @RequirePermissions('read:users')
  search(@Query() query: ListUsersQuery): Promise<UserPage> {
    return this.users.search(query);
  }

  @Get('users/:id')
  @RequirePermissions('read:users')
  get(
    @Param('id', UserIdPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
  ): Promise<UserDetail> {
    return this.users.get({ user, requestId }, id);
  }

  /** Creates a database user; the answer carries the invitation link that lets them set a password. */
  @Post('users')
  @RequirePermissions('create:users')
  async create(
    @Body() body: CreateUserDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
    @CorrelationId() correlationId: string | null,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<{ user: UserDetail; invitationUrl: string }> {
    const created = await this.users.create({ user, requestId, correlationId }, body);
    void reply.header('location', `/api/users/${encodeURIComponent(created.user.id)}`);
    return created;
  }

  @Patch('users/:id')
  @RequirePermissions('update:users')
  update(
    @Param('id', UserIdPipe) id: string,
    @Body() body: UpdateUserDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
    @CorrelationId() correlationId: string | null,
  ): Promise<UserDetail> {
    return this.users.update({ user, requestId, correlationId }, id, body);
  }

  @Delete('users/:id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('delete:users')
  delete(
    @Param('id', UserIdPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
    @CorrelationId() correlationId: string | null,
  ): Promise<void> {
    return this.users.delete({ user, requestId, correlationId }, id);
  }

  @Get('roles')
  @RequirePermissions('read:users')
  async roles(): Promise<{ items: RoleView[] }> {
    return { items: await this.users.roles() };
  }

  @Put('users/:id/roles')
  @RequirePermissions('update:users')
  setRoles(
    @Param('id', UserIdPipe) id: string,
    @Body() body: SetRolesDto,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
    @CorrelationId() correlationId: string | null,
  ): Promise<UserDetail> {
    return this.users.setRoles({ user, requestId, correlationId }, id, body.roles);
  }

  @Post('users/:id/password-reset')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('update:users')
  passwordReset(
    @Param('id', UserIdPipe) id: string,
    @CurrentUser() user: AuthenticatedUser,
    @RequestId() requestId: string,
    @CorrelationId() correlationId: string | null,
  ): Promise<{ ticketUrl: string }> {
    return this.users.passwordReset({ user, requestId, correlationId }, id);
  }
}
