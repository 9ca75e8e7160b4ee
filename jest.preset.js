const nxPreset = require('@nx/jest/preset').default;
const { join } = require('node:path');

module.exports = {
  ...nxPreset,
  reporters: ['default', join(__dirname, 'tools/jest/counts-reporter.js')],
};
