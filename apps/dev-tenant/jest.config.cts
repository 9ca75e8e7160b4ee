module.exports = {
  displayName: 'dev-tenant',
  preset: '../../jest.node.preset.js',
  coverageDirectory: '../../coverage/apps/dev-tenant',
};
