module.exports = {
  displayName: 'console-shell-feature',
  preset: '../../../../jest.angular.preset.js',
  coverageDirectory: '../../../../coverage/libs/console/shell/feature',
};
