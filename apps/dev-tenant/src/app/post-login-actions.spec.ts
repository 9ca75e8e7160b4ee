import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Account } from './accounts';
import { PostLoginActions } from './post-login-actions';
import { anAccount } from './testing/an-account';

const STEWARD_CLAIMS = {
  name: 'add-steward-claims',
  code: readFileSync(join(__dirname, '../../../../tools/auth0/actions/add-steward-claims/code.js'), 'utf8'),
  secrets: { CLAIM_NAMESPACE: 'https://steward.local/' },
};
const CLIENT = { clientId: 'steward-console', name: 'Steward Console' };

function account(overrides: Partial<Account> = {}): Account {
  return anAccount({
    email: 'admin@steward.local',
    name: 'Ada Admin',
    nickname: 'admin',
    roles: ['admin', 'staff'],
    loginsCount: 1,
    ...overrides,
  });
}

describe('PostLoginActions', () => {
  describe('constructor', () => {
    it('should refuse an action that exports no handler', () => {
      expect(
        () => new PostLoginActions([{ name: 'empty', code: 'exports.somethingElse = () => {};', secrets: {} }]),
      ).toThrow(/empty exports no onExecutePostLogin/);
    });
  });

  describe('accessTokenClaims', () => {
    it('should add the Steward claims with the real action', async () => {
      const claims = await new PostLoginActions([STEWARD_CLAIMS]).accessTokenClaims(account(), CLIENT);
      expect(claims).toEqual({
        'https://steward.local/roles': ['admin', 'staff'],
        'https://steward.local/email': 'admin@steward.local',
        'https://steward.local/name': 'Ada Admin',
      });
    });

    it('should leave out an empty name', async () => {
      const claims = await new PostLoginActions([STEWARD_CLAIMS]).accessTokenClaims(
        account({ name: '', roles: [] }),
        CLIENT,
      );
      expect(claims).toEqual({
        'https://steward.local/roles': [],
        'https://steward.local/email': 'admin@steward.local',
      });
    });

    it('should answer no claims without actions', async () => {
      await expect(new PostLoginActions([]).accessTokenClaims(account(), CLIENT)).resolves.toEqual({});
    });

    it('should run actions in order, each with its own secrets and the client', async () => {
      const tagClient = {
        name: 'tag-client',
        code: 'exports.onExecutePostLogin = (event, api) => { api.accessToken.setCustomClaim(event.secrets.CLAIM, event.client.client_id); };',
        secrets: { CLAIM: 'https://steward.local/roles' },
      };
      const claims = await new PostLoginActions([STEWARD_CLAIMS, tagClient]).accessTokenClaims(account(), CLIENT);
      expect(claims['https://steward.local/roles']).toBe('steward-console');
      expect(claims['https://steward.local/email']).toBe('admin@steward.local');
    });

    it('should reject when an action denies access', async () => {
      const deny = {
        name: 'deny-blocked',
        code: 'exports.onExecutePostLogin = async (event, api) => { if (event.user.blocked) api.access.deny("blocked user"); };',
        secrets: {},
      };
      const actions = new PostLoginActions([deny, STEWARD_CLAIMS]);
      await expect(actions.accessTokenClaims(account({ blocked: true }), CLIENT)).rejects.toThrow(
        'access denied by Action: blocked user',
      );
      await expect(actions.accessTokenClaims(account(), CLIENT)).resolves.toHaveProperty(
        ['https://steward.local/name'],
        'Ada Admin',
      );
    });
  });
});
