import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting, type TestRequest } from '@angular/common/http/testing';
import { signal } from '@angular/core';
import { TestbedHarnessEnvironment } from '@angular/cdk/testing/testbed';
import { TestBed } from '@angular/core/testing';
import { MatDialog } from '@angular/material/dialog';
import { MatSelectHarness } from '@angular/material/select/testing';
import { MatSnackBar } from '@angular/material/snack-bar';
import { provideRouter, Router, withComponentInputBinding } from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { CONSOLE_CONFIG, CurrentUser } from '@steward/console-auth-data-access';
import type { Permission, RecordView } from '@steward/shared-domain';
import { of, Subject } from 'rxjs';
import { RecordsListPage } from './records-list-page';
import { recordsRoutes } from './records.routes';

const API = 'https://api.example.com';
const LIST = `${API}/api/records`;

const aRecord = (id: string, overrides: Partial<RecordView> = {}): RecordView => ({
  id,
  title: `Record ${id}`,
  description: '',
  status: 'active',
  tags: ['plant'],
  version: 1,
  ownerSub: 'auth0|a',
  updatedBy: 'auth0|a',
  createdAt: '2025-01-01T10:00:00.000Z',
  updatedAt: '2025-01-02T10:00:00.000Z',
  ...overrides,
});

const VIEWER: Permission[] = ['read:records'];
const ADMIN: Permission[] = ['read:records', 'create:records', 'update:records', 'delete:records'];

describe('RecordsListPage', () => {
  let harness: RouterTestingHarness;
  let http: HttpTestingController;
  let router: Router;

  async function open(url: string, granted: Permission[] = VIEWER, extraProviders: unknown[] = []) {
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
        ...(extraProviders as []),
      ],
    });
    http = TestBed.inject(HttpTestingController);
    router = TestBed.inject(Router);
    harness = await RouterTestingHarness.create();
    await harness.navigateByUrl(url, RecordsListPage);
  }

  afterEach(() => http.verify());

  const root = () => harness.routeNativeElement as HTMLElement;
  const listRequest = (): TestRequest => http.expectOne((request) => request.url === LIST);
  const params = (request: TestRequest) =>
    Object.fromEntries(request.request.params.keys().map((key) => [key, request.request.params.get(key)]));
  const button = (label: string) =>
    [...root().querySelectorAll<HTMLButtonElement>('button, a')].find((el) => el.textContent?.trim() === label);
  const settle = async () => {
    await harness.fixture.whenStable();
    harness.detectChanges();
  };
  const query = () => router.parseUrl(router.url).queryParams;

  it('should ask the API for exactly what the URL says', async () => {
    await open('/records?q=pump&status=archived&sort=title&limit=50&cursor=c2&after=c1');
    expect(params(listRequest())).toEqual({ q: 'pump', status: 'archived', sort: 'title', limit: '50', cursor: 'c2' });
  });

  it('should ask for the first page with the defaults when the URL says nothing, ignoring unknown values', async () => {
    await open('/records?status=lost&sort=owner&limit=7');
    expect(params(listRequest())).toEqual({ sort: '-updatedAt', limit: '20' });
  });

  it('should page forward and back through the cursors kept in the URL', async () => {
    await open('/records');
    listRequest().flush({ items: [aRecord('1')], nextCursor: 'c2' });
    await settle();
    expect(button('Previous page')?.disabled).toBe(true);

    button('Next page')?.click();
    await settle();
    expect(query()).toEqual({ cursor: 'c2' });
    const page2 = listRequest();
    expect(params(page2)).toEqual({ cursor: 'c2', sort: '-updatedAt', limit: '20' });
    page2.flush({ items: [aRecord('2')], nextCursor: 'c3' });
    await settle();
    expect(root().textContent).toContain('Page 2');

    button('Next page')?.click();
    await settle();
    expect(query()).toEqual({ cursor: 'c3', after: 'c2' });
    listRequest().flush({ items: [aRecord('3')], nextCursor: null });
  });

  it('should keep the trail of earlier pages in the URL so Previous works from a copied link', async () => {
    await open('/records?status=active&cursor=c3&after=c2');
    listRequest().flush({ items: [aRecord('3')], nextCursor: 'c4' });
    await settle();
    expect(root().textContent).toContain('Page 3');

    button('Next page')?.click();
    await settle();
    expect(query()).toEqual({ status: 'active', cursor: 'c4', after: ['c2', 'c3'] });
    const page4 = listRequest();
    expect(params(page4)).toMatchObject({ cursor: 'c4', status: 'active' });
    page4.flush({ items: [aRecord('4')], nextCursor: null });
    await settle();
    expect(button('Next page')?.disabled).toBe(true);

    button('Previous page')?.click();
    await settle();
    expect(query()).toEqual({ status: 'active', cursor: 'c3', after: 'c2' });
    listRequest().flush({ items: [aRecord('3')], nextCursor: 'c4' });
    await settle();

    button('Previous page')?.click();
    await settle();
    expect(query()).toEqual({ status: 'active', cursor: 'c2' });
    listRequest().flush({ items: [aRecord('2')], nextCursor: 'c3' });
    await settle();

    button('Previous page')?.click();
    await settle();
    expect(query()).toEqual({ status: 'active' });
    expect(params(listRequest())).toEqual({ status: 'active', sort: '-updatedAt', limit: '20' });
  });

  it('should put the search in the URL 300 ms after typing stops, back on the first page', async () => {
    await open('/records?cursor=c2&sort=title');
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();

    const input = root().querySelector<HTMLInputElement>('input[type="search"]');
    if (!input) throw new Error('no search field');
    for (const text of ['p', 'pu', 'pump ']) {
      input.value = text;
      input.dispatchEvent(new Event('input'));
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(query()).toEqual({ cursor: 'c2', sort: 'title' });
    http.expectNone(LIST);

    await new Promise((resolve) => setTimeout(resolve, 300));
    await settle();
    expect(query()).toEqual({ q: 'pump', sort: 'title' });
    expect(params(listRequest())).toEqual({ q: 'pump', sort: 'title', limit: '20' });
  });

  it('should filter by status and change the page size from the selects, back on the first page', async () => {
    await open('/records?cursor=c2&after=c1&q=pump');
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();
    const loader = TestbedHarnessEnvironment.loader(harness.fixture);
    const status = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="status-filter"]' }));
    expect(await status.getValueText()).toBe('All statuses');

    await status.open();
    await status.clickOptions({ text: 'Archived' });
    await settle();
    expect(query()).toEqual({ q: 'pump', status: 'archived' });
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();

    const size = await loader.getHarness(MatSelectHarness.with({ selector: '[data-testid="page-size"]' }));
    await size.open();
    await size.clickOptions({ text: '50' });
    await settle();
    expect(query()).toEqual({ q: 'pump', status: 'archived', limit: '50' });
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();

    await status.open();
    await status.clickOptions({ text: 'All statuses' });
    await settle();
    expect(query()).toEqual({ q: 'pump', limit: '50' });
    expect(params(listRequest())).toEqual({ q: 'pump', limit: '50', sort: '-updatedAt' });
  });

  it('should sort by a column header and start over from the first page', async () => {
    await open('/records?cursor=c2&after=c1');
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();
    root().querySelector<HTMLElement>('th.mat-column-title')?.click();
    await settle();
    expect(query()).toEqual({ sort: 'title' });
    expect(params(listRequest())).toEqual({ sort: 'title', limit: '20' });
  });

  it('should show neither New record nor Delete to a user who may only read', async () => {
    await open('/records', VIEWER);
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();
    expect(root().querySelector('a[href="/records/1"]')?.textContent?.trim()).toBe('Record 1');
    expect(button('New record')).toBeUndefined();
    expect(root().querySelector('[aria-label^="Delete"]')).toBeNull();
  });

  it('should show New record and Delete to an admin', async () => {
    await open('/records', ADMIN);
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();
    expect(button('New record')?.getAttribute('href')).toBe('/records/new');
    expect(root().querySelector('[aria-label="Delete Record 1"]')).not.toBeNull();
  });

  it('should tell an empty list from no matches', async () => {
    await open('/records', ADMIN);
    listRequest().flush({ items: [], nextCursor: null });
    await settle();
    expect(root().textContent).toContain('No records yet');
    expect(button('Create a record')).toBeDefined();

    await harness.navigateByUrl('/records?q=zzz&status=draft');
    listRequest().flush({ items: [], nextCursor: null });
    await settle();
    expect(root().textContent).toContain('No records match');
    button('Clear filters')?.click();
    await settle();
    expect(query()).toEqual({});
    listRequest().flush({ items: [], nextCursor: null });
  });

  it('should show a failure inline and try again', async () => {
    await open('/records');
    listRequest().flush(
      { type: 'about:blank', title: 'Bad Gateway', status: 502 },
      { status: 502, statusText: 'Bad Gateway' },
    );
    await settle();
    expect(root().querySelector('[role="alert"]')?.textContent).toContain('We could not load the records');
    button('Try again')?.click();
    await settle();
    listRequest().flush({ items: [aRecord('1')], nextCursor: null });
    await settle();
    expect(root().querySelector('[role="alert"]')).toBeNull();
    expect(root().textContent).toContain('Record 1');
  });

  it('should delete after confirmation, drop the row, and restore on Undo', async () => {
    const undo = new Subject<void>();
    await open('/records', ADMIN, [
      { provide: MatDialog, useValue: { open: () => ({ afterClosed: () => of(true) }) } },
    ]);
    const open$ = jest
      .spyOn(TestBed.inject(MatSnackBar), 'open')
      .mockReturnValue({ onAction: () => undo } as unknown as ReturnType<MatSnackBar['open']>);
    listRequest().flush({ items: [aRecord('1'), aRecord('2')], nextCursor: null });
    await settle();

    root().querySelector<HTMLButtonElement>('[aria-label="Delete Record 1"]')?.click();
    const deletion = http.expectOne(`${LIST}/1`);
    expect(deletion.request.method).toBe('DELETE');
    deletion.flush(null, { status: 204, statusText: 'No Content' });
    await settle();
    expect(root().querySelector('a[href="/records/1"]')).toBeNull();
    expect(root().querySelector('a[href="/records/2"]')).not.toBeNull();
    expect(open$).toHaveBeenCalledWith('Record deleted', 'Undo', expect.objectContaining({ duration: 8000 }));

    undo.next();
    http.expectOne(`${LIST}/1/restore`).flush(aRecord('1', { version: 3 }));
    listRequest().flush({ items: [aRecord('1'), aRecord('2')], nextCursor: null });
    await settle();
    expect(root().querySelector('a[href="/records/1"]')).not.toBeNull();
  });
});
