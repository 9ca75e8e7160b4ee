#!/usr/bin/env node
// `npm test`: formatting, lint, type checks and unit tests of every project, then the black-box and browser suites one at a
// time (each starts its own dev tenant, API and console on free ports). Runs every step even when
// one fails, so a run reports everything; exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(import.meta.dirname, '../..');
const env = { NX_TUI: 'false', NX_NO_CLOUD: 'true', ...process.env };
const steps = [
  ['format:check'],
  ['run-many', '-t', 'lint', 'typecheck', 'test', '--parallel=2', '--outputStyle=static'],
  ['run-many', '-t', 'e2e', '--parallel=1', '--outputStyle=static'],
];

rmSync(join(root, 'dist/test-results'), { recursive: true, force: true });
let failed = false;
for (const args of steps) {
  const { status } = spawnSync('npx', ['nx', ...args], { cwd: root, env, stdio: 'inherit' });
  failed ||= status !== 0;
}
process.exit(failed ? 1 : 0);
