export * from './lib/shell';
export * from './lib/home-page';
