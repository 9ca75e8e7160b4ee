import type { ApiConfig } from '@steward/api-config-util';
import type { Params } from 'nestjs-pino';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * Request logging: one line per request with its id, method, path (never the query string, which
 * could carry a token), status and time. Authorization and cookie headers are never logged.
 */
export function loggingOptions(env: ApiConfig['env']): Params {
  return {
    pinoHttp: {
      level: env === 'test' ? 'warn' : 'info',
      genReqId: (request: IncomingMessage) => (request as IncomingMessage & { id: string }).id,
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'req.query', 'req.body'], remove: true },
      serializers: {
        req: (request: IncomingMessage & { id?: string }) => ({
          id: request.id,
          method: request.method,
          path: (request.url ?? '').split('?')[0],
        }),
        res: (response: ServerResponse) => ({ status: response.statusCode }),
      },
      customLogLevel: (_request, response, error) =>
        error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
    },
  };
}
