// Writes each Jest run's pass/fail counts to dist/test-results/<project root>/jest.json, so CI can
// print one summed line for all runners (tools/scripts/test-summary.mjs).
const { mkdirSync, writeFileSync } = require('node:fs');
const { join, relative } = require('node:path');

const root = join(__dirname, '../..');

class CountsReporter {
  constructor(globalConfig) {
    this.file = join(root, 'dist/test-results', relative(root, globalConfig.rootDir), 'jest.json');
  }

  onRunComplete(_contexts, results) {
    mkdirSync(join(this.file, '..'), { recursive: true });
    writeFileSync(
      this.file,
      JSON.stringify({
        runner: 'jest',
        passed: results.numPassedTests,
        failed: results.numFailedTests,
        // A suite that cannot even load has no failed test of its own; count it once.
        brokenSuites: results.numRuntimeErrorTestSuites,
      }),
    );
  }
}

module.exports = CountsReporter;
