export * from './lib/console-profile-feature/console-profile-feature';
