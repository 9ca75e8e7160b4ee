module.exports = {
  displayName: 'console-auth-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/auth/data-access',
};
