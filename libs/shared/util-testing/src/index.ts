export * from './lib/shared-util-testing';
