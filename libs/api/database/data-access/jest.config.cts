module.exports = {
  displayName: 'api-database-data-access',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/database/data-access',
};
