import { Optional } from '@steward/api-core-util';
import { Type } from 'class-transformer';
import { IsInt, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListAuditQuery {
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @Optional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Exact action, e.g. `record.deleted`. */
  @Optional()
  @IsString()
  @Matches(/^[a-z]+\.[a-z_]+$/, { message: 'action must look like record.updated' })
  action?: string;

  /** Exact actor `sub`. */
  @Optional()
  @IsString()
  @MaxLength(255)
  actor?: string;
}
