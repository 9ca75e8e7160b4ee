import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import type { Permission, RecordView } from '@steward/shared-domain';
import { of } from 'rxjs';
import { RecordPage } from './record-page';
import { recordsRoutes } from './records.routes';

const API = 'https://api.example.com';
const RECORD_URL = `${API}/api/records/r1`;

const loaded: RecordView = {
  id: 'r1',
  title: 'Boiler',
  description: 'In the basement',
  status: 'draft',
  tags: ['plant'],
  version: 3,
  ownerSub: 'auth0|ada',
  updatedBy: 'auth0|ada',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
};
/** What someone else saved meanwhile: another title and another status. */
const theirs: RecordView = { ...loaded, title: 'Boiler room', status: 'active', version: 4, updatedBy: 'auth0|bob' };

const STAFF: Permission[] = ['read:records', 'create:records', 'update:records'];
const VIEWER: Permission[] = ['read:records'];

const stale = () => ({
  body: { type: 'about:blank', title: 'Precondition Failed', status: 412, detail: 'The record changed.' },
  options: { status: 412, statusText: 'Precondition Failed', headers: { ETag: '"4"' } },
});

describe('RecordPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let snack: jest.SpyInstance;

  async function open(granted: Permission[]) {
    const permissions = signal(new Set(granted));
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        provideRouter([{ path: 'records', children: recordsRoutes }], withComponentInputBinding()),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: API, auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
        {
          provide: CurrentUser,
          useValue: {
            can: (...required: Permission[]) => required.every((p) => permissions().has(p)),
            whenSettled: () => of(permissions()),
          },
        },
      ],
    });
    http = TestBed.inject(HttpTestingController);
    snack = jest.spyOn(TestBed.inject(MatSnackBar), 'open');
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl('/records/r1', RecordPage);
    await settle();
  }

  /** History loads with every version shown; tests that do not look at it answer it empty. */
  const answerHistory = (items: unknown[] = []) =>
    http
      .match(`${RECORD_URL}/history`)
      .filter((request) => !request.cancelled)
      .forEach((request) => request.flush({ items }));

  afterEach(() => {
    answerHistory();
    http.verify();
  });

  const root = () => harness.routeNativeElement as HTMLElement;
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  const button = (label: string) =>
    [...root().querySelectorAll<HTMLButtonElement>('button, a')].find((el) => el.textContent?.trim() === label);
  const titleInput = () => root().querySelector<HTMLInputElement>('input[formcontrolname="title"]');
  const conflict = () => root().querySelector<HTMLElement>('[data-testid="conflict"]');
  const compared = (field: string) =>
    [...(conflict()?.querySelectorAll(`[data-field="${field}"] td`) ?? [])].map((td) => td.textContent?.trim());

  async function loadRecord() {
    http.expectOne(RECORD_URL).flush(loaded, { headers: { ETag: '"3"' } });
    await settle();
  }

  async function saveTitle(title: string) {
    const input = titleInput();
    if (!input) throw new Error('no title field');
    input.value = title;
    input.dispatchEvent(new Event('input'));
    await settle();
    root().querySelector<HTMLButtonElement>('button[type="submit"]')?.click();
    await settle();
  }

  /** Saves a new title, which fails because someone else saved version 4 meanwhile. */
  async function runIntoConflict() {
    await open(STAFF);
    await loadRecord();
    await saveTitle('Boiler 2');
    const patch = http.expectOne(RECORD_URL);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"3"');
    expect(patch.request.body).toEqual({ title: 'Boiler 2' });
    const { body, options } = stale();
    patch.flush(body, options);
    await settle();
    const current = http.expectOne(RECORD_URL);
    expect(current.request.method).toBe('GET');
    current.flush(theirs, { headers: { ETag: '"4"' } });
    await settle();
  }

  it('should show both versions of the fields the user changed when someone else saved first', async () => {
    await runIntoConflict();
    expect(conflict()?.getAttribute('role')).toBe('alert');
    expect(conflict()?.querySelector('h2')?.textContent).toContain('This record was changed by someone else');
    expect(conflict()?.querySelectorAll('h1, h2, h3, [role="heading"]')).toHaveLength(1);
    expect(compared('title')).toEqual(['Boiler 2', 'Boiler room']);
    // Status changed too, but not by this user: shown, and marked as kept when re-applying.
    expect(compared('status')).toEqual(['Draft', 'Active']);
    expect(conflict()?.querySelector('[data-field="status"] th')?.textContent).toContain('You did not change this');
    expect(conflict()?.querySelector('[data-field="title"] th')?.textContent).not.toContain('You did not change');
    expect(conflict()?.querySelector('[data-field="tags"]')).toBeNull();
    expect(titleInput()?.disabled).toBe(true);
  });

  it('should re-apply only my changes on top of the current version', async () => {
    await runIntoConflict();
    button('Re-apply my changes')?.click();
    await settle();
    const patch = http.expectOne(RECORD_URL);
    expect(patch.request.method).toBe('PATCH');
    expect(patch.request.headers.get('If-Match')).toBe('"4"');
    expect(patch.request.body).toEqual({ title: 'Boiler 2' });
    patch.flush({ ...theirs, title: 'Boiler 2', version: 5 }, { headers: { ETag: '"5"' } });
    await settle();

    expect(conflict()).toBeNull();
    expect(titleInput()?.value).toBe('Boiler 2');
    expect(root().textContent).toContain('Version 5');
    expect(snack).toHaveBeenCalledWith('Record saved', 'Dismiss', expect.anything());
  });

  it('should discard my changes and edit the current version on Reload', async () => {
    await runIntoConflict();
    button('Reload')?.click();
    await settle();
    expect(conflict()).toBeNull();
    expect(titleInput()?.value).toBe('Boiler room');
    expect(titleInput()?.disabled).toBe(false);

    // The next save is conditional on the version Reload brought in.
    await saveTitle('Boiler room 2');
    const patch = http.expectOne(RECORD_URL);
    expect(patch.request.headers.get('If-Match')).toBe('"4"');
    expect(patch.request.body).toEqual({ title: 'Boiler room 2' });
    patch.flush({ ...theirs, title: 'Boiler room 2', version: 5 }, { headers: { ETag: '"5"' } });
    await settle();
  });

  it('should open the conflict again when the record changes once more before re-applying lands', async () => {
    await runIntoConflict();
    button('Re-apply my changes')?.click();
    await settle();
    const { body, options } = stale();
    http.expectOne(RECORD_URL).flush(body, options);
    await settle();
    http.expectOne(RECORD_URL).flush({ ...theirs, title: 'Boiler hall', version: 6 }, { headers: { ETag: '"6"' } });
    await settle();
    expect(compared('title')).toEqual(['Boiler 2', 'Boiler hall']);
  });

  it('should put the API’s validation messages under their field', async () => {
    await open(STAFF);
    await loadRecord();
    await saveTitle('Boiler 2');
    http.expectOne(RECORD_URL).flush(
      {
        type: 'about:blank',
        title: 'Invalid request',
        status: 400,
        detail: 'Check title.',
        errors: { title: ['title is already used'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await settle();
    expect(root().querySelector('[data-testid="title-error"]')?.textContent?.trim()).toBe('title is already used');
    expect(root().querySelector('[data-testid="form-problem"]')).toBeNull();
    expect(titleInput()?.value).toBe('Boiler 2');
  });

  it('should show the record read-only with its history, without Save or Delete, to a user who may only read', async () => {
    await open(VIEWER);
    await loadRecord();
    answerHistory([
      {
        action: 'updated',
        actorSub: 'auth0|bob',
        at: '2025-01-02T10:00:00.000Z',
        changes: { title: { from: 'Old boiler', to: 'Boiler' }, tags: { from: [], to: ['plant'] } },
      },
    ]);
    await settle();
    const history = root().querySelector('[data-testid="history"]')?.textContent;
    expect(history).toContain('auth0|bob');
    expect(history).toMatch(/Title:\s*Old boiler\s*→\s*Boiler/);
    expect(history).toMatch(/Tags:\s*—\s*→\s*plant/);
    expect(root().querySelector('[data-testid="read-only"]')?.textContent).toContain('In the basement');
    expect(root().querySelector('form')).toBeNull();
    expect(button('Delete')).toBeUndefined();
  });

  it('should say so when the record does not exist', async () => {
    await open(VIEWER);
    http
      .expectOne(RECORD_URL)
      .flush({ type: 'about:blank', title: 'Not Found', status: 404 }, { status: 404, statusText: 'Not Found' });
    await settle();
    expect(root().querySelector('[data-testid="missing"]')?.textContent).toContain(
      'This record does not exist or was deleted',
    );
    expect(button('Back to records')?.getAttribute('href')).toBe('/records');
  });
});
