#!/usr/bin/env node
// Sums the pass/fail counts every runner wrote under dist/test-results and prints one line:
// "N passed, N failed". A failed step that ran no test (lint, build) counts as one failure.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const stepsFailed = process.argv.includes('--steps-failed');

function* reports(dir) {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* reports(path);
    else if (entry.name.endsWith('.json')) yield JSON.parse(readFileSync(path, 'utf8'));
  }
}

let passed = 0;
let failed = 0;
for (const report of reports(join(root, 'dist/test-results'))) {
  if (report.runner === 'jest') {
    passed += report.passed;
    failed += report.failed + report.brokenSuites;
  } else if (report.stats) {
    // Playwright's JSON reporter: expected = passed, unexpected = failed, flaky = passed on retry.
    passed += report.stats.expected + report.stats.flaky;
    failed += report.stats.unexpected + (report.errors?.length ?? 0);
  }
}
if (stepsFailed && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
