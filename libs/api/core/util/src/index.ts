export * from './lib/problem.exception';
export * from './lib/problem-details.filter';
export * from './lib/cursor';
export * from './lib/validation';
export * from './lib/request-id.decorator';
export * from './lib/unavailable';
