module.exports = {
  displayName: 'console-records-feature',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/records/feature',
};
