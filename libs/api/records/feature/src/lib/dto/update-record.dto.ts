import { Optional } from '@steward/api-core-util';
import { RECORD_LIMITS, RECORD_STATUSES, type RecordInput, type RecordStatus } from '@steward/shared-domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `PATCH /api/records/:id`: any subset of the client-owned fields. */
export class UpdateRecordDto implements Partial<RecordInput> {
  @Optional()
  @Transform(trim)
  @IsString()
  @Length(1, RECORD_LIMITS.title)
  title?: string;

  @Optional()
  @IsString()
  @MaxLength(RECORD_LIMITS.description)
  description?: string;

  @Optional()
  @IsIn(RECORD_STATUSES)
  status?: RecordStatus;

  @Optional()
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.tags)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(RECORD_LIMITS.tag, { each: true })
  tags?: string[];
}
