module.exports = {
  displayName: 'console-audit-feature',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/audit/feature',
};
