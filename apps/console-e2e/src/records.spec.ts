import { expect, test, type Page } from '@playwright/test';
import type { RecordView } from '@steward/shared-domain';
import { ADMIN, STAFF, apiAs, consoleUrl, expectAccessible, screenshot, signIn } from './support/console';

async function createRecords(email: string, titles: string[]): Promise<RecordView[]> {
  const api = await apiAs(email);
  const created: RecordView[] = [];
  for (const title of titles) {
    const response = await api('/api/records', {
      method: 'POST',
      body: JSON.stringify({ title, description: `About ${title}`, status: 'active', tags: ['e2e'] }),
    });
    expect(response.status).toBe(201);
    created.push((await response.json()) as RecordView);
  }
  return created;
}

const rows = (page: Page) => page.getByRole('row').filter({ has: page.getByRole('cell') });

test.describe('Records', () => {
  test('staff create, edit and page through records; the address reproduces the view', async ({ page }) => {
    const batch = `Paging ${Date.now()}`;
    await createRecords(
      STAFF,
      Array.from({ length: 23 }, (_, i) => `${batch} ${String(i + 1).padStart(2, '0')}`),
    );

    await signIn(page, STAFF);
    await page.goto(`${consoleUrl}/records`);
    await page.getByLabel('Search titles').fill(batch);
    await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(batch).replace(/%20/g, '(%20|\\+)')}`));
    await page.getByTestId('page-size').click();
    await page.getByRole('option', { name: '10', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Title' }).getByRole('button').click();
    await expect(page).toHaveURL(/sort=title/);
    await expect(rows(page)).toHaveCount(10);
    await expect(rows(page).first()).toContainText(`${batch} 01`);

    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(rows(page).first()).toContainText(`${batch} 11`);
    const secondPage = page.url();
    await page.getByRole('button', { name: 'Next page' }).click();
    await expect(rows(page)).toHaveCount(3);
    await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled();
    await page.getByRole('button', { name: 'Previous page' }).click();
    await expect(rows(page).first()).toContainText(`${batch} 11`);

    // A copied link opens the same page of the same view.
    await page.goto(secondPage);
    await expect(page.getByLabel('Search titles')).toHaveValue(batch);
    await expect(rows(page)).toHaveCount(10);
    await expect(rows(page).first()).toContainText(`${batch} 11`);
    await expectAccessible(page, 'records-list');

    // Create.
    await page.getByRole('link', { name: 'New record' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'New record' })).toBeVisible();
    await expectAccessible(page, 'record-new');
    await page.getByLabel('Title').fill(`${batch} created in the console`);
    await page.getByLabel('Description').fill('Written by a browser test.');
    await page.getByRole('textbox', { name: 'Tags' }).fill('browser');
    await page.getByRole('textbox', { name: 'Tags' }).press('Enter');
    await screenshot(page, 'record-new');
    await page.getByRole('button', { name: 'Create' }).click();
    await expect(page.getByRole('heading', { level: 1, name: `${batch} created in the console` })).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`${consoleUrl}/records/[\\w-]+$`));

    // Edit, then read the change back from the history panel.
    await page.getByLabel('Title').fill(`${batch} edited in the console`);
    await page.getByRole('button', { name: 'Save' }).click();
    await expect(page.getByText('Record saved')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: `${batch} edited in the console` })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Title')).toHaveValue(`${batch} edited in the console`);
    await expect(page.getByTestId('history')).toContainText('edited in the console');
    await screenshot(page, 'record-edit');
    await expectAccessible(page, 'record-edit');
  });

  test('an admin deletes a record and brings it back with Undo', async ({ page }) => {
    const [record] = await createRecords(ADMIN, [`Undo me ${Date.now()}`]);
    await signIn(page, ADMIN);
    await page.goto(`${consoleUrl}/records?q=${encodeURIComponent(record.title)}`);
    await expect(rows(page)).toHaveCount(1);
    await page.getByRole('button', { name: `Delete ${record.title}` }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toContainText(record.title);
    await screenshot(page, 'record-delete-confirm');
    await dialog.getByRole('button', { name: 'Delete' }).click();
    await expect(page.getByTestId('empty-state')).toBeVisible();
    const admin = await apiAs(ADMIN);
    expect((await admin(`/api/records/${record.id}`)).status).toBe(404);

    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(rows(page)).toHaveCount(1);
    await expect(rows(page).first()).toContainText(record.title);
    expect((await admin(`/api/records/${record.id}`)).status).toBe(200);
  });

  test('two people edit the same record: the second sees the conflict and re-applies their change', async ({
    browser,
  }) => {
    const [record] = await createRecords(STAFF, [`Contended ${Date.now()}`]);
    const first = await (await browser.newContext()).newPage();
    const second = await (await browser.newContext()).newPage();
    await signIn(first, STAFF);
    await signIn(second, ADMIN);
    for (const page of [first, second]) {
      await page.goto(`${consoleUrl}/records/${record.id}`);
      await expect(page.getByLabel('Title')).toHaveValue(record.title);
    }

    await first.getByLabel('Title').fill(`${record.title} (renamed)`);
    await first.getByRole('button', { name: 'Save' }).click();
    await expect(first.getByText('Record saved')).toBeVisible();

    await second.getByLabel('Description').fill('A description the first editor never saw.');
    await second.getByRole('button', { name: 'Save' }).click();
    const conflict = second.getByTestId('conflict');
    await expect(conflict.getByRole('heading')).toHaveText('This record was changed by someone else');
    await expect(conflict.locator('[data-field="title"] .theirs')).toHaveText(`${record.title} (renamed)`);
    await screenshot(second, 'record-conflict');
    await expectAccessible(second, 'record-conflict');

    await conflict.getByRole('button', { name: 'Re-apply my changes' }).click();
    await expect(conflict).toBeHidden();
    const admin = await apiAs(ADMIN);
    const saved = (await (await admin(`/api/records/${record.id}`)).json()) as RecordView;
    expect(saved).toMatchObject({
      title: `${record.title} (renamed)`,
      description: 'A description the first editor never saw.',
      version: record.version + 2,
    });
  });
});
