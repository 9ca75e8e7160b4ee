export * from './lib/shell';
export * from './lib/home-page';
export * from './lib/no-access-page';
export * from './lib/sections';
