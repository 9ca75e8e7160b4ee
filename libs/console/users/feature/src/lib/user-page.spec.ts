import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { ActivatedRoute, Router, provideRouter } from '@angular/router';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import { ApiNotices } from '@steward/console-core-data-access';
import { ConfirmDialog } from '@steward/console-ui';
import { PERMISSIONS, type Permission, type RoleView, type UserDetail } from '@steward/shared-domain';
import { of } from 'rxjs';
import { UserPage } from './user-page';

const USER_URL = 'https://api.example.com/api/users/auth0%7Cada';
const RECORDS: Permission[] = ['read:records', 'create:records', 'update:records'];
const SUPPORT: Permission[] = [...RECORDS, 'read:users', 'update:users'];
const admin: RoleView = { id: 'rol_admin', name: 'admin', description: 'Manages users', permissions: [...PERMISSIONS] };
const support: RoleView = { id: 'rol_support', name: 'support', description: 'Help desk', permissions: SUPPORT };
const staff: RoleView = { id: 'rol_staff', name: 'staff', description: 'Edits records', permissions: RECORDS };
const viewer: RoleView = {
  id: 'rol_viewer',
  name: 'viewer',
  description: 'Reads records',
  permissions: ['read:records'],
};
const ada: UserDetail = {
  id: 'auth0|ada',
  email: 'ada@example.com',
  name: 'Ada Admin',
  blocked: false,
  lastLogin: '2025-03-01T10:00:00.000Z',
  loginsCount: 7,
  createdAt: '2025-01-01T00:00:00.000Z',
  emailVerified: true,
  roles: [admin],
  canManage: true,
};
const sam: UserDetail = { ...ada, id: 'auth0|sam', email: 'sam@example.com', name: 'Sam Staff', roles: [staff] };
const conflict = (detail: string) => ({
  body: { type: 'about:blank', title: 'Conflict', status: 409, detail },
  options: { status: 409, statusText: 'Conflict' },
});

describe('UserPage', () => {
  let fixture: ComponentFixture<UserPage>;
  let http: HttpTestingController;
  let confirm: jest.SpyInstance;

  /** Opens `shown`'s page as a signed-in user (`auth0|me` unless `me` says otherwise) holding `permissions`. */
  async function open(permissions: readonly Permission[], shown = ada, me = 'auth0|me'): Promise<void> {
    const granted = new Set(permissions);
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: 'https://api.example.com', auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
        {
          provide: CurrentUser,
          useValue: {
            sub: signal(me),
            permissions: signal(granted),
            can: (...p: Permission[]) => p.every((x) => granted.has(x)),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    confirm = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(true) } as MatDialogRef<unknown>);
    fixture = TestBed.createComponent(UserPage);
    fixture.componentRef.setInput('id', shown.id);
    fixture.detectChanges();
    http.expectOne(`https://api.example.com/api/users/${encodeURIComponent(shown.id)}`).flush(shown);
    // The roles section appears once the user arrived; its request is pending, so stability cannot be awaited.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne('https://api.example.com/api/roles').flush({ items: [admin, support, staff, viewer] });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const testId = (id: string) => root().querySelector(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    (testId(id) as HTMLElement).click();
    await fixture.whenStable();
  };

  const checkbox = (name: string) => testId(`role-${name}`)?.querySelector('input') as HTMLInputElement;

  it('should show the profile and send the complete role set on Save roles', async () => {
    await open(PERMISSIONS);
    expect(testId('user-heading')?.textContent).toContain('Ada Admin');
    expect(testId('user-status')?.textContent).toContain('Active');

    expect(checkbox('admin').checked).toBe(true);
    checkbox('admin').click();
    await fixture.whenStable();
    checkbox('viewer').click();
    await fixture.whenStable();
    await click('save-roles');

    const request = http.expectOne({ method: 'PUT', url: `${USER_URL}/roles` });
    expect(request.request.body).toEqual({ roles: ['rol_viewer'] });
    request.flush({ ...ada, roles: [viewer] });
    await fixture.whenStable();
    expect(testId('roles-saved')?.textContent).toContain('Roles saved.');
  });

  it('should show the API’s rule when it refuses to block the user', async () => {
    await open(PERMISSIONS);
    await click('block-user');
    expect(confirm).toHaveBeenCalledWith(ConfirmDialog, expect.objectContaining({ data: expect.anything() }));

    const request = http.expectOne({ method: 'PATCH', url: USER_URL });
    expect(request.request.body).toEqual({ blocked: true });
    const refused = conflict('You cannot block the last admin.');
    request.flush(refused.body, refused.options);
    await fixture.whenStable();
    expect(testId('action-refusal')?.getAttribute('role')).toBe('alert');
    expect(testId('action-refusal')?.textContent).toContain('You cannot block the last admin.');
  });

  it('should delete only after the email is typed, then return to the list', async () => {
    await open(['read:users', 'delete:users']);
    const navigate = jest.spyOn(TestBed.inject(Router), 'navigate').mockResolvedValue(true);
    const tell = jest.spyOn(TestBed.inject(ApiNotices), 'tell').mockImplementation(() => undefined);
    expect(testId('block-user')).toBeNull();
    expect(testId('save-roles')).toBeNull();

    await click('delete-user');
    expect(confirm).toHaveBeenCalledWith(
      ConfirmDialog,
      expect.objectContaining({
        data: expect.objectContaining({ confirm: 'Delete', typeToConfirm: 'ada@example.com' }),
      }),
    );
    http.expectOne({ method: 'DELETE', url: USER_URL }).flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(tell).toHaveBeenCalledWith('User deleted');
    expect(navigate).toHaveBeenCalledWith(['..'], { relativeTo: TestBed.inject(ActivatedRoute) });
  });

  describe('delegation (SPEC §5)', () => {
    it('should offer no actions and read-only roles on a user the API says is above the signed-in user', async () => {
      await open(SUPPORT, { ...ada, canManage: false });
      for (const action of ['block-user', 'unblock-user', 'reset-password', 'delete-user', 'save-roles']) {
        expect(testId(action)).toBeNull();
      }
      expect(testId('actions-not-allowed')?.textContent).toContain('permissions you do not hold');
      expect(testId('roles-read-only')?.textContent).toContain('permissions you do not hold');
      expect([admin, support, staff, viewer].map((role) => checkbox(role.name).disabled)).toEqual([
        true,
        true,
        true,
        true,
      ]);
    });

    it('should let a help desk user grant only roles whose permissions they hold, and say why not the others', async () => {
      await open(SUPPORT, sam);
      expect(testId('block-user')).not.toBeNull();
      expect(testId('reset-password')).not.toBeNull();
      expect(testId('delete-user')).toBeNull();
      expect(checkbox('admin').disabled).toBe(true);
      expect(testId('role-hint-admin')?.textContent).toContain(
        'delete:records, create:users, delete:users, read:audit',
      );
      expect(checkbox('admin').getAttribute('aria-describedby')).toContain('role-missing-rol_admin');
      expect([support, staff, viewer].map((role) => checkbox(role.name).disabled)).toEqual([false, false, false]);
      expect(testId('role-hint-support')).toBeNull();

      checkbox('viewer').click();
      await fixture.whenStable();
      await click('save-roles');
      const request = http.expectOne({ method: 'PUT', url: 'https://api.example.com/api/users/auth0%7Csam/roles' });
      expect(request.request.body).toEqual({ roles: ['rol_staff', 'rol_viewer'] });
      request.flush({ ...sam, roles: [staff, viewer] });
      await fixture.whenStable();
    });

    it('should show the signed-in user their own roles read-only, with a note', async () => {
      await open(PERMISSIONS, ada, ada.id);
      expect(testId('roles-read-only')?.textContent).toContain('You cannot change your own roles');
      expect(testId('save-roles')).toBeNull();
      expect(checkbox('admin').checked).toBe(true);
      expect(checkbox('admin').disabled).toBe(true);
      expect(checkbox('viewer').disabled).toBe(true);
      expect(testId('block-user')).toBeNull();
      expect(testId('delete-user')).toBeNull();
      expect(testId('actions-self')?.textContent).toContain('You cannot block or delete your own account');
    });

    it('should keep role editing for a manageable user without notes', async () => {
      await open(PERMISSIONS, sam);
      expect(testId('roles-read-only')).toBeNull();
      expect(testId('actions-not-allowed')).toBeNull();
      expect([admin, support, staff, viewer].map((role) => checkbox(role.name).disabled)).toEqual([
        false,
        false,
        false,
        false,
      ]);
    });
  });

  it('should say so when the user does not exist', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CONSOLE_CONFIG, useValue: { apiUrl: 'https://api.example.com' } },
        {
          provide: CurrentUser,
          useValue: { sub: signal('auth0|me'), permissions: signal(new Set()), can: () => false },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(UserPage);
    fixture.componentRef.setInput('id', 'auth0|gone');
    fixture.detectChanges();
    http
      .expectOne('https://api.example.com/api/users/auth0%7Cgone')
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await fixture.whenStable();
    expect(testId('user-not-found')?.textContent).toContain('This user does not exist');
  });
});
