export * from './lib/records.routes';
export * from './lib/records-list-page';
export * from './lib/new-record-page';
export * from './lib/record-page';
export * from './lib/record-form';
