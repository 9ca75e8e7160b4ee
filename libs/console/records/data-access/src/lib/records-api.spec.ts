import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { CONSOLE_CONFIG } from '@steward/console-auth-data-access';
import type { RecordView } from '@steward/shared-domain';
import { firstValueFrom } from 'rxjs';
import { currentEtagOf, RecordsApi } from './records-api';

const API = 'https://api.example.com';

const record: RecordView = {
  id: 'r 1',
  title: 'Boiler',
  description: '',
  status: 'draft',
  tags: [],
  version: 3,
  ownerSub: 'auth0|a',
  updatedBy: 'auth0|a',
  createdAt: '2025-01-01T00:00:00.000Z',
  updatedAt: '2025-01-02T00:00:00.000Z',
};

describe('RecordsApi', () => {
  let api: RecordsApi;
  let http: HttpTestingController;

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: CONSOLE_CONFIG,
          useValue: { apiUrl: API, auth0Domain: 'x', auth0ClientId: 'y', auth0Audience: 'z' },
        },
      ],
    });
    api = TestBed.inject(RecordsApi);
    http = TestBed.inject(HttpTestingController);
  });

  afterEach(() => http.verify());

  it('should list with the given query and leave empty parameters out', async () => {
    const page = firstValueFrom(api.list({ limit: 10, cursor: null, status: 'active', q: '', sort: '-title' }));
    const request = http.expectOne((r) => r.url === `${API}/api/records`);
    expect(request.request.method).toBe('GET');
    expect(request.request.params.keys().sort()).toEqual(['limit', 'sort', 'status']);
    expect(request.request.urlWithParams).toBe(`${API}/api/records?limit=10&status=active&sort=-title`);
    request.flush({ items: [record], nextCursor: 'c2' });
    expect(await page).toEqual({ items: [record], nextCursor: 'c2' });
  });

  it('should send nothing but the URL when listing without a query', () => {
    api.list().subscribe();
    http.expectOne(`${API}/api/records`).flush({ items: [], nextCursor: null });
  });

  it('should read the ETag of a record it gets, encoding the id in the URL', async () => {
    const result = firstValueFrom(api.get('r 1'));
    http.expectOne(`${API}/api/records/r%201`).flush(record, { headers: { ETag: '"7"' } });
    expect(await result).toEqual({ record, etag: '"7"' });
  });

  it('should fall back to the version in the body when the ETag header is not readable', async () => {
    const result = firstValueFrom(api.get('r 1'));
    http.expectOne(`${API}/api/records/r%201`).flush(record);
    expect((await result).etag).toBe('"3"');
  });

  it('should create with a POST of the input', async () => {
    const input = { title: 'Boiler', description: '', status: 'draft' as const, tags: ['a'] };
    const result = firstValueFrom(api.create(input));
    const request = http.expectOne(`${API}/api/records`);
    expect(request.request.method).toBe('POST');
    expect(request.request.body).toEqual(input);
    request.flush(record, { status: 201, statusText: 'Created', headers: { ETag: '"1"' } });
    expect(await result).toEqual({ record, etag: '"1"' });
  });

  it('should update only the given fields, conditional on the ETag', async () => {
    const result = firstValueFrom(api.update('r 1', { title: 'Pump' }, '"3"'));
    const request = http.expectOne(`${API}/api/records/r%201`);
    expect(request.request.method).toBe('PATCH');
    expect(request.request.headers.get('If-Match')).toBe('"3"');
    expect(request.request.body).toEqual({ title: 'Pump' });
    request.flush({ ...record, title: 'Pump', version: 4 }, { headers: { ETag: '"4"' } });
    expect(await result).toMatchObject({ record: { title: 'Pump' }, etag: '"4"' });
  });

  it('should let a 412 through with the current ETag readable', async () => {
    const result = firstValueFrom(api.update('r 1', { title: 'Pump' }, '"3"'));
    http
      .expectOne(`${API}/api/records/r%201`)
      .flush(
        { type: 'about:blank', title: 'Precondition Failed', status: 412 },
        { status: 412, statusText: 'Precondition Failed', headers: { ETag: '"5"' } },
      );
    const error = await result.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(currentEtagOf(error)).toBe('"5"');
  });

  it('should delete, restore and read history at their URLs', async () => {
    const deleted = firstValueFrom(api.delete('r1'));
    const del = http.expectOne(`${API}/api/records/r1`);
    expect(del.request.method).toBe('DELETE');
    del.flush(null, { status: 204, statusText: 'No Content' });
    await expect(deleted).resolves.toBeUndefined();

    const restored = firstValueFrom(api.restore('r1'));
    const restore = http.expectOne(`${API}/api/records/r1/restore`);
    expect(restore.request.method).toBe('POST');
    restore.flush(record, { headers: { ETag: '"4"' } });
    expect((await restored).etag).toBe('"4"');

    const history = firstValueFrom(api.history('r1'));
    const change = { action: 'created', actorSub: 'auth0|a', at: record.createdAt, changes: {} };
    http.expectOne(`${API}/api/records/r1/history`).flush({ items: [change] });
    expect(await history).toEqual([change]);
  });
});
