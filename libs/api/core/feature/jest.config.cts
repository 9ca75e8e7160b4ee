module.exports = {
  displayName: 'api-core-feature',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/core/feature',
};
