module.exports = {
  displayName: 'shared-domain',
  preset: '../../../jest.node.preset.js',
  coverageDirectory: '../../../coverage/libs/shared/domain',
};
