import { defineConfig, devices } from '@playwright/test';
import { join } from 'node:path';

const root = join(__dirname, '../..');

/** Browser tests: Debian's Chromium (no browser download), against a stack the global setup starts. */
export default defineConfig({
  testDir: './src',
  globalSetup: './src/support/global-setup.ts',
  outputDir: join(root, 'dist/console-e2e/test-output'),
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [['list'], ['json', { outputFile: join(root, 'dist/test-results/apps/console-e2e/playwright.json') }]],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
          args: [
            '--headless',
            '--no-sandbox',
            '--disable-gpu',
            '--disable-dev-shm-usage',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
});
