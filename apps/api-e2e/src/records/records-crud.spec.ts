import type { RunningApi } from '@steward/testing-util';
import { expectRefusal } from '../support/http';
import { DATABASES, RecordsClient, startRecordsApi, userTokens } from '../support/records';

describe.each(DATABASES)('Records CRUD on %s', (database) => {
  let api: RunningApi;
  let staff: RecordsClient;
  let admin: RecordsClient;
  let viewer: RecordsClient;
  let tokens: Awaited<ReturnType<typeof userTokens>>;

  beforeAll(async () => {
    api = await startRecordsApi(database);
    tokens = await userTokens();
    staff = new RecordsClient(api.url, tokens.staff);
    admin = new RecordsClient(api.url, tokens.admin);
    viewer = new RecordsClient(api.url, tokens.viewer);
  });

  afterAll(async () => {
    await api?.stop();
  });

  it('should create a record with 201, Location and ETag, owned by the caller', async () => {
    const response = await staff.request('', {
      method: 'POST',
      body: { title: '  Vendor review ', description: 'Q3', status: 'active', tags: ['finance'] },
    });
    expect(response.status).toBe(201);
    const created = await response.json();
    expect(created).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      title: 'Vendor review',
      description: 'Q3',
      status: 'active',
      tags: ['finance'],
      version: 1,
      ownerSub: expect.stringMatching(/^auth0\|/),
      updatedBy: created.ownerSub,
      createdAt: expect.any(String),
      updatedAt: created.createdAt,
    });
    expect(response.headers.get('location')).toBe(`/api/records/${created.id}`);
    expect(response.headers.get('etag')).toBe('"1"');

    const fetched = await fetch(`${api.url}${response.headers.get('location')}`, {
      headers: { authorization: `Bearer ${tokens.viewer}` },
    });
    expect(fetched.status).toBe(200);
    expect(fetched.headers.get('etag')).toBe('"1"');
    expect(await fetched.json()).toEqual(created);
  });

  it('should check each permission: viewers cannot create, staff cannot delete', async () => {
    await expectRefusal(await viewer.request('', { method: 'POST', body: { title: 'x', status: 'draft' } }), {
      status: 403,
      error: 'insufficient_scope',
      scope: 'create:records',
    });
    const record = await staff.create({ title: 'Keep me' });
    await expectRefusal(await staff.request(`/${record.id}`, { method: 'DELETE' }), {
      status: 403,
      error: 'insufficient_scope',
      scope: 'delete:records',
    });
    await expectRefusal(await viewer.patch(record.id, { title: 'y' }, '"1"'), {
      status: 403,
      error: 'insufficient_scope',
      scope: 'update:records',
    });
  });

  describe('PATCH', () => {
    it('should apply a change made on the current version and bump the ETag', async () => {
      const record = await staff.create({ title: 'Draft contract', tags: ['legal'] });
      const response = await staff.patch(record.id, { title: 'Signed contract', status: 'active' }, '"1"');
      expect(response.status).toBe(200);
      expect(response.headers.get('etag')).toBe('"2"');
      expect(await response.json()).toMatchObject({
        title: 'Signed contract',
        status: 'active',
        tags: ['legal'],
        version: 2,
      });
    });

    it('should require If-Match (428) and refuse a stale version (412) without writing', async () => {
      const record = await staff.create({ title: 'Budget' });
      expect((await staff.patch(record.id, { title: 'Budget v2' }, '"1"')).status).toBe(200);
      const missing = await staff.patch(record.id, { title: 'lost' });
      expect(missing.status).toBe(428);
      expect(missing.headers.get('content-type')).toMatch(/^application\/problem\+json/);
      const stale = await staff.patch(record.id, { title: 'lost' }, '"1"');
      expect(stale.status).toBe(412);
      expect(stale.headers.get('etag')).toBe('"2"');
      expect(await (await staff.request(`/${record.id}`)).json()).toMatchObject({ title: 'Budget v2', version: 2 });
    });

    it.each([['id'], ['version'], ['ownerSub'], ['updatedBy'], ['createdAt'], ['updatedAt'], ['orgId'], ['deletedAt']])(
      'should refuse the server-owned field %s with 400 and write nothing',
      async (field) => {
        const record = await staff.create({ title: `Owned ${field}` });
        const response = await staff.patch(record.id, { title: 'changed', [field]: 'x' }, '"1"');
        expect(response.status).toBe(400);
        expect((await response.json()).errors).toHaveProperty(field);
        expect(await (await staff.request(`/${record.id}`)).json()).toMatchObject({
          title: `Owned ${field}`,
          version: 1,
        });
      },
    );
  });

  describe('DELETE and restore', () => {
    it('should soft-delete, hide the record, and bring it back on restore', async () => {
      const record = await admin.create({ title: 'Temporary' });
      expect((await admin.request(`/${record.id}`, { method: 'DELETE' })).status).toBe(204);
      expect((await admin.request(`/${record.id}`)).status).toBe(404);
      expect((await admin.list({ q: 'Temporary' })).items).toEqual([]);
      expect((await admin.patch(record.id, { title: 'x' }, '"2"')).status).toBe(404);

      const restored = await admin.request(`/${record.id}/restore`, { method: 'POST' });
      expect(restored.status).toBe(200);
      expect(await restored.json()).toMatchObject({ id: record.id, title: 'Temporary', version: 3 });
      expect((await admin.request(`/${record.id}`)).status).toBe(200);
      expect((await admin.request(`/${record.id}/restore`, { method: 'POST' })).status).toBe(409);
    });

    it('should answer 404 for a record that never existed', async () => {
      for (const [method, path] of [
        ['GET', ''],
        ['DELETE', ''],
        ['POST', '/restore'],
        ['GET', '/history'],
      ]) {
        expect((await admin.request(`/00000000-0000-4000-8000-000000000000${path}`, { method })).status).toBe(404);
      }
    });
  });

  describe('history and audit', () => {
    it('should record who changed which field from what to what, and audit each change with its request id', async () => {
      const record = await admin.create({ title: 'Audited', tags: ['a'] });
      const patch = await admin.patch(record.id, { tags: ['a', 'b'] }, '"1"');
      await admin.request(`/${record.id}`, { method: 'DELETE' });
      await admin.request(`/${record.id}/restore`, { method: 'POST' });

      const history = await (await staff.request(`/${record.id}/history`)).json();
      expect(history.items.map((item: { action: string }) => item.action)).toEqual([
        'restored',
        'deleted',
        'updated',
        'created',
      ]);
      expect(history.items[2]).toMatchObject({
        actorSub: record.ownerSub,
        changes: { tags: { from: ['a'], to: ['a', 'b'] } },
      });

      const audit = await (
        await fetch(`${api.url}/api/audit?limit=100`, { headers: { authorization: `Bearer ${tokens.admin}` } })
      ).json();
      const mine = audit.items.filter((event: { targetId: string }) => event.targetId === record.id);
      expect(mine.map((event: { action: string }) => event.action)).toEqual([
        'record.restored',
        'record.deleted',
        'record.updated',
        'record.created',
      ]);
      expect(mine[2].requestId).toBe(patch.headers.get('x-request-id'));
      await expectRefusal(
        await fetch(`${api.url}/api/audit`, { headers: { authorization: `Bearer ${tokens.staff}` } }),
        { status: 403, error: 'insufficient_scope', scope: 'read:audit' },
      );
    });
  });

  describe('concurrent edits', () => {
    it('should let exactly one of 20 simultaneous PATCHes with the same ETag win', async () => {
      const record = await staff.create({ title: 'Contended' });
      const responses = await Promise.all(
        Array.from({ length: 20 }, (_, i) => staff.patch(record.id, { title: `Edit ${i}` }, '"1"')),
      );
      const statuses = responses.map((response) => response.status).sort();
      expect(statuses).toEqual([200, ...Array(19).fill(412)]);
      const history = await (await staff.request(`/${record.id}/history`)).json();
      expect(history.items.filter((item: { action: string }) => item.action === 'updated')).toHaveLength(1);
      expect(await (await staff.request(`/${record.id}`)).json()).toMatchObject({ version: 2 });
    });
  });

  describe('durability', () => {
    it('should keep every acknowledged record across an API restart', async () => {
      const first = await startRecordsApi(database);
      try {
        const record = await new RecordsClient(first.url, tokens.staff).create({ title: 'Survivor' });
        await first.process.stop();
        const second = await startRecordsApi({ url: first.databaseUrl });
        try {
          const response = await new RecordsClient(second.url, tokens.staff).request(`/${record.id}`);
          expect(response.status).toBe(200);
          expect(await response.json()).toEqual(record);
        } finally {
          await second.stop();
        }
      } finally {
        await first.stop();
      }
    });
  });
});
