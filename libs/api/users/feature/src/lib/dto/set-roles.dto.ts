import { ArrayMaxSize, IsArray, IsString, Matches } from 'class-validator';

/** Body of `PUT /api/users/:id/roles`: the complete set of role ids the user should hold. */
export class SetRolesDto {
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Matches(/^rol_[A-Za-z0-9]{1,32}$/, { each: true, message: 'each role must be a role id like rol_…' })
  roles!: string[];
}
