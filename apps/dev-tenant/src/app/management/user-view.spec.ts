import type { Account } from '../accounts';
import { selectFields, toAuth0User } from './user-view';

const ACCOUNT: Account = {
  userId: 'auth0|0123456789abcdef01234567',
  email: 'ada@example.com',
  emailVerified: true,
  name: 'Ada Lovelace',
  nickname: 'ada',
  roles: ['admin'],
  blocked: false,
  loginsCount: 0,
  lastLogin: null,
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-02T00:00:00.000Z',
  appMetadata: { plan: 'gold' },
  userMetadata: {},
};

describe('toAuth0User', () => {
  it("should shape an account like Auth0's user, without last_login before the first sign-in", () => {
    expect(toAuth0User(ACCOUNT)).toEqual({
      user_id: 'auth0|0123456789abcdef01234567',
      email: 'ada@example.com',
      email_verified: true,
      name: 'Ada Lovelace',
      nickname: 'ada',
      picture: expect.stringMatching(/^data:image\/svg\+xml;base64,/),
      blocked: false,
      created_at: '2024-01-01T00:00:00.000Z',
      updated_at: '2024-01-02T00:00:00.000Z',
      logins_count: 0,
      identities: [
        {
          connection: 'Username-Password-Authentication',
          provider: 'auth0',
          user_id: '0123456789abcdef01234567',
          isSocial: false,
        },
      ],
      app_metadata: { plan: 'gold' },
      user_metadata: {},
    });
    expect(toAuth0User({ ...ACCOUNT, lastLogin: '2024-03-01T00:00:00.000Z', loginsCount: 2 })).toMatchObject({
      last_login: '2024-03-01T00:00:00.000Z',
      logins_count: 2,
    });
  });

  it('should draw the initials inline, with nothing fetched from elsewhere', () => {
    const svg = Buffer.from(toAuth0User(ACCOUNT).picture.split(',')[1], 'base64').toString();
    expect(svg).toContain('>AL</text>');
    expect(svg).not.toMatch(/href|<image|url\(/);
  });
});

describe('selectFields', () => {
  const user = toAuth0User(ACCOUNT);

  it('should keep only the listed fields, or leave them out', () => {
    expect(selectFields(user, 'email, user_id', true)).toEqual({ email: 'ada@example.com', user_id: ACCOUNT.userId });
    expect(Object.keys(selectFields(user, 'picture,identities', false))).not.toContain('picture');
    expect(selectFields(user, undefined, true)).toBe(user);
  });
});
