module.exports = {
  displayName: 'api-records-feature',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/records/feature',
};
