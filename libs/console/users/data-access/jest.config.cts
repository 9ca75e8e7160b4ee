module.exports = {
  displayName: 'console-users-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/users/data-access',
};
