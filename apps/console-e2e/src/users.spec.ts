import { expect, test } from '@playwright/test';
import { ADMIN, consoleUrl, expectAccessible, menu, screenshot, signIn } from './support/console';

test('an admin invites a person, grants a role, finds them, blocks them — and their session ends on the next call', async ({
  browser,
}) => {
  const stamp = Date.now();
  const email = `casey.${stamp}@example.com`;
  const name = `Casey ${stamp}`;
  const password = `Casey-${stamp}-pw`;
  const admin = await (await browser.newContext()).newPage();
  const casey = await (await browser.newContext()).newPage();

  await signIn(admin, ADMIN);
  await menu(admin).filter({ hasText: 'Users' }).click();
  await expect(admin.getByRole('heading', { level: 1, name: 'Users' })).toBeVisible();
  await expect(admin.getByTestId('user-row').first()).toBeVisible();
  await screenshot(admin, 'users-list');
  await expectAccessible(admin, 'users-list');

  // Invite: the API creates the account and hands back a password-set link for the person.
  await admin.getByRole('button', { name: 'Invite user' }).click();
  const dialog = admin.getByRole('dialog');
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Email').fill(email);
  await dialog.getByRole('button', { name: 'Invite' }).click();
  await expect(dialog.getByTestId('invitation-created')).toContainText(email);
  const invitationUrl = await dialog.getByTestId('invitation-url').inputValue();
  await screenshot(admin, 'users-invited');
  await expectAccessible(admin, 'users-invite-dialog');
  await dialog.getByRole('link', { name: 'Open user page' }).click();
  await expect(admin.getByTestId('user-heading')).toHaveText(name);
  await expect(admin.getByTestId('user-status')).toHaveText('Active');

  await admin.getByRole('checkbox', { name: 'viewer' }).check();
  await admin.getByRole('button', { name: 'Save roles' }).click();
  await expect(admin.getByTestId('roles-saved')).not.toBeEmpty();

  // The invited person sets a password from the link and signs in.
  await casey.goto(invitationUrl);
  await casey.getByLabel('New password', { exact: true }).fill(password);
  await casey.getByLabel('Confirm new password').fill(password);
  await casey.getByRole('button', { name: 'Reset password' }).click();
  await signIn(casey, email, password);
  await expect(menu(casey)).toHaveText(['Records']);
  await menu(casey).click();
  await expect(casey.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();

  // The admin finds them by search and blocks them.
  await admin.goto(`${consoleUrl}/users`);
  await admin.getByLabel('Search users').fill(`casey.${stamp}`);
  await expect(admin).toHaveURL(new RegExp(`q=casey\\.${stamp}`));
  await expect(admin.getByTestId('user-row')).toHaveCount(1);
  await admin.getByTestId('user-row').getByRole('link', { name }).click();
  // The API caches Management API reads for up to 10 s, so the first sign-in may take a reload to show.
  // Each reload starts the console again (SDK, silent sign-in, API): wait for the page, then read it.
  const lastLogin = admin.getByTestId('user-last-login');
  await expect(async () => {
    await admin.reload();
    await expect(lastLogin).toBeVisible();
    await expect(lastLogin).not.toHaveText('Never', { timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await screenshot(admin, 'user-detail');
  await expectAccessible(admin, 'user-detail');
  await admin.getByRole('button', { name: 'Block', exact: true }).click();
  await admin.getByRole('dialog').getByRole('button', { name: 'Block' }).click();
  await expect(admin.getByTestId('user-status')).toHaveText('Blocked');

  // Casey's very next call is refused, and the console says the session has ended.
  await casey.getByLabel('Search').fill('anything');
  await expect(casey.getByTestId('session-ended')).toBeVisible();
  await screenshot(casey, 'session-ended');
  await casey.getByRole('button', { name: 'Sign in again' }).click();
  await expect(casey.getByRole('alert')).toContainText('user is blocked');

  // Password reset hands the admin a link to pass on.
  await admin.getByRole('button', { name: 'Send password reset' }).click();
  await expect(admin.getByTestId('password-reset-url')).toHaveValue(/\/lo\/reset\?ticket=/);

  // Deleting needs the email typed out; afterwards the list no longer has them.
  await admin.getByRole('button', { name: 'Delete user' }).click();
  const confirm = admin.getByRole('dialog');
  await expect(confirm.getByRole('button', { name: 'Delete' })).toBeDisabled();
  await confirm.getByLabel(`Type ${email} to confirm`).fill(email);
  await confirm.getByRole('button', { name: 'Delete' }).click();
  await expect(admin).toHaveURL(/\/users(\?|$)/);
  await admin.getByLabel('Search users').fill(`casey.${stamp}`);
  await expect(admin.getByTestId('users-empty')).toBeVisible();
});

test('an admin is offered neither block nor delete on their own account, and the console says why', async ({
  page,
}) => {
  await signIn(page, ADMIN);
  await page.goto(`${consoleUrl}/users?q=${encodeURIComponent(ADMIN)}`);
  await page.getByTestId('user-row').getByRole('link', { name: ADMIN }).click();
  await expect(page.getByTestId('user-status')).toHaveText('Active');
  await expect(page.getByTestId('actions-self')).toHaveText('You cannot block or delete your own account.');
  await expect(page.getByRole('button', { name: 'Delete user' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Block', exact: true })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send password reset' })).toBeVisible();
});
