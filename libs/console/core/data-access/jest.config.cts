module.exports = {
  displayName: 'console-core-data-access',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/core/data-access',
};
