module.exports = {
  displayName: 'console',
  preset: '../../jest.angular.preset.js',
  coverageDirectory: '../../coverage/apps/console',
};
