export * from './lib/activity';
export * from './lib/api-errors';
export * from './lib/api-notices';
export * from './lib/problem';
export * from './lib/provide-console-http';
