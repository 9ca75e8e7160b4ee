module.exports = {
  displayName: 'console-records-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/records/data-access',
};
