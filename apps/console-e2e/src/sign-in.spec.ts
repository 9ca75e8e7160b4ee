import { expect, test, type Page } from '@playwright/test';
import { DEV_PASSWORD, TEST_USERS } from '@steward/testing-util';
import { screenshotPath, stack } from './support/stack';

const { tenantUrl, apiUrl, consoleUrl } = stack();
const loginPage = new RegExp(`^${tenantUrl}/u/login/`);

async function signIn(page: Page, email: string, password = DEV_PASSWORD): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(loginPage);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

test.describe('Signing in through the dev tenant', () => {
  test('an admin sees their permissions from the API, stays signed in across a reload, and signs out of the tenant too', async ({
    page,
  }) => {
    const authorizedOrigins = new Set<string>();
    page.on('request', (request) => {
      if (request.headers()['authorization']) authorizedOrigins.add(new URL(request.url()).origin);
    });

    await signIn(page, 'admin@steward.local');
    await expect(page).toHaveURL(`${consoleUrl}/profile`);
    await expect(page.getByTestId('profile-email')).toHaveText('admin@steward.local');
    await expect(page.getByTestId('profile-name')).toHaveText('Ada Admin');
    const permissions = page.getByTestId('profile-permissions').locator('li');
    await expect(permissions).toHaveCount(9);
    await expect(permissions.filter({ hasText: 'delete:users' })).toHaveCount(1);
    await page.screenshot({
      path: screenshotPath('profile-admin'),
      fullPage: true,
    });

    // The access token went to the API's origin and nowhere else, and no token sits in web storage.
    expect([...authorizedOrigins]).toEqual([apiUrl]);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toMatch(/eyJ[\w-]+\.eyJ/);

    await page.reload();
    await expect(page.getByTestId('profile-email')).toHaveText('admin@steward.local');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${consoleUrl}/`);
    await expect(page.getByRole('main').getByRole('button', { name: 'Sign in' })).toBeVisible();

    // The tenant session is gone as well: a protected page asks for credentials again.
    await page.goto(`${consoleUrl}/profile`);
    await expect(page).toHaveURL(loginPage);
  });

  test('a viewer sees only what a viewer holds', async ({ page }) => {
    await signIn(page, 'viewer@steward.local');
    await expect(page.getByTestId('profile-permissions').locator('li')).toHaveText(['read:records']);
  });

  test('a wrong password keeps the user on the sign-in page with an error', async ({ page }) => {
    await signIn(page, 'admin@steward.local', 'not-the-password');
    await expect(page).toHaveURL(loginPage);
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByLabel('Email address')).toHaveValue('admin@steward.local');
    await page.screenshot({ path: screenshotPath('sign-in-wrong-password') });
  });

  test('a blocked user is sent back to the console with "user is blocked"', async ({ page }) => {
    await signIn(page, TEST_USERS.blocked.email);
    await expect(page).toHaveURL(`${consoleUrl}/`);
    await expect(page.getByRole('alert')).toHaveText('Sign-in failed: user is blocked');
  });
});
