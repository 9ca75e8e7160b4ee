export * from './lib/workspace';
export * from './lib/processes';
export * from './lib/static-site';
export * from './lib/database';
export * from './lib/fake-issuer';
export * from './lib/stack';
export * from './lib/tokens';
export * from './lib/tcp-proxy';
