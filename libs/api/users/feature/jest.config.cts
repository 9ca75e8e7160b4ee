module.exports = {
  displayName: 'api-users-feature',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/users/feature',
};
