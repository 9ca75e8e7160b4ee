import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import type { IncomingHttpHeaders } from 'node:http';

const CORRELATION_ID = /^[\w.:-]{1,64}$/;

/**
 * The caller's own `X-Request-Id`, when it is safe to store and log (word characters, `.`, `:`,
 * `-`, at most 64): a correlation id for the caller's tracing, never an identity of ours.
 */
export function correlationIdOf(headers: IncomingHttpHeaders): string | null {
  const given = headers['x-request-id'];
  return typeof given === 'string' && CORRELATION_ID.test(given) ? given : null;
}

/** The server-generated id of the current request (sent back as X-Request-Id and written to logs and audit). */
export const RequestId = createParamDecorator(
  (_data: unknown, context: ExecutionContext): string => context.switchToHttp().getRequest<{ id: string }>().id,
);

/** The caller's X-Request-Id (see `correlationIdOf`), or null. */
export const CorrelationId = createParamDecorator((_data: unknown, context: ExecutionContext): string | null =>
  correlationIdOf(context.switchToHttp().getRequest<{ headers: IncomingHttpHeaders }>().headers),
);
