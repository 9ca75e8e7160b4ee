module.exports = {
  displayName: 'api-database-data-access',
  preset: '../../../../jest.preset.js',
  testEnvironment: 'node',
  transform: {
    '^.+\\.[tj]s$': ['ts-jest', { tsconfig: '<rootDir>/tsconfig.spec.json' }],
  },
  // jose (via jwks-rsa) and oidc-provider are ESM-only: let ts-jest turn them into CommonJS.
  transformIgnorePatterns: ['node_modules/(?!(jose|oidc-provider)/)'],
  moduleFileExtensions: ['ts', 'js', 'html'],
  coverageDirectory: '../../../../coverage/libs/api/database/data-access',
};
