import { UNMATCHED_ROUTE, type ApiMetrics, type RouteRecorder } from '@steward/api-metrics-util';
import type { FastifyInstance, onResponseHookHandler } from 'fastify';

/**
 * Records every response in `steward_http_request_duration_seconds`, labelled with the route
 * template (`/api/records/:id`, never the raw URL) and status. Each route gets an `onResponse` hook
 * of its own that already knows its template, so a request costs a map read and prom-client's
 * observe; requests no route matched (404, 405) share one `unmatched` series.
 */
export function useRequestMetrics(fastify: FastifyInstance, metrics: ApiMetrics): void {
  fastify.addHook('onRoute', (route) => {
    const record = recorderByMethod(metrics, route.url);
    const hook: onResponseHookHandler = (request, reply, done) => {
      record(request.method)(reply.statusCode, reply.elapsedTime);
      done();
    };
    route.onResponse = route.onResponse === undefined ? [hook] : [route.onResponse, hook].flat();
  });
  const unmatched = recorderByMethod(metrics, UNMATCHED_ROUTE);
  fastify.addHook('onResponse', (request, reply, done) => {
    if (request.is404) unmatched(request.method)(reply.statusCode, reply.elapsedTime);
    done();
  });
}

/** The route's recorder for a method, made on the method's first request. */
function recorderByMethod(metrics: ApiMetrics, route: string): (method: string) => RouteRecorder {
  const byMethod = new Map<string, RouteRecorder>();
  return (method) => {
    let recorder = byMethod.get(method);
    if (recorder === undefined) {
      recorder = metrics.httpRoute(method, route);
      byMethod.set(method, recorder);
    }
    return recorder;
  };
}
