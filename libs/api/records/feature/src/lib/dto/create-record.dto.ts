import { Optional } from '@steward/api-core-util';
import { RECORD_LIMITS, RECORD_STATUSES, type RecordInput, type RecordStatus } from '@steward/shared-domain';
import { Transform } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsIn, IsString, Length, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
const trimEach = ({ value }: { value: unknown }) =>
  Array.isArray(value) ? value.map((item) => (typeof item === 'string' ? item.trim() : item)) : value;

/** Body of `POST /api/records`. Server-owned fields (id, version, owner, timestamps) are refused. */
export class CreateRecordDto implements RecordInput {
  @Transform(trim)
  @IsString()
  @Length(1, RECORD_LIMITS.title)
  title!: string;

  @Optional()
  @IsString()
  @MaxLength(RECORD_LIMITS.description)
  description = '';

  @IsIn(RECORD_STATUSES)
  status!: RecordStatus;

  /** Up to 20 labels of 1–40 characters each. */
  @Optional()
  @Transform(trimEach)
  @IsArray()
  @ArrayMaxSize(RECORD_LIMITS.tags)
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(RECORD_LIMITS.tag, { each: true })
  tags: string[] = [];
}
