import { expect, test } from '@playwright/test';
import type { RecordView } from '@steward/shared-domain';
import { ADMIN, apiAs, consoleUrl, expectAccessible, menu, screenshot, signIn } from './support/console';

test('an admin filters the audit log by action and actor, and the link reproduces the view', async ({ page }) => {
  const admin = await apiAs(ADMIN);
  const created = await admin('/api/records', {
    method: 'POST',
    body: JSON.stringify({ title: `Audited ${Date.now()}`, description: '', status: 'draft', tags: [] }),
  });
  const record = (await created.json()) as RecordView;
  expect((await admin(`/api/records/${record.id}`, { method: 'DELETE' })).status).toBe(204);

  await signIn(page, ADMIN);
  await menu(page).filter({ hasText: 'Audit log' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Audit log' })).toBeVisible();
  const rows = page.getByTestId('audit-row');
  await expect(rows.first()).toBeVisible();

  await page.getByLabel('Action').click();
  await page.getByRole('option', { name: 'Record deleted' }).click();
  await expect(page).toHaveURL(/action=record\.deleted/);
  const newest = rows.first();
  await expect(newest.getByTestId('audit-action')).toHaveText('Record deleted');
  await expect(newest.getByTestId('audit-target')).toContainText(record.id);
  await screenshot(page, 'audit-admin');
  await expectAccessible(page, 'audit');

  await newest.getByTestId('audit-only-actor').click();
  await expect(page).toHaveURL(/actor=/);
  const filtered = page.url();
  await expect(rows.first().getByTestId('audit-target')).toContainText(record.id);

  await page.goto(filtered);
  await expect(page.getByLabel('Actor (user id)')).not.toHaveValue('');
  await expect(rows.first().getByTestId('audit-target')).toContainText(record.id);

  // The target links to the record, which says it was deleted.
  await rows.first().getByTestId('audit-target').click();
  await expect(page).toHaveURL(`${consoleUrl}/records/${record.id}`);
  await expect(page.getByTestId('missing')).toContainText('does not exist or was deleted');
});
