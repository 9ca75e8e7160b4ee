module.exports = {
  displayName: 'api-redis-data-access',
  preset: '../../../../jest.node.preset.js',
  coverageDirectory: '../../../../coverage/libs/api/redis/data-access',
};
