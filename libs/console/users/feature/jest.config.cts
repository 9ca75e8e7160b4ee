module.exports = {
  displayName: 'console-users-feature',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/users/feature',
};
