import type { RunningApi } from '@steward/testing-util';
import { orgToken, RecordsClient, startRecordsApi } from '../support/records';

const ALL = ['read:records', 'create:records', 'update:records', 'delete:records'];

/** Records of one organization are invisible to another: a 404 exactly like a missing record. */
describe('Records isolation by organization', () => {
  let api: RunningApi;
  let acme: RecordsClient;
  let globex: RecordsClient;
  let noOrg: RecordsClient;

  beforeAll(async () => {
    api = await startRecordsApi('mysql');
    acme = new RecordsClient(api.url, orgToken('org_acme', ALL));
    globex = new RecordsClient(api.url, orgToken('org_globex', ALL));
    noOrg = new RecordsClient(api.url, orgToken(undefined, ALL));
  });

  afterAll(async () => {
    await api?.stop();
  });

  it("should answer another organization's record exactly like a missing one, everywhere", async () => {
    const secret = await acme.create({ title: 'Acme secret plan' });
    const missing = '00000000-0000-4000-8000-000000000000';
    const attempts: [string, string, unknown?, string?][] = [
      ['GET', ''],
      ['PATCH', '', { title: 'mine now' }, '"1"'],
      ['DELETE', ''],
      ['POST', '/restore'],
      ['GET', '/history'],
    ];
    for (const client of [globex, noOrg]) {
      for (const [method, suffix, body, ifMatch] of attempts) {
        const headers: Record<string, string> = ifMatch ? { 'if-match': ifMatch } : {};
        const theirs = await client.request(`/${secret.id}${suffix}`, { method, body, headers });
        const nobody = await client.request(`/${missing}${suffix}`, { method, body, headers });
        expect([method, suffix, theirs.status]).toEqual([method, suffix, 404]);
        expect(await theirs.json()).toEqual(await nobody.json());
      }
    }
    expect(await (await acme.request(`/${secret.id}`)).json()).toMatchObject({ title: 'Acme secret plan', version: 1 });
  });

  it('should keep lists and searches within the organization', async () => {
    await acme.create({ title: 'Acme shared name' });
    await globex.create({ title: 'Globex shared name' });
    expect((await globex.listAll({ q: 'shared name' })).map((record) => record.title)).toEqual(['Globex shared name']);
    expect((await acme.listAll({ q: 'Acme' })).every((record) => record.title.startsWith('Acme'))).toBe(true);
    expect(await noOrg.listAll({ q: 'shared name' })).toEqual([]);
  });
});
