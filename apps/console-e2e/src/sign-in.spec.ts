import { expect, test } from '@playwright/test';
import { TEST_USERS } from '@steward/testing-util';
import {
  ADMIN,
  VIEWER,
  apiUrl,
  consoleUrl,
  expectAccessible,
  loginPage,
  screenshot,
  signIn,
  submitLogin,
} from './support/console';

test.describe('Signing in through the dev tenant', () => {
  test('an admin sees their permissions from the API, stays signed in across a reload, and signs out of the tenant too', async ({
    page,
  }) => {
    const authorizedOrigins = new Set<string>();
    page.on('request', (request) => {
      if (request.headers()['authorization']) authorizedOrigins.add(new URL(request.url()).origin);
    });

    await signIn(page, ADMIN);
    await expect(page).toHaveURL(`${consoleUrl}/`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ada Admin');
    await screenshot(page, 'home-admin');
    await expectAccessible(page, 'home');

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Profile' }).click();
    await expect(page.getByTestId('profile-email')).toHaveText(ADMIN);
    await expect(page.getByTestId('profile-name')).toHaveText('Ada Admin');
    const permissions = page.getByTestId('profile-permissions').locator('li');
    await expect(permissions).toHaveCount(9);
    await expect(permissions.filter({ hasText: 'delete:users' })).toHaveCount(1);
    await screenshot(page, 'profile-admin');
    await expectAccessible(page, 'profile');

    // The access token went to the API's origin and nowhere else, and no token sits in web storage.
    expect([...authorizedOrigins]).toEqual([apiUrl]);
    const storage = await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }));
    expect(storage).not.toMatch(/eyJ[\w-]+\.eyJ/);

    await page.reload();
    await expect(page.getByTestId('profile-email')).toHaveText(ADMIN);

    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Sign out' }).click();
    await expect(page).toHaveURL(`${consoleUrl}/`);
    await expect(page.getByRole('main').getByRole('button', { name: 'Sign in' })).toBeVisible();
    await expectAccessible(page, 'signed-out');

    // The tenant session is gone as well: a protected page asks for credentials again.
    await page.goto(`${consoleUrl}/profile`);
    await expect(page).toHaveURL(loginPage);
  });

  test('a deep link survives signing in: the user lands on the page they asked for', async ({ page }) => {
    await page.goto(`${consoleUrl}/records?status=active`);
    await submitLogin(page, VIEWER);
    await expect(page).toHaveURL(`${consoleUrl}/records?status=active`);
    await expect(page.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();
  });

  test('a wrong password keeps the user on the sign-in page with an error', async ({ page }) => {
    await page.goto(consoleUrl);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await submitLogin(page, ADMIN, 'not-the-password');
    await expect(page).toHaveURL(loginPage);
    await expect(page.getByRole('alert')).toHaveText('Wrong email or password.');
    await expect(page.getByLabel('Email address')).toHaveValue(ADMIN);
    await screenshot(page, 'sign-in-wrong-password');
  });

  test('a blocked user is sent back to the console with "user is blocked"', async ({ page }) => {
    await page.goto(consoleUrl);
    await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
    await submitLogin(page, TEST_USERS.blocked.email);
    await expect(page).toHaveURL(`${consoleUrl}/`);
    await expect(page.getByRole('alert')).toHaveText('Sign-in failed: user is blocked');
  });
});
