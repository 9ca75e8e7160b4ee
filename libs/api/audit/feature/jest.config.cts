module.exports = {
  displayName: 'api-audit-feature',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/audit/feature',
};
