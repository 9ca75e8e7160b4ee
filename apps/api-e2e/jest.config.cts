module.exports = {
  displayName: 'api-e2e',
  preset: '../../jest.node.preset.js',
  globalSetup: '<rootDir>/src/support/global-setup.ts',
  globalTeardown: '<rootDir>/src/support/global-teardown.ts',
  testTimeout: 30_000,
};
