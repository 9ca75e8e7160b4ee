module.exports = {
  displayName: 'testing-util',
  preset: '../../../jest.node.preset.js',
  coverageDirectory: '../../../coverage/libs/testing/util',
};
