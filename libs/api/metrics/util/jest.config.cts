module.exports = {
  displayName: 'api-metrics-util',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/metrics/util',
};
