import type { LoggerService } from '@nestjs/common';
import type { ApiConfig } from '@steward/api-config-util';
import type { FastifyInstance } from 'fastify';
import { pino, type Logger, type LoggerOptions } from 'pino';

/**
 * The API's one logger. Authorization and cookie headers, query strings and bodies are never
 * written, whoever logs: request lines carry only id, method, path, status and time.
 */
export function loggerOptions(env: ApiConfig['env']): LoggerOptions {
  return {
    level: env === 'test' ? 'warn' : 'info',
    redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query', 'req.body'], remove: true },
  };
}

/**
 * In production, lines are buffered and written in batches of about 4 kB (pino flushes the buffer
 * when the process exits): under load a write per request line costs more than the line itself.
 * Elsewhere each line is written at once, so a developer sees it as it happens.
 */
export function createLogger(env: ApiConfig['env']): Logger {
  if (env !== 'production') return pino(loggerOptions(env));
  return pino(loggerOptions(env), pino.destination({ dest: 1, sync: false, minLength: 4096 }));
}

/**
 * One line per request, written when the response is sent, from Fastify's own hook: no
 * middleware and no AsyncLocalStorage on the request path (both cost more than the line itself).
 */
export function useRequestLogging(fastify: FastifyInstance, logger: Logger): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    const status = reply.statusCode;
    const level = status >= 500 ? 'error' : status >= 400 ? 'warn' : 'info';
    if (logger.isLevelEnabled(level)) {
      const query = request.url.indexOf('?');
      logger[level](
        {
          req: { id: request.id, method: request.method, path: query < 0 ? request.url : request.url.slice(0, query) },
          res: { status },
          responseTime: reply.elapsedTime,
        },
        'request completed',
      );
    }
    done();
  });
}

/** Nest's own messages (start-up, errors caught by the filter) through the same pino logger. */
export class PinoNestLogger implements LoggerService {
  constructor(private readonly logger: Logger) {}

  log(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }

  error(message: unknown, ...context: unknown[]): void {
    this.write('error', message, context);
  }

  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }

  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }

  verbose(message: unknown, ...context: unknown[]): void {
    this.write('trace', message, context);
  }

  fatal(message: unknown, ...context: unknown[]): void {
    this.write('fatal', message, context);
  }

  private write(level: 'info' | 'error' | 'warn' | 'debug' | 'trace' | 'fatal', message: unknown, params: unknown[]) {
    if (!this.logger.isLevelEnabled(level)) return;
    // Nest passes the context (the class name) last; an error's stack, when there is one, before it.
    const context = params.length > 0 && typeof params[params.length - 1] === 'string' ? params.pop() : undefined;
    const stack = params.find((param) => typeof param === 'string');
    if (message instanceof Error) this.logger[level]({ context, err: message }, message.message);
    else if (typeof message === 'object' && message !== null) this.logger[level]({ context, ...message });
    else this.logger[level]({ context, ...(stack ? { stack } : {}) }, String(message));
  }
}
