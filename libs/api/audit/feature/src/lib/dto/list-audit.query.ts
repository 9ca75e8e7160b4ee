import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListAuditQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 50;

  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  /** Exact action, e.g. `record.deleted`. */
  @IsOptional()
  @IsString()
  @Matches(/^[a-z]+\.[a-z_]+$/, { message: 'action must look like record.updated' })
  action?: string;

  /** Exact actor `sub`. */
  @IsOptional()
  @IsString()
  @MaxLength(255)
  actor?: string;
}
