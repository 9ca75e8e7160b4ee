import type { DynamicModule } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import type { ApiConfig } from '@steward/api-config-util';
import { ProblemException } from '@steward/api-core-util';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import FindMyWay, { type HTTPMethod } from 'find-my-way';
import { PROBLEM_CONTENT_TYPE } from '@steward/shared-domain';
import { randomUUID } from 'node:crypto';
import { STATUS_CODES } from 'node:http';
import { ApiMetrics } from '@steward/api-metrics-util';
import { useJsonBodies } from './json-body';
import { createLogger, PinoNestLogger, useRequestLogging } from './logging';
import { useRequestMetrics } from './request-metrics';
import { clientErrorHandler, securityHeaders } from './security-headers';

/** Largest request body the API reads; larger ones get 413. */
export const BODY_LIMIT_BYTES = 100 * 1024;

/**
 * Every request gets an id of ours, whatever the caller sends: the audit log and the logs must not
 * carry an id a caller chose. A caller's own X-Request-Id is kept apart as its correlation id.
 */
export function requestIdOf(): string {
  return randomUUID();
}

/**
 * Creates the API's HTTP server: Fastify, every route under /api, CORS for the configured origins
 * only, security headers, no caching of API responses, a body limit, and 405 for a known path
 * called with the wrong method. Errors become problem+json through the global filter.
 */
export async function createHttpApp(module: DynamicModule, config: ApiConfig): Promise<NestFastifyApplication> {
  const headers = securityHeaders(config.env);
  const adapter = new FastifyAdapter({
    bodyLimit: BODY_LIMIT_BYTES,
    genReqId: requestIdOf,
    // Whose X-Forwarded-For makes `request.ip` (the per-address budget's key): none, n hops, or these peers.
    trustProxy: typeof config.http.trustProxy === 'object' ? [...config.http.trustProxy] : config.http.trustProxy,
    clientErrorHandler: clientErrorHandler(headers),
    // A malformed percent-encoding or an over-long path parameter, refused before routing.
    frameworkErrors: (error: FastifyError, _request: FastifyRequest, reply: FastifyReply) => {
      const status = error.code === 'FST_ERR_MAX_PARAM_LENGTH' ? 414 : 400;
      void reply
        .code(status)
        .headers(headers)
        .type(PROBLEM_CONTENT_TYPE)
        .send({ type: 'about:blank', title: STATUS_CODES[status], status, detail: 'The request path is not valid.' });
    },
  });
  // JSON only: no form or text bodies, which browsers may send cross-site without a preflight.
  const app = await NestFactory.create<NestFastifyApplication>(module, adapter, {
    bufferLogs: true,
    bodyParser: false,
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.removeContentTypeParser('text/plain');
  useJsonBodies(fastify, BODY_LIMIT_BYTES);
  // On send, so every answer carries them: CORS preflights and 404s included.
  // Callback hooks, not async ones: no promise per request for work that is synchronous.
  fastify.addHook('onSend', (request, reply, payload, done) => {
    void reply.headers(headers).header('x-request-id', request.id);
    done(null, payload);
  });
  const logger = createLogger(config.env);
  app.useLogger(new PinoNestLogger(logger));
  useRequestLogging(fastify, logger);
  if (config.metrics.port !== 0) useRequestMetrics(fastify, app.get(ApiMetrics, { strict: false }));
  app.setGlobalPrefix('api');
  app.enableCors({
    origin: config.http.corsOrigins,
    methods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match', 'x-request-id'],
    exposedHeaders: ['etag', 'location', 'www-authenticate', 'retry-after', 'x-request-id'],
    maxAge: 600,
    // A malformed preflight falls through to the ordinary problem+json 404 instead of a text/plain 400.
    strictPreflight: false,
  });

  const routes = FindMyWay();
  fastify.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.on(method as HTTPMethod, route.url, () => undefined);
  });
  fastify.addHook('onRequest', (request, _reply, done) => {
    if (request.routeOptions.url !== undefined) return done();
    const path = request.url.split('?')[0];
    const allowed = (['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const).filter((method) => routes.find(method, path));
    if (allowed.length > 0 && request.method !== 'OPTIONS') {
      return done(
        new ProblemException(
          405,
          { detail: `Use ${allowed.join(', ')} on this resource.` },
          { allow: allowed.join(', ') },
        ),
      );
    }
    done();
  });
  app.enableShutdownHooks();
  return app;
}
