module.exports = {
  displayName: 'console-ui',
  preset: '../../../jest.angular.preset.js',
  coverageDirectory: '../../../coverage/libs/console/ui',
};
