import { Catch, HttpException, HttpStatus, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import { PROBLEM_CONTENT_TYPE, type Problem } from '@steward/shared-domain';
import type { FastifyReply } from 'fastify';
import { STATUS_CODES } from 'node:http';
import { ProblemException } from './problem.exception';
import { isTransientFailure, serviceUnavailable } from './unavailable';

/**
 * Turns every error into an RFC 9457 problem document. Only `ProblemException` texts reach the
 * caller; any other error gets a generic text for its status, so stack traces, SQL, driver and
 * framework messages never leave the process (unexpected ones are logged instead). An outage of
 * a dependency (database down, connection lost, lock timeout) is a 503 with Retry-After.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(thrown: unknown, host: ArgumentsHost): void {
    const reply = host.switchToHttp().getResponse<FastifyReply>();
    const transient = !(thrown instanceof HttpException) && isTransientFailure(thrown);
    if (transient)
      this.logger.warn(`Dependency unavailable: ${(thrown as { code?: string }).code ?? 'transient error'}`);
    const exception = transient ? serviceUnavailable() : thrown;
    const status = statusOf(exception);
    if (!(exception instanceof HttpException) && status >= 500) this.logger.error(exception);
    else if (status >= 500) this.logger.warn(`${status} ${(exception as Error).message}`);
    const fields = exception instanceof ProblemException ? exception.fields : {};
    const problem: Problem = {
      type: fields.type ?? 'about:blank',
      title: fields.title ?? STATUS_CODES[status] ?? 'Error',
      status,
      ...(fields.detail !== undefined && { detail: fields.detail }),
      ...(fields.errors !== undefined && { errors: fields.errors }),
    };
    if (exception instanceof ProblemException) void reply.headers(exception.headers);
    void reply.status(status).header('content-type', PROBLEM_CONTENT_TYPE).send(problem);
  }
}

function statusOf(exception: unknown): number {
  if (exception instanceof HttpException) return exception.getStatus();
  // Errors raised by Fastify itself (body too large, bad JSON) carry a safe 4xx statusCode.
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) return statusCode;
  return HttpStatus.INTERNAL_SERVER_ERROR;
}
