import type { RecordView } from '@steward/shared-domain';
import type { RunningApi } from '@steward/testing-util';
import { DATABASES, RecordsClient, startRecordsApi, userTokens } from '../support/records';

describe.each(DATABASES)('Records listing on %s', (database) => {
  let api: RunningApi;
  let staff: RecordsClient;
  let admin: RecordsClient;
  let seeded: RecordView[];

  beforeAll(async () => {
    api = await startRecordsApi(database);
    const tokens = await userTokens();
    staff = new RecordsClient(api.url, tokens.staff);
    admin = new RecordsClient(api.url, tokens.admin);
    seeded = [];
    // Duplicate titles make the id tie-breaker matter.
    for (let i = 0; i < 23; i += 1) {
      seeded.push(
        await staff.create({
          title: `Item ${String(i % 9).padStart(2, '0')}`,
          status: i % 3 === 0 ? 'archived' : 'active',
        }),
      );
    }
  });

  afterAll(async () => {
    await api?.stop();
  });

  const ids = (records: RecordView[]) => records.map((record) => record.id);

  it.each(['title', '-title', 'updatedAt', '-updatedAt', 'createdAt', '-createdAt'])(
    'should page through every record exactly once in a stable total order (sort=%s)',
    async (sort) => {
      const all = await staff.listAll({ limit: 7, sort });
      expect(all).toHaveLength(seeded.length);
      expect(new Set(ids(all)).size).toBe(seeded.length);
      const field = sort.replace('-', '') as 'title' | 'updatedAt' | 'createdAt';
      const expected = [...all].sort((a, b) =>
        a[field] === b[field] ? a.id.localeCompare(b.id) : a[field] < b[field] ? -1 : 1,
      );
      expect(ids(all)).toEqual(ids(sort.startsWith('-') ? expected.reverse() : expected));
    },
  );

  it('should default to 20 per page, most recently updated first', async () => {
    const page = await staff.list();
    expect(page.items).toHaveLength(20);
    expect(page.items[0].updatedAt >= page.items[19].updatedAt).toBe(true);
    expect(page.nextCursor).toEqual(expect.any(String));
  });

  it('should filter by status and find text in titles', async () => {
    const archived = await staff.listAll({ status: 'archived', limit: 100 });
    expect(archived.length).toBe(seeded.filter((record) => record.status === 'archived').length);
    expect(archived.every((record) => record.status === 'archived')).toBe(true);
    const found = await staff.listAll({ q: 'item 04', limit: 100 });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((record) => record.title === 'Item 04')).toBe(true);
    expect((await staff.list({ q: '100%_!' })).items).toEqual([]);
  });

  it('should neither repeat nor skip records while others insert and delete between pages', async () => {
    const first = await staff.list({ limit: 5, sort: 'title' });
    const lastSeen = first.items[first.items.length - 1].title;
    const unseen = seeded.filter((record) => !ids(first.items).includes(record.id) && record.title > lastSeen);
    const victim = unseen[0];
    await admin.request(`/${victim.id}`, { method: 'DELETE' });
    const before = await staff.create({ title: 'Aaa inserted before the cursor' });
    const after = await staff.create({ title: 'Zzz inserted after the cursor' });

    const rest: RecordView[] = [];
    let cursor = first.nextCursor;
    while (cursor) {
      const page = await staff.list({ limit: 5, sort: 'title', cursor });
      rest.push(...page.items);
      cursor = page.nextCursor;
    }
    const seen = [...ids(first.items), ...ids(rest)];
    expect(new Set(seen).size).toBe(seen.length); // no duplicates
    for (const record of unseen.slice(1)) expect(seen).toContain(record.id); // no gaps
    expect(seen).not.toContain(victim.id);
    expect(seen).not.toContain(before.id); // sorts before the cursor: belongs to pages already read
    expect(seen).toContain(after.id);

    await admin.request(`/${victim.id}/restore`, { method: 'POST' });
  });
});
