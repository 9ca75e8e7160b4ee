import { Controller, Get } from '@nestjs/common';
import type { Me } from '@steward/shared-domain';
import type { AuthenticatedUser } from './authenticated-user';
import { Authenticated, CurrentUser } from './decorators';

/** The signed-in caller as the API sees them: what the console shows on the profile page. */
@Controller('me')
export class MeController {
  @Authenticated()
  @Get()
  me(@CurrentUser() user: AuthenticatedUser): Me {
    return {
      sub: user.sub,
      email: user.email,
      name: user.name,
      roles: [...user.roles],
      permissions: [...user.permissions].sort(),
    };
  }
}
