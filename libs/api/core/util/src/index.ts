export * from './lib/problem.exception';
export * from './lib/problem-details.filter';
