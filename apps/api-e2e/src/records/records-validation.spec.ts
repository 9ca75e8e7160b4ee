import type { RunningApi } from '@steward/testing-util';
import { RecordsClient, startRecordsApi, userTokens } from '../support/records';

/** SPEC §10: every bad input is a 400 naming the field, and nothing is written. */
describe('Records validation', () => {
  let api: RunningApi;
  let staff: RecordsClient;
  const count = async () => (await staff.listAll({ limit: 100 })).length;

  beforeAll(async () => {
    api = await startRecordsApi('mysql');
    staff = new RecordsClient(api.url, (await userTokens()).staff);
    await staff.create({ title: 'Existing' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  const badBodies: [string, unknown, string][] = [
    ['a missing title', { status: 'draft' }, 'title'],
    ['an empty title', { title: '   ', status: 'draft' }, 'title'],
    ['a 201-character title', { title: 'x'.repeat(201), status: 'draft' }, 'title'],
    ['an object where the title belongs', { title: { $gt: '' }, status: 'draft' }, 'title'],
    ['a number where the title belongs', { title: 42, status: 'draft' }, 'title'],
    ['a 10 001-character description', { title: 't', description: 'd'.repeat(10_001), status: 'draft' }, 'description'],
    ['an unknown status', { title: 't', status: 'published' }, 'status'],
    ['a missing status', { title: 't' }, 'status'],
    ['21 tags', { title: 't', status: 'draft', tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, 'tags'],
    ['a 41-character tag', { title: 't', status: 'draft', tags: ['x'.repeat(41)] }, 'tags'],
    ['tags as a string', { title: 't', status: 'draft', tags: 'a,b' }, 'tags'],
    ['an object among the tags', { title: 't', status: 'draft', tags: [{ name: 'a' }] }, 'tags'],
    ['an unknown field', { title: 't', status: 'draft', priority: 'high' }, 'priority'],
    ['a client-chosen id', { title: 't', status: 'draft', id: '00000000-0000-4000-8000-000000000000' }, 'id'],
    ['a client-chosen owner', { title: 't', status: 'draft', ownerSub: 'auth0|someone-else' }, 'ownerSub'],
    ['a null title', { title: null, status: 'draft' }, 'title'],
    ['a null description', { title: 't', description: null, status: 'draft' }, 'description'],
    ['a null status', { title: 't', status: null }, 'status'],
    ['null tags', { title: 't', status: 'draft', tags: null }, 'tags'],
    ['a null among the tags', { title: 't', status: 'draft', tags: ['a', null] }, 'tags'],
  ];

  it.each(badBodies)('should refuse %s with a 400 naming the field, writing nothing', async (_name, body, field) => {
    const before = await count();
    const response = await staff.request('', { method: 'POST', body });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const problem = await response.json();
    expect(problem).toMatchObject({ status: 400, title: 'Invalid request' });
    expect(Object.keys(problem.errors)).toContain(field);
    expect(await count()).toBe(before);
  });

  it('should refuse a body that is not a JSON object', async () => {
    for (const body of [[{ title: 't', status: 'draft' }], 'title', null]) {
      expect((await staff.request('', { method: 'POST', body })).status).toBe(400);
    }
  });

  it.each(['title', 'description', 'status', 'tags'])(
    'should refuse a PATCH setting %s to null with a 400 naming it, changing nothing',
    async (field) => {
      const created = await staff.create({ title: 'Patched with null', description: 'kept', tags: ['kept'] });
      const response = await staff.patch(created.id, { [field]: null }, `"${created.version}"`);
      expect(response.status).toBe(400);
      expect(Object.keys((await response.json()).errors)).toEqual([field]);
      expect(await (await staff.request(`/${created.id}`)).json()).toMatchObject({
        title: 'Patched with null',
        description: 'kept',
        tags: ['kept'],
        version: created.version,
      });
    },
  );

  const badQueries: [string, string, string][] = [
    ['limit=0', 'limit=0', 'limit'],
    ['limit=101', 'limit=101', 'limit'],
    ['limit=1000000', 'limit=1000000', 'limit'],
    ['a non-numeric limit', 'limit=ten', 'limit'],
    ['an unknown sort', 'sort=ownerSub', 'sort'],
    ['a sort on an unlisted column', 'sort=-deletedAt', 'sort'],
    ['an unknown status', 'status=gone', 'status'],
    ['a garbage cursor', 'cursor=not-a-cursor', 'cursor'],
    ['a forged cursor', `cursor=${Buffer.from('{"sort":"title","value":1}').toString('base64url')}`, 'cursor'],
    ['an over-long search', `q=${'x'.repeat(201)}`, 'q'],
    ['an unknown parameter', 'owner=me', 'owner'],
  ];

  it.each(badQueries)('should refuse %s with a 400 naming the parameter', async (_name, query, field) => {
    const response = await staff.request(`?${query}`);
    expect(response.status).toBe(400);
    expect(Object.keys((await response.json()).errors)).toContain(field);
  });

  it('should refuse a cursor made for another sort', async () => {
    await staff.create({ title: 'Second' });
    const { nextCursor } = await staff.list({ limit: 1, sort: 'title' });
    const response = await staff.request(`?sort=-title&cursor=${nextCursor}`);
    expect(response.status).toBe(400);
    expect((await response.json()).errors).toHaveProperty('cursor');
  });
});
