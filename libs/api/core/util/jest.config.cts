module.exports = {
  displayName: 'api-core-util',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/core/util',
};
