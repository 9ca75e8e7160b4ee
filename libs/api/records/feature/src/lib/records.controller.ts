import {
  createParamDecorator,
  type ExecutionContext,
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  HttpStatus,
  Param,
  Patch,
  Post,
  Query,
  Res,
} from '@nestjs/common';
import { RequirePermissions, type AuthenticatedUser } from '@steward/api-auth-feature';
import { correlationIdOf, ProblemException } from '@steward/api-core-util';
import type { CursorPage, RecordChangeView, RecordView } from '@steward/shared-domain';
import type { FastifyReply } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';
import { CreateRecordDto } from './dto/create-record.dto';
import { ListRecordsQuery } from './dto/list-records.query';
import { UpdateRecordDto } from './dto/update-record.dto';
import { etagOf, RecordsService, type Actor } from './records.service';

/** The caller of the current request as the records service sees it. */
const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context
    .switchToHttp()
    .getRequest<{ user: AuthenticatedUser; id: string; headers: IncomingHttpHeaders }>();
  return {
    sub: request.user.sub,
    orgId: request.user.orgId ?? '',
    requestId: request.id,
    correlationId: correlationIdOf(request.headers),
  };
});

/** The version an `If-Match` header names; only a single strong tag like `"3"` is accepted. */
function expectedVersion(ifMatch: string | undefined): number {
  if (!ifMatch) {
    throw new ProblemException(HttpStatus.PRECONDITION_REQUIRED, {
      detail: 'Send If-Match with the ETag of the version you edited, so concurrent edits cannot overwrite each other.',
    });
  }
  const match = /^"(\d{1,9})"$/.exec(ifMatch.trim());
  if (!match)
    throw new ProblemException(HttpStatus.PRECONDITION_FAILED, {
      detail: 'If-Match does not name a version of this record.',
    });
  return Number(match[1]);
}

@Controller('records')
export class RecordsController {
  constructor(private readonly records: RecordsService) {}

  @Get()
  @RequirePermissions('read:records')
  list(@Query() query: ListRecordsQuery, @CurrentActor() actor: Actor): Promise<CursorPage<RecordView>> {
    return this.records.list(actor, query);
  }

  @Post()
  @RequirePermissions('create:records')
  async create(
    @Body() body: CreateRecordDto,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordView> {
    const record = await this.records.create(actor, body);
    void reply.header('location', `/api/records/${record.id}`).header('etag', etagOf(record.version));
    return record;
  }

  @Get(':id')
  @RequirePermissions('read:records')
  async get(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordView> {
    const record = await this.records.get(actor, id);
    void reply.header('etag', etagOf(record.version));
    return record;
  }

  @Patch(':id')
  @RequirePermissions('update:records')
  async update(
    @Param('id') id: string,
    @Body() body: UpdateRecordDto,
    @Headers('if-match') ifMatch: string | undefined,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordView> {
    const record = await this.records.update(actor, id, expectedVersion(ifMatch), body);
    void reply.header('etag', etagOf(record.version));
    return record;
  }

  /** Soft delete: `POST /api/records/:id/restore` undoes it. */
  @Delete(':id')
  @HttpCode(HttpStatus.NO_CONTENT)
  @RequirePermissions('delete:records')
  remove(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.records.remove(actor, id);
  }

  @Post(':id/restore')
  @HttpCode(HttpStatus.OK)
  @RequirePermissions('delete:records')
  async restore(
    @Param('id') id: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RecordView> {
    const record = await this.records.restore(actor, id);
    void reply.header('etag', etagOf(record.version));
    return record;
  }

  @Get(':id/history')
  @RequirePermissions('read:records')
  history(@Param('id') id: string, @CurrentActor() actor: Actor): Promise<{ items: RecordChangeView[] }> {
    return this.records.history(actor, id);
  }
}
