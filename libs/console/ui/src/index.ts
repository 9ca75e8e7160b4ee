export * from './lib/confirm-dialog';
export * from './lib/date-time-pipe';
