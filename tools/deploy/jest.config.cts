module.exports = {
  displayName: 'deploy',
  preset: '../../jest.node.preset.js',
  coverageDirectory: '../../coverage/tools/deploy',
};
