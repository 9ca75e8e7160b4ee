module.exports = {
  displayName: 'api-auth-feature',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/auth/feature',
};
