import { Optional } from '@steward/api-core-util';
import { RECORD_SORT_FIELDS, RECORD_STATUSES, type RecordSort, type RecordStatus } from '@steward/shared-domain';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

const SORTS = RECORD_SORT_FIELDS.flatMap((field) => [field, `-${field}`]);

/** Query of `GET /api/records`. */
export class ListRecordsQuery {
  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit = 20;

  /** Opaque position from a previous page's `nextCursor`. */
  @Optional()
  @IsString()
  @MaxLength(1000)
  cursor?: string;

  @Optional()
  @IsIn(RECORD_STATUSES)
  status?: RecordStatus;

  /** Text to find in titles. */
  @Optional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @Optional()
  @IsIn(SORTS, { message: `sort must be one of ${SORTS.join(', ')}` })
  sort: RecordSort = '-updatedAt';
}
