import express, { type RequestHandler, type Router } from 'express';
import { invalidBody, ManagementApiError, managementErrorHandler, sendManagementError } from './management-errors';
import { setRateLimitHeaders, tooManyRequests } from './rate-limits';

export type FaultStatus = 429 | 503;

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

interface ArmedFault {
  status: FaultStatus;
  remaining: number;
  retryAfter: number;
  /** Only calls with this HTTP method fail (e.g. the write after the reads that check it). */
  method?: string;
}

/** Forced Management API failures for tests: the next N calls (of one method, if given) answer 429 or 503. */
export class ManagementFaults {
  private armed: ArmedFault | undefined;

  arm(status: FaultStatus, count: number, retryAfter = 1, method?: string): void {
    this.armed = { status, remaining: count, retryAfter, ...(method ? { method } : {}) };
  }

  clear(): void {
    this.armed = undefined;
  }

  /** What is still armed (`status: null` when nothing is). */
  state(): { status: FaultStatus | null; remaining: number; retryAfter: number | null; method?: string } {
    return this.armed ? { ...this.armed } : { status: null, remaining: 0, retryAfter: null };
  }

  /** Uses up one forced failure for a call with `method`, if one is armed for it. */
  take(method?: string): { status: FaultStatus; retryAfter: number } | undefined {
    if (!this.armed || (this.armed.method && this.armed.method !== method)) return undefined;
    const { status, retryAfter } = this.armed;
    this.armed.remaining -= 1;
    if (this.armed.remaining <= 0) this.armed = undefined;
    return { status, retryAfter };
  }
}

/** Answers a forced failure with what Auth0 sends: a 429 with rate-limit headers, or a 503. */
export function faultInjector(faults: ManagementFaults, rateLimit: number): RequestHandler {
  return (req, res, next) => {
    const fault = faults.take(req.method);
    if (!fault) return next();
    res.set('retry-after', String(fault.retryAfter));
    if (fault.status === 429) {
      setRateLimitHeaders(res, {
        limit: rateLimit,
        remaining: 0,
        reset: Math.ceil(Date.now() / 1000) + fault.retryAfter,
      });
      return sendManagementError(res, tooManyRequests());
    }
    sendManagementError(
      res,
      new ManagementApiError(503, 'The service is temporarily unavailable. Please try again later.'),
    );
  };
}

/**
 * The development-only switch: `POST /__dev/management-faults` `{status: 429|503, count, retryAfter?, method?}`
 * arms failures, `GET` shows what is left, `DELETE` clears. The dev tenant never runs in production.
 */
export function devFaultRoutes(faults: ManagementFaults): Router {
  const router = express.Router();
  const path = '/__dev/management-faults';
  router.get(path, (_req, res) => void res.json(faults.state()));
  router.post(path, express.json({ limit: '1kb' }), (req, res) => {
    const { status, count = 1, retryAfter = 1, method } = (req.body ?? {}) as Record<string, unknown>;
    if (status !== 429 && status !== 503) throw invalidBody('status must be 429 or 503');
    if (!isIntegerIn(count, 1, 1000)) throw invalidBody('count must be an integer from 1 to 1000');
    if (!isIntegerIn(retryAfter, 1, 60)) throw invalidBody('retryAfter must be an integer from 1 to 60 (seconds)');
    if (method !== undefined && (typeof method !== 'string' || !METHODS.includes(method)))
      throw invalidBody(`method must be one of ${METHODS.join(', ')}`);
    faults.arm(status, count, retryAfter, method);
    res.json(faults.state());
  });
  router.delete(path, (_req, res) => {
    faults.clear();
    res.status(204).end();
  });
  router.use(path, managementErrorHandler);
  return router;
}

function isIntegerIn(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}
