import express, { type Router } from 'express';
import type { JSONWebKeySet } from 'jose';
import { faultInjector, type ManagementFaults } from './faults';
import { managementAuth } from './management-auth';
import type { ManagementContext } from './management-context';
import { ManagementApiError, managementErrorHandler } from './management-errors';
import { rateLimiter, type TokenBucket } from './rate-limits';
import { rolesRoutes } from './roles-routes';
import { ticketsRoutes } from './tickets-routes';
import { userLogsRoutes } from './user-logs-routes';
import { userRolesRoutes } from './user-roles-routes';
import { usersRoutes } from './users-routes';

export interface ManagementApiOptions extends ManagementContext {
  /** The Management API audiences accepted in tokens. */
  audiences: string[];
  publicKeys: JSONWebKeySet;
  rateLimit: TokenBucket;
  faults: ManagementFaults;
}

/**
 * The Management API v2 subset the Users module uses, mounted at `/api/v2`. Every response
 * carries the rate-limit headers; then forced faults, the token check, and the JSON body
 * (parsed here only, so oidc-provider always gets its requests untouched).
 */
export function managementRouter(options: ManagementApiOptions): Router {
  const router = express.Router();
  router.use(rateLimiter(options.rateLimit));
  router.use(faultInjector(options.faults, options.rateLimit.capacity));
  router.use(managementAuth({ issuer: options.issuer, audiences: options.audiences, publicKeys: options.publicKeys }));
  router.use(express.json({ limit: '64kb' }));
  router.use(usersRoutes(options));
  router.use(userRolesRoutes(options));
  router.use(userLogsRoutes(options));
  router.use(rolesRoutes(options));
  router.use(ticketsRoutes(options));
  router.use(() => {
    throw new ManagementApiError(404, 'Not Found');
  });
  router.use(managementErrorHandler);
  return router;
}
