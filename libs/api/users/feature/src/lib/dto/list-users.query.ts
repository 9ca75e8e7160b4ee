import { Optional } from '@steward/api-core-util';
import { Type } from 'class-transformer';
import { IsInt, IsString, Max, MaxLength, Min } from 'class-validator';

/** Query of `GET /api/users`. Auth0 lets a search page through its first 1 000 results only. */
export class ListUsersQuery {
  /** Words that must start the email or the name. */
  @Optional()
  @IsString()
  @MaxLength(100)
  q?: string;

  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(999)
  page = 0;

  @Optional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  perPage = 25;
}
