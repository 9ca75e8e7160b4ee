export * from './lib/confirm-dialog';
