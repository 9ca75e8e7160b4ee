// Jest preset for the Node projects (API libraries, dev tenant, e2e suites): TypeScript through
// ts-jest, and the ESM-only packages (jose via jwks-rsa, oidc-provider) turned into CommonJS.
const preset = require('./jest.preset');

module.exports = {
  ...preset,
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  transformIgnorePatterns: ['node_modules/(?!(jose|oidc-provider)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
};
