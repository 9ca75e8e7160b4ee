import { Optional } from '@steward/api-core-util';
import { Transform } from 'class-transformer';
import { IsBoolean, IsString, Length } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Body of `PATCH /api/users/:id`: only these two fields; anything else is refused, never passed on. */
export class UpdateUserDto {
  @Optional()
  @Transform(trim)
  @IsString()
  @Length(1, 100)
  name?: string;

  @Optional()
  @IsBoolean()
  blocked?: boolean;
}
