import { createHash, randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';
import { mergeMetadata, type Metadata } from './metadata';
import type { RoleDescription, UserFixture } from './tenant-description';
import { UserLogs, type LogContext } from './user-logs';

/** A user of the dev tenant, shaped after Auth0's user profile. */
export interface Account {
  userId: string;
  email: string;
  emailVerified: boolean;
  name: string;
  nickname: string;
  /** Role names, as tenant.yaml defines them. */
  roles: string[];
  blocked: boolean;
  loginsCount: number;
  lastLogin: string | null;
  createdAt: string;
  updatedAt: string;
  appMetadata: Metadata;
  userMetadata: Metadata;
}

/** A user created through the Management API. Without a password nobody can sign in until a password-change ticket sets one. */
export interface NewAccount {
  email: string;
  password?: string;
  name?: string;
  nickname?: string;
  emailVerified?: boolean;
  blocked?: boolean;
  appMetadata?: Metadata;
  userMetadata?: Metadata;
}

/** A profile update; metadata values are patches (see `mergeMetadata`). */
export type AccountChanges = Partial<NewAccount>;

interface StoredAccount extends Account {
  passwordHash: Buffer;
  salt: Buffer;
}

export type Authentication = { ok: true; account: Account } | { ok: false; reason: 'wrong_credentials' | 'blocked' };

/** Another user already has that email address (Auth0 answers 409 "The user already exists."). */
export class EmailTakenError extends Error {
  constructor(email: string) {
    super(`another user has the email ${email}`);
  }
}

/**
 * In-memory users of the dev tenant, seeded from the fixtures and changed through the Management
 * API; the sign-in flow and the token endpoint read the same store. Passwords are scrypt-hashed.
 */
export class Accounts {
  /** The tenant log: sign-ins are recorded here, Management API changes by the API routes. */
  readonly logs = new UserLogs();
  private readonly byId = new Map<string, StoredAccount>();

  constructor(
    users: UserFixture[],
    password: string,
    private readonly roles: RoleDescription[],
  ) {
    for (const user of users) this.add(user, password);
  }

  /** Adds a seeded user, with an id derived from the email address. */
  add(user: UserFixture, password: string): Account {
    // Stable ids across restarts, so tokens and audit rows keep pointing at the same user.
    const userId = `auth0|${createHash('sha256').update(user.email.toLowerCase()).digest('hex').slice(0, 24)}`;
    return this.store(
      userId,
      { email: user.email, name: user.name, emailVerified: true, blocked: user.blocked ?? false, password },
      user.roles,
    );
  }

  /** Creates a user with a random Auth0-style id; throws `EmailTakenError` for a known email. */
  create(user: NewAccount): Account {
    if (this.findByEmail(user.email)) throw new EmailTakenError(user.email);
    // An unknown random password: the user must go through a password-change ticket first.
    const password = user.password ?? randomBytes(32).toString('base64url');
    return this.store(`auth0|${randomBytes(12).toString('hex')}`, { ...user, password }, []);
  }

  find(userId: string): Account | undefined {
    const account = this.byId.get(userId);
    return account && publicView(account);
  }

  findByEmail(email: string): Account | undefined {
    const account = this.storedByEmail(email);
    return account && publicView(account);
  }

  list(): Account[] {
    return [...this.byId.values()].map(publicView);
  }

  /** Applies a profile update; undefined for an unknown user, `EmailTakenError` for a taken email. */
  update(userId: string, changes: AccountChanges): Account | undefined {
    const account = this.byId.get(userId);
    if (!account) return undefined;
    if (changes.email !== undefined) {
      const email = normaliseEmail(changes.email);
      const holder = this.storedByEmail(email);
      if (holder && holder !== account) throw new EmailTakenError(email);
      // Auth0 marks a changed address unverified unless the update says otherwise.
      if (email !== account.email) account.emailVerified = false;
      account.email = email;
    }
    if (changes.password !== undefined) Object.assign(account, hashPassword(changes.password));
    if (changes.name !== undefined) account.name = changes.name;
    if (changes.nickname !== undefined) account.nickname = changes.nickname;
    if (changes.emailVerified !== undefined) account.emailVerified = changes.emailVerified;
    if (changes.blocked !== undefined) account.blocked = changes.blocked;
    if (changes.appMetadata) account.appMetadata = mergeMetadata(account.appMetadata, changes.appMetadata);
    if (changes.userMetadata) account.userMetadata = mergeMetadata(account.userMetadata, changes.userMetadata);
    account.updatedAt = new Date().toISOString();
    return publicView(account);
  }

  /** Deletes a user: they can neither sign in nor refresh a token any more. */
  remove(userId: string): boolean {
    return this.byId.delete(userId);
  }

  /** Adds roles (by name) to a user; undefined for an unknown user. */
  assignRoles(userId: string, roleNames: string[]): Account | undefined {
    const account = this.byId.get(userId);
    if (!account) return undefined;
    account.roles = [...new Set([...account.roles, ...roleNames])];
    return publicView(account);
  }

  /** Removes roles (by name) from a user; undefined for an unknown user. */
  unassignRoles(userId: string, roleNames: string[]): Account | undefined {
    const account = this.byId.get(userId);
    if (!account) return undefined;
    account.roles = account.roles.filter((role) => !roleNames.includes(role));
    return publicView(account);
  }

  /**
   * Checks a password the way Auth0 answers: a blocked user is told so only with the right
   * password. Attempts on a known user are logged (`s`, `fp`, `f`) with the given context.
   */
  authenticate(email: string, password: string, context: LogContext = {}): Authentication {
    const account = this.storedByEmail(email);
    const hash = scryptSync(password, account?.salt ?? randomBytes(16), 32);
    if (!account) return { ok: false, reason: 'wrong_credentials' };
    const log = { ...context, userId: account.userId, userName: account.email };
    if (!timingSafeEqual(hash, account.passwordHash)) {
      this.logs.record({ ...log, type: 'fp', description: 'Wrong email or password.' });
      return { ok: false, reason: 'wrong_credentials' };
    }
    if (account.blocked) {
      this.logs.record({ ...log, type: 'f', description: 'user is blocked' });
      return { ok: false, reason: 'blocked' };
    }
    account.loginsCount += 1;
    account.lastLogin = new Date().toISOString();
    account.updatedAt = account.lastLogin;
    this.logs.record({ ...log, type: 's', description: 'Successful login' });
    return { ok: true, account: publicView(account) };
  }

  /** The permissions a user holds on one API, through their roles (Auth0 RBAC). */
  permissionsFor(account: Account, audience: string): string[] {
    const granted = this.roles
      .filter((role) => account.roles.includes(role.name))
      .flatMap((role) => role.permissions.filter((p) => p.audience === audience).map((p) => p.permission));
    return [...new Set(granted)];
  }

  private store(userId: string, user: NewAccount & { password: string }, roles: string[]): Account {
    const email = normaliseEmail(user.email);
    const now = new Date().toISOString();
    const account: StoredAccount = {
      userId,
      email,
      emailVerified: user.emailVerified ?? false,
      name: user.name ?? email,
      nickname: user.nickname ?? email.split('@')[0],
      roles: [...roles],
      blocked: user.blocked ?? false,
      loginsCount: 0,
      lastLogin: null,
      createdAt: now,
      updatedAt: now,
      appMetadata: structuredClone(user.appMetadata ?? {}),
      userMetadata: structuredClone(user.userMetadata ?? {}),
      ...hashPassword(user.password),
    };
    this.byId.set(userId, account);
    return publicView(account);
  }

  private storedByEmail(email: string): StoredAccount | undefined {
    const wanted = normaliseEmail(email);
    return [...this.byId.values()].find((candidate) => candidate.email === wanted);
  }
}

/** The OIDC profile claims of an account (ID token and /userinfo). */
export function profileClaims(account: Account) {
  return {
    sub: account.userId,
    email: account.email,
    email_verified: account.emailVerified,
    name: account.name,
    nickname: account.nickname,
    updated_at: Math.floor(Date.parse(account.updatedAt) / 1000),
  };
}

function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function hashPassword(password: string): { salt: Buffer; passwordHash: Buffer } {
  const salt = randomBytes(16);
  return { salt, passwordHash: scryptSync(password, salt, 32) };
}

function publicView({ passwordHash: _hash, salt: _salt, ...account }: StoredAccount): Account {
  return structuredClone(account);
}
