import { expect, test } from '@playwright/test';
import type { RecordView } from '@steward/shared-domain';
import { ADMIN, STAFF, VIEWER, apiAs, consoleUrl, expectAccessible, menu, screenshot, signIn } from './support/console';

interface RoleCase {
  role: string;
  email: string;
  menu: string[];
  createRecords: boolean;
  updateRecords: boolean;
  deleteRecords: boolean;
}

const roles: RoleCase[] = [
  {
    role: 'admin',
    email: ADMIN,
    menu: ['Records', 'Users', 'Audit log'],
    createRecords: true,
    updateRecords: true,
    deleteRecords: true,
  },
  { role: 'staff', email: STAFF, menu: ['Records'], createRecords: true, updateRecords: true, deleteRecords: false },
  {
    role: 'viewer',
    email: VIEWER,
    menu: ['Records'],
    createRecords: false,
    updateRecords: false,
    deleteRecords: false,
  },
];

let record: RecordView;

test.beforeAll(async () => {
  const api = await apiAs(ADMIN);
  const response = await api('/api/records', {
    method: 'POST',
    body: JSON.stringify({
      title: `Role check ${Date.now()}`,
      description: 'Seen by every role',
      status: 'active',
      tags: ['roles'],
    }),
  });
  expect(response.status).toBe(201);
  record = (await response.json()) as RecordView;
});

test.describe('What each role sees', () => {
  for (const role of roles) {
    test(`${role.role}: menus and buttons follow the permissions, and pages beyond them say "no access"`, async ({
      page,
    }) => {
      await signIn(page, role.email);
      await expect(menu(page)).toHaveText(role.menu);

      await menu(page).filter({ hasText: 'Records' }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Records' })).toBeVisible();
      await page.getByLabel('Search titles').fill(record.title);
      await expect(page).toHaveURL(/[?&]q=/);
      const row = page.getByRole('row').filter({ hasText: record.title });
      await expect(page.getByRole('row').filter({ has: page.getByRole('cell') })).toHaveCount(1);
      await expect(row).toHaveCount(1);
      await expect(page.getByRole('link', { name: 'New record' })).toHaveCount(role.createRecords ? 1 : 0);
      await expect(row.getByRole('button', { name: /Delete/ })).toHaveCount(role.deleteRecords ? 1 : 0);
      await screenshot(page, `records-${role.role}`);

      await row.getByRole('link', { name: record.title }).click();
      await expect(page.getByRole('heading', { level: 1, name: record.title })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save' })).toHaveCount(role.updateRecords ? 1 : 0);
      await expect(page.getByRole('button', { name: /^Delete/ })).toHaveCount(role.deleteRecords ? 1 : 0);

      for (const hidden of ['/users', '/audit'].filter((path) => role.role !== 'admin' && path)) {
        await page.goto(`${consoleUrl}${hidden}`);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText("You don't have access to this page");
        await expect(page.getByTestId('no-access')).toContainText(hidden);
      }
      if (role.role === 'viewer') {
        await screenshot(page, 'no-access-viewer');
        await expectAccessible(page, 'no-access');
      }
    });
  }

  test('the API refuses what the console hides', async () => {
    const viewer = await apiAs(VIEWER);
    const staff = await apiAs(STAFF);
    const created = await viewer('/api/records', {
      method: 'POST',
      body: JSON.stringify({ title: 'Not allowed', description: '', status: 'draft', tags: [] }),
    });
    expect(created.status).toBe(403);
    const edited = await viewer(`/api/records/${record.id}`, {
      method: 'PATCH',
      headers: { 'if-match': `"${record.version}"` },
      body: JSON.stringify({ title: 'Not allowed' }),
    });
    expect(edited.status).toBe(403);
    expect((await staff(`/api/records/${record.id}`, { method: 'DELETE' })).status).toBe(403);
    expect((await staff('/api/users')).status).toBe(403);
    expect((await staff('/api/audit')).status).toBe(403);
    expect((await viewer('/api/roles')).status).toBe(403);
    // Nothing changed.
    const admin = await apiAs(ADMIN);
    expect(await (await admin(`/api/records/${record.id}`)).json()).toMatchObject({
      title: record.title,
      version: record.version,
    });
  });
});
