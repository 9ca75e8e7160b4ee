import type { RecordView } from '@steward/shared-domain';
import type { RunningApi } from '@steward/testing-util';
import { DATABASES, RecordsClient, orgToken, startRecordsApi } from '../support/records';

const ALL = ['read:records', 'create:records', 'update:records', 'delete:records'];

/** `q`: every word of it must start a word of the title (README, "Searching records"). */
describe.each(DATABASES)('Records search on %s', (database) => {
  let api: RunningApi;
  let acme: RecordsClient;
  let globex: RecordsClient;
  const byTitle = new Map<string, RecordView>();

  beforeAll(async () => {
    api = await startRecordsApi(database);
    acme = new RecordsClient(api.url, orgToken('org_acme_search', ALL));
    globex = new RecordsClient(api.url, orgToken('org_globex_search', ALL));
    for (const title of [
      'Quarterly vendor review — Globex',
      'Vendor onboarding',
      'Invoice INV-2025-0042 — Contoso',
      'Budget forecast Q1 2025 — IT',
      'Budget forecast Q2 2025 — IT',
      "Call O'Brien about foo_bar",
      'Onboarding checklist — Chloé Novak',
      'Vendor that gets deleted',
    ])
      byTitle.set(title, await acme.create({ title, status: title.startsWith('Budget') ? 'active' : 'draft' }));
    await acme.request(`/${byTitle.get('Vendor that gets deleted')?.id}`, { method: 'DELETE' });
    await globex.create({ title: 'Vendor of another organization' });
    for (let i = 0; i < 13; i++)
      await acme.create({ title: `Paging sample ${i % 4}`, status: i % 2 ? 'active' : 'draft' });
  });

  afterAll(async () => {
    await api?.stop();
  });

  const titles = async (q: string, extra: Record<string, string> = {}) =>
    (await acme.listAll({ q, limit: 100, ...extra })).map((record) => record.title).sort();

  it('should find titles by word prefix, case-insensitively, every word required', async () => {
    expect(await titles('vend')).toEqual(['Quarterly vendor review — Globex', 'Vendor onboarding']);
    expect(await titles('VENDOR REV')).toEqual(['Quarterly vendor review — Globex']);
    expect(await titles('onboard')).toEqual(['Onboarding checklist — Chloé Novak', 'Vendor onboarding']);
    expect(await titles('endor')).toEqual([]); // inside a word, not at its start
    expect(await titles('inv 0042')).toEqual(['Invoice INV-2025-0042 — Contoso']);
  });

  it('should narrow by short words, but match nothing without a word of three characters', async () => {
    expect(await titles('q1 budget')).toEqual(['Budget forecast Q1 2025 — IT']);
    expect(await titles('budget it')).toEqual(['Budget forecast Q1 2025 — IT', 'Budget forecast Q2 2025 — IT']);
    expect(await titles('q1')).toEqual([]);
    expect(await titles('%_!')).toEqual([]);
  });

  it('should treat search syntax as separators, never as operators', async () => {
    expect(await titles('+vendor* -(review)')).toEqual(['Quarterly vendor review — Globex']);
    expect(await titles('"vendor" OR budget')).toEqual([]); // "or" is a word to find, not an operator
    expect(await titles('vendor NEAR/2 review:*^')).toEqual([]);
    expect(await titles("brien'")).toEqual(["Call O'Brien about foo_bar"]);
    expect(await titles('foo_bar')).toEqual(["Call O'Brien about foo_bar"]);
    expect(await titles('bar')).toEqual([]); // `_` joins a word
  });

  it('should keep accents significant', async () => {
    expect(await titles('chloé')).toEqual(['Onboarding checklist — Chloé Novak']);
    expect(await titles('chloe')).toEqual([]);
  });

  it('should respect organizations, soft deletes and the status filter', async () => {
    expect((await globex.listAll({ q: 'vendor' })).map((record) => record.title)).toEqual([
      'Vendor of another organization',
    ]);
    expect(await titles('budget', { status: 'draft' })).toEqual([]);
    expect(await titles('deleted')).toEqual([]);
    await acme.request(`/${byTitle.get('Vendor that gets deleted')?.id}/restore`, { method: 'POST' });
    expect(await titles('deleted')).toEqual(['Vendor that gets deleted']);
  });

  it.each(['title', '-title', '-updatedAt', 'createdAt'])(
    'should page a search with the cursor in order (sort=%s)',
    async (sort) => {
      const all = await acme.listAll({ q: 'paging sam', limit: 3, sort });
      expect(all).toHaveLength(13);
      expect(new Set(all.map((record) => record.id)).size).toBe(13);
      const field = sort.replace('-', '') as 'title' | 'updatedAt' | 'createdAt';
      const expected = [...all].sort((a, b) =>
        a[field] === b[field] ? a.id.localeCompare(b.id) : a[field] < b[field] ? -1 : 1,
      );
      if (sort.startsWith('-')) expected.reverse();
      expect(all.map((record) => record.id)).toEqual(expected.map((record) => record.id));
      const active = await acme.listAll({ q: 'paging', limit: 2, sort, status: 'active' });
      expect(active.map((record) => record.id).sort()).toEqual(
        all
          .filter((r) => r.status === 'active')
          .map((r) => r.id)
          .sort(),
      );
    },
  );
});
