import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import type { RoleDescription, UserFixture } from './tenant-description';

/** A user of the dev tenant, shaped after Auth0's user profile. */
export interface Account {
  userId: string;
  email: string;
  name: string;
  roles: string[];
  blocked: boolean;
  loginsCount: number;
  lastLogin: string | null;
  createdAt: string;
}

interface StoredAccount extends Account {
  passwordHash: Buffer;
  salt: Buffer;
}

export type Authentication =
  | { ok: true; account: Account }
  | { ok: false; reason: 'wrong_credentials' | 'blocked' };

/** In-memory users of the dev tenant, seeded from the fixtures; passwords are scrypt-hashed. */
export class Accounts {
  private readonly byId = new Map<string, StoredAccount>();

  constructor(users: UserFixture[], password: string, private readonly roles: RoleDescription[]) {
    for (const user of users) this.add(user, password);
  }

  add(user: UserFixture, password: string): Account {
    const salt = randomBytes(16);
    // Stable ids across restarts, so tokens and audit rows keep pointing at the same user.
    const userId = `auth0|${createHash('sha256').update(user.email.toLowerCase()).digest('hex').slice(0, 24)}`;
    const account: StoredAccount = {
      userId,
      email: user.email.toLowerCase(),
      name: user.name,
      roles: [...user.roles],
      blocked: user.blocked ?? false,
      loginsCount: 0,
      lastLogin: null,
      createdAt: new Date().toISOString(),
      salt,
      passwordHash: scryptSync(password, salt, 32),
    };
    this.byId.set(userId, account);
    return publicView(account);
  }

  find(userId: string): Account | undefined {
    const account = this.byId.get(userId);
    return account && publicView(account);
  }

  list(): Account[] {
    return [...this.byId.values()].map(publicView);
  }

  /** Checks a password the way Auth0 answers: a blocked user is told so only with the right password. */
  authenticate(email: string, password: string): Authentication {
    const account = [...this.byId.values()].find((candidate) => candidate.email === email.trim().toLowerCase());
    const hash = scryptSync(password, account?.salt ?? randomBytes(16), 32);
    if (!account || !timingSafeEqual(hash, account.passwordHash)) return { ok: false, reason: 'wrong_credentials' };
    if (account.blocked) return { ok: false, reason: 'blocked' };
    account.loginsCount += 1;
    account.lastLogin = new Date().toISOString();
    return { ok: true, account: publicView(account) };
  }

  /** The permissions a user holds on one API, through their roles (Auth0 RBAC). */
  permissionsFor(account: Account, audience: string): string[] {
    const granted = this.roles
      .filter((role) => account.roles.includes(role.name))
      .flatMap((role) => role.permissions.filter((p) => p.audience === audience).map((p) => p.permission));
    return [...new Set(granted)];
  }
}

/** The OIDC profile claims of an account (ID token and /userinfo). */
export function profileClaims(account: Account) {
  return {
    sub: account.userId,
    email: account.email,
    email_verified: true,
    name: account.name,
    nickname: account.email.split('@')[0],
    updated_at: Math.floor(Date.parse(account.createdAt) / 1000),
  };
}

function publicView({ passwordHash: _hash, salt: _salt, ...account }: StoredAccount): Account {
  return { ...account, roles: [...account.roles] };
}
