export * from './lib/console-shell-feature/console-shell-feature';
