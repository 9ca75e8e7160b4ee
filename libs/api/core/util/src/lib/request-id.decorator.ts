import { createParamDecorator, type ExecutionContext } from '@nestjs/common';

/** The id of the current request (also sent back as X-Request-Id and written to the logs). */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ id: string }>().id,
);
