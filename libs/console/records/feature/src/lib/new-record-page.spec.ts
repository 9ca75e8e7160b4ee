import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import type { Permission, RecordView } from '@steward/shared-domain';
import { of } from 'rxjs';
import { NewRecordPage } from './new-record-page';
import { recordsRoutes } from './records.routes';

const API = 'https://api.example.com';

describe('NewRecordPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;

  async function open(granted: Permission[]) {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter(
          [
            { path: 'records', children: recordsRoutes },
            { path: 'no-access', children: [] },
          ],
          withComponentInputBinding(),
        ),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: API, auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
        {
          provide: CurrentUser,
          useValue: {
            can: (...required: Permission[]) => required.every((p) => granted.includes(p)),
            whenSettled: () => of(new Set(granted)),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/records/new');
  }

  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };

  async function submitTitle(title: string) {
    const input = root().querySelector<HTMLInputElement>('input[formcontrolname="title"]');
    if (!input) throw new Error('no title field');
    input.value = title;
    input.dispatchEvent(new Event('input'));
    await settle();
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
  }

  it('should not open for a user who may not create records', async () => {
    await open(['read:records']);
    expect(TestBed.inject(Router).url).toBe('/no-access?from=%2Frecords%2Fnew');
  });

  it('should not send a record without a title', async () => {
    await open(['read:records', 'create:records']);
    expect(harness.routeDebugElement?.componentInstance).toBeInstanceOf(NewRecordPage);
    await submitTitle('   ');
    http.expectNone(`${API}/api/records`);
    expect(root().textContent).toContain('Enter a title.');
  });

  it('should create the record and open it', async () => {
    await open(['read:records', 'create:records']);
    const snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    await submitTitle('  Boiler ');
    const request = http.expectOne(`${API}/api/records`);
    expect(request.request.body).toEqual({ title: 'Boiler', description: '', status: 'draft', tags: [] });
    const created: RecordView = {
      ...request.request.body,
      id: 'r9',
      version: 1,
      ownerSub: 'auth0|a',
      updatedBy: 'auth0|a',
      createdAt: '2025-01-01T00:00:00.000Z',
      updatedAt: '2025-01-01T00:00:00.000Z',
    };
    request.flush(created, { status: 201, statusText: 'Created', headers: { ETag: '"1"' } });
    await settle();
    expect(snack).toHaveBeenCalledWith('Record created', 'Dismiss', expect.anything());
    expect(TestBed.inject(Router).url).toBe('/records/r9');
    http.expectOne(`${API}/api/records/r9`).flush(created);
    await settle();
    http.expectOne(`${API}/api/records/r9/history`).flush({ items: [] });
  });

  it('should show a problem no field explains above the buttons', async () => {
    await open(['read:records', 'create:records']);
    await submitTitle('Boiler');
    http
      .expectOne(`${API}/api/records`)
      .flush(
        { type: 'about:blank', title: 'Conflict', status: 409, detail: 'Too many records.' },
        { status: 409, statusText: 'Conflict' },
      );
    await settle();
    expect(root().querySelector('[data-testid="form-problem"]')?.textContent?.trim()).toBe('Too many records.');
  });
});
