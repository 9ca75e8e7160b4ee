import { RECORD_SORT_FIELDS, RECORD_STATUSES, type RecordSort, type RecordStatus } from '@steward/shared-domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

const SORTS = RECORD_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

/** Query of `GET /api/records`. */
export class ListRecordsQuery {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  /** Opaque position from a previous page's `nextCursor`. */
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @IsOptional()
  @IsIn(RECORD_STATUSES)
  status?: RecordStatus;

  /** Text to find in titles. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsIn(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
  sort: RecordSort = '-updatedAt';
}
