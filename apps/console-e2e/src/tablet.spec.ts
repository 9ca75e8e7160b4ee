import { expect, test, type Page } from '@playwright/test';
import { ADMIN, consoleUrl, screenshot, signIn } from './support/console';

test.use({ viewport: { width: 768, height: 1024 } });

async function expectNoSidewaysScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
}

test('on a tablet every screen fits the width; wide tables scroll inside their own box', async ({ page }) => {
  await signIn(page, ADMIN);
  for (const [path, heading] of [
    ['/records', 'Records'],
    ['/records/new', 'New record'],
    ['/users', 'Users'],
    ['/audit', 'Audit log'],
    ['/profile', 'Your profile'],
  ]) {
    await page.goto(`${consoleUrl}${path}`);
    await expect(page.getByRole('heading', { level: 1, name: heading })).toBeVisible();
    await expect(page.getByTestId('progress')).toHaveCount(0);
    await expectNoSidewaysScroll(page);
    if (path === '/records') await screenshot(page, 'records-tablet');
  }
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
});
