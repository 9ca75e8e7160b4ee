module.exports = {
  displayName: 'console-profile-feature',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/profile/feature',
};
