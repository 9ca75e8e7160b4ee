import { expect, test, type Page } from '@playwright/test';
import { SUPPORT, consoleUrl, expectAccessible, menu, screenshot, signIn } from './support/console';

/** Opens a seeded user's page from the Users search, as a person would. */
async function openUser(page: Page, email: string, name: string): Promise<void> {
  await page.goto(`${consoleUrl}/users?q=${encodeURIComponent(email)}`);
  await page.getByTestId('user-row').getByRole('link', { name }).click();
  await expect(page.getByTestId('user-heading')).toHaveText(name);
}

test('the help desk acts on staff but sees no action it may not take on an admin, on roles above it or on itself', async ({
  page,
}) => {
  await signIn(page, SUPPORT);
  await expect(menu(page)).toHaveText(['Records', 'Users']);

  // An admin's roles carry permissions support does not hold: no action is offered, and the page says why.
  await openUser(page, 'admin@steward.local', 'Ada Admin');
  await expect(page.getByTestId('actions-not-allowed')).toContainText('permissions you do not hold');
  for (const action of ['block-user', 'reset-password', 'delete-user', 'save-roles']) {
    await expect(page.getByTestId(action)).toHaveCount(0);
  }
  await expect(page.getByTestId('roles-read-only')).toBeVisible();
  await screenshot(page, 'user-detail-support-on-admin');
  await expectAccessible(page, 'user-detail-support-on-admin');

  // A staff member: support may block and reset, and grant only roles whose permissions it holds.
  await openUser(page, 'staff@steward.local', 'Sam Staff');
  await expect(page.getByTestId('block-user')).toBeEnabled();
  await expect(page.getByTestId('reset-password')).toBeEnabled();
  await expect(page.getByTestId('delete-user')).toHaveCount(0); // support holds no delete:users
  await expect(page.getByTestId('role-admin').getByRole('checkbox')).toBeDisabled();
  await expect(page.getByTestId('role-hint-admin')).toContainText('delete:users');
  await expect(page.getByTestId('role-viewer').getByRole('checkbox')).toBeEnabled();
  await page.getByTestId('reset-password').click();
  await expect(page.getByTestId('password-reset-url')).toHaveValue(/\/lo\/reset\?ticket=/);

  // Their own page: no block, and roles are read-only.
  await openUser(page, 'support@steward.local', 'Sky Support');
  await expect(page.getByTestId('block-user')).toHaveCount(0);
  await expect(page.getByTestId('actions-self')).toBeVisible();
  await expect(page.getByTestId('roles-read-only')).toContainText('You cannot change your own roles');
});
