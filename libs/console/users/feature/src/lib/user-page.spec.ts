import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MatDialog, type MatDialogRef } from '@angular/material/dialog';
import { ActivatedRoute, Router, provideRouter } from '@angular/router';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import { ApiNotices } from '@steward/console-core-data-access';
import { ConfirmDialog } from '@steward/console-ui';
import type { Permission, RoleView, UserDetail } from '@steward/shared-domain';
import { of } from 'rxjs';
import { UserPage } from './user-page';

const USER_URL = 'https://api.example.com/api/users/auth0%7Cada';
const admin: RoleView = { id: 'rol_admin', name: 'admin', description: 'Manages users' };
const staff: RoleView = { id: 'rol_staff', name: 'staff', description: 'Edits records' };
const viewer: RoleView = { id: 'rol_viewer', name: 'viewer', description: 'Reads records' };
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
};
const conflict = (detail: string) => ({
  body: { type: 'about:blank', title: 'Conflict', status: 409, detail },
  options: { status: 409, statusText: 'Conflict' },
});

describe('UserPage', () => {
  let fixture: ComponentFixture<UserPage>;
  let http: HttpTestingController;
  let confirm: jest.SpyInstance;

  async function open(permissions: Permission[]): Promise<void> {
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
          useValue: { permissions: signal(granted), can: (...p: Permission[]) => p.every((x) => granted.has(x)) },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    confirm = jest
      .spyOn(TestBed.inject(MatDialog), 'open')
      .mockReturnValue({ afterClosed: () => of(true) } as MatDialogRef<unknown>);
    fixture = TestBed.createComponent(UserPage);
    fixture.componentRef.setInput('id', 'auth0|ada');
    fixture.detectChanges();
    http.expectOne(USER_URL).flush(ada);
    // The roles section appears once the user arrived; its request is pending, so stability cannot be awaited.
    await new Promise((resolve) => setTimeout(resolve));
    fixture.detectChanges();
    http.expectOne('https://api.example.com/api/roles').flush({ items: [admin, staff, viewer] });
    await fixture.whenStable();
  }

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const testId = (id: string) => root().querySelector(`[data-testid="${id}"]`);
  const click = async (id: string) => {
    (testId(id) as HTMLElement).click();
    await fixture.whenStable();
  };

  it('should show the profile and send the complete role set on Save roles', async () => {
    await open(['read:users', 'update:users']);
    expect(testId('user-heading')?.textContent).toContain('Ada Admin');
    expect(testId('user-status')?.textContent).toContain('Active');

    expect((testId('role-admin')?.querySelector('input') as HTMLInputElement).checked).toBe(true);
    (testId('role-admin')?.querySelector('input') as HTMLInputElement).click();
    await fixture.whenStable();
    (testId('role-viewer')?.querySelector('input') as HTMLInputElement).click();
    await fixture.whenStable();
    await click('save-roles');

    const request = http.expectOne({ method: 'PUT', url: `${USER_URL}/roles` });
    expect(request.request.body).toEqual({ roles: ['rol_viewer'] });
    request.flush({ ...ada, roles: [viewer] });
    await fixture.whenStable();
    expect(testId('roles-saved')?.textContent).toContain('Roles saved.');
  });

  it('should show the API’s rule when it refuses to block the user', async () => {
    await open(['read:users', 'update:users']);
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

  it('should say so when the user does not exist', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CONSOLE_CONFIG, useValue: { apiUrl: 'https://api.example.com' } },
        { provide: CurrentUser, useValue: { permissions: signal(new Set()), can: () => false } },
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
