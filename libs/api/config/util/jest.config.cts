module.exports = {
  displayName: 'api-config-util',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/config/util',
};
