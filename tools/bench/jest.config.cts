module.exports = {
  displayName: 'bench',
  preset: '../../jest.node.preset.js',
  // The smoke run starts every server the full bench does; on a busy machine that takes a while.
  testTimeout: 300_000,
};
