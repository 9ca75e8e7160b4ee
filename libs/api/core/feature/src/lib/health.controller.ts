import { Controller, Get, HttpCode } from '@nestjs/common';
import { Public } from '@steward/api-auth-feature';

/** Liveness for load balancers and orchestrators; tells nothing about the deployment. */
@Controller('health')
export class HealthController {
  @Public()
  @Get()
  @HttpCode(200)
  live(): { status: 'ok' } {
    return { status: 'ok' };
  }
}
