import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed, type ComponentFixture } from '@angular/core/testing';
import { MAT_DIALOG_DATA, MatDialogRef } from '@angular/material/dialog';
import { ActivatedRoute, provideRouter } from '@angular/router';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { UserDetail } from '@steward/shared-domain';
import { InviteUserDialog } from './invite-user-dialog';

const USERS = 'https://api.example.com/api/users';
const bo: UserDetail = {
  id: 'auth0|bo',
  email: 'bo@example.com',
  name: 'Bo',
  blocked: false,
  lastLogin: null,
  loginsCount: 0,
  createdAt: '2025-01-01T00:00:00.000Z',
  emailVerified: false,
  roles: [],
  canManage: true,
};

describe('InviteUserDialog', () => {
  let fixture: ComponentFixture<InviteUserDialog>;
  let http: HttpTestingController;

  beforeEach(async () => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([]),
        { provide: CONSOLE_CONFIG, useValue: { apiUrl: 'https://api.example.com' } },
        { provide: MatDialogRef, useValue: { close: jest.fn() } },
        { provide: MAT_DIALOG_DATA, useFactory: () => ({ relativeTo: TestBed.inject(ActivatedRoute) }) },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(InviteUserDialog);
    await fixture.whenStable();
  });

  afterEach(() => http.verify());

  const root = () => fixture.nativeElement as HTMLElement;
  const testId = (id: string) => root().querySelector(`[data-testid="${id}"]`);

  async function submit(name: string, email: string): Promise<void> {
    const [nameInput, emailInput] = [...root().querySelectorAll('input')];
    nameInput.value = name;
    nameInput.dispatchEvent(new Event('input'));
    emailInput.value = email;
    emailInput.dispatchEvent(new Event('input'));
    (root().querySelector('button[type="submit"]') as HTMLButtonElement).click();
    await fixture.whenStable();
  }

  it('should show the API’s field errors under the fields and the 409 detail above the buttons', async () => {
    await submit(' Bo ', 'bo@example.com');
    const first = http.expectOne({ method: 'POST', url: USERS });
    expect(first.request.body).toEqual({ name: 'Bo', email: 'bo@example.com' });
    first.flush(
      { type: 'about:blank', title: 'Bad Request', status: 400, errors: { email: ['email is not deliverable'] } },
      { status: 400, statusText: 'Bad Request' },
    );
    await fixture.whenStable();
    expect(testId('invite-email-error')?.textContent).toContain('email is not deliverable');

    await submit('Bo', 'bo@example.org');
    http
      .expectOne({ method: 'POST', url: USERS })
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'A user with this email already exists.' },
        { status: 409, statusText: 'Conflict' },
      );
    await fixture.whenStable();
    expect(testId('invite-error')?.textContent).toContain('A user with this email already exists.');
  });

  it('should show the invitation link once the user is created', async () => {
    await submit('Bo', 'bo@example.com');
    http
      .expectOne({ method: 'POST', url: USERS })
      .flush({ user: bo, invitationUrl: 'https://tenant.example/ticket/1' }, { status: 201, statusText: 'Created' });
    await fixture.whenStable();
    expect((testId('invitation-url') as HTMLInputElement).value).toBe('https://tenant.example/ticket/1');
    const open = [...root().querySelectorAll('a')].find((a) => a.textContent?.includes('Open user page'));
    expect(open?.getAttribute('href')).toBe('/auth0%7Cbo');
  });
});
