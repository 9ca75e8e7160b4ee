import type { Permission } from '@steward/shared-domain';

/** Which body a route reads, so the body fuzzer can aim at its real field names. */
export type BodyKind = 'record' | 'record-changes' | 'new-user' | 'user-changes' | 'roles';

export interface Route {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE' | 'PUT';
  /** `:id` stands for a record or user id. */
  path: string;
  /** `public`: no token needed; `any-user`: any valid user token. */
  needs: Permission | 'public' | 'any-user';
  body?: BodyKind;
}

/** Every route of SPEC §6 (the OpenAPI document aside). */
export const ROUTES: readonly Route[] = [
  { method: 'GET', path: '/api/health', needs: 'public' },
  { method: 'GET', path: '/api/health/ready', needs: 'public' },
  { method: 'GET', path: '/api/me', needs: 'any-user' },
  { method: 'GET', path: '/api/records', needs: 'read:records' },
  { method: 'POST', path: '/api/records', needs: 'create:records', body: 'record' },
  { method: 'GET', path: '/api/records/:id', needs: 'read:records' },
  { method: 'PATCH', path: '/api/records/:id', needs: 'update:records', body: 'record-changes' },
  { method: 'DELETE', path: '/api/records/:id', needs: 'delete:records' },
  { method: 'POST', path: '/api/records/:id/restore', needs: 'delete:records' },
  { method: 'GET', path: '/api/records/:id/history', needs: 'read:records' },
  { method: 'GET', path: '/api/users', needs: 'read:users' },
  { method: 'POST', path: '/api/users', needs: 'create:users', body: 'new-user' },
  { method: 'GET', path: '/api/users/:id', needs: 'read:users' },
  { method: 'PATCH', path: '/api/users/:id', needs: 'update:users', body: 'user-changes' },
  { method: 'DELETE', path: '/api/users/:id', needs: 'delete:users' },
  { method: 'GET', path: '/api/roles', needs: 'read:users' },
  { method: 'PUT', path: '/api/users/:id/roles', needs: 'update:users', body: 'roles' },
  { method: 'POST', path: '/api/users/:id/password-reset', needs: 'update:users' },
  { method: 'GET', path: '/api/audit', needs: 'read:audit' },
];

export const PROTECTED_ROUTES = ROUTES.filter((route) => route.needs !== 'public');
export const ROUTES_WITH_ID = ROUTES.filter((route) => route.path.includes(':id'));
export const ROUTES_WITH_BODY = ROUTES.filter((route) => route.body !== undefined);
export const LIST_ROUTES = ROUTES.filter((route) => ['/api/records', '/api/users', '/api/audit'].includes(route.path));

export const isWrite = (route: Route) => route.method !== 'GET';
export const isUserRoute = (route: Route) => /^\/api\/users/.test(route.path);
export const describeRoute = (route: Route) => `${route.method} ${route.path}`;
