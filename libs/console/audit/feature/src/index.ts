export * from './lib/audit-routes';
export * from './lib/audit-page';
export * from './lib/audit-api';
