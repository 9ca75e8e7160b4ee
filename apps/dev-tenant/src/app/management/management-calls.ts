import express, { type RequestHandler, type Router } from 'express';

const KEPT_CALLS = 100;

/** What `GET /__dev/management-calls` answers: calls since the last reset, and the latest of them. */
export interface ManagementCallsState {
  total: number;
  /** `METHOD /api/v2/path?query`, oldest first; only the latest 100 are kept. */
  recent: string[];
}

/** Counts Management API calls, so the benchmark can tell how many calls a console view costs. */
export class ManagementCalls {
  private total = 0;
  private recent: string[] = [];

  record(method: string, path: string): void {
    this.total += 1;
    this.recent.push(`${method} ${path}`);
    if (this.recent.length > KEPT_CALLS) this.recent.shift();
  }

  reset(): void {
    this.total = 0;
    this.recent = [];
  }

  state(): ManagementCallsState {
    return { total: this.total, recent: [...this.recent] };
  }
}

/** Counts every request that reaches the Management API, whatever it is answered (429s are calls too). */
export function callCounter(calls: ManagementCalls): RequestHandler {
  return (req, _res, next) => {
    calls.record(req.method, req.originalUrl);
    next();
  };
}

/** The development-only counter: `GET /__dev/management-calls` reads it, `DELETE` resets it. */
export function devCallRoutes(calls: ManagementCalls): Router {
  const router = express.Router();
  const path = '/__dev/management-calls';
  router.get(path, (_req, res) => void res.json(calls.state()));
  router.delete(path, (_req, res) => {
    calls.reset();
    res.status(204).end();
  });
  return router;
}
