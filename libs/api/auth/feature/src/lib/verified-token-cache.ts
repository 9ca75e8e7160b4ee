import { hash, type KeyObject } from 'node:crypto';
import type { AuthenticatedUser } from './authenticated-user';
import { InvalidTokenError } from './bearer-errors';
import type { JwksKeyStore } from './jwks-key-store';
import type { SubjectRevocations } from './subject-revocations';

/** What a cached verification needs to know to stay honest. */
export interface Verification {
  user: AuthenticatedUser;
  /** The token's `kid` and the key that verified it: the entry lives only while that key is current. */
  kid: string;
  key: KeyObject;
  /** First second (epoch) at which the verifier would refuse the token as expired or too old. */
  expiresAt: number;
}

export interface VerifiedTokenCacheOptions {
  maxEntries: number;
  now?: () => number;
}

/**
 * Access tokens already verified, so a caller's next request skips the signature check. An entry
 * answers only while the token would still pass verification: before its `exp` (or maximum age),
 * clock tolerance included, and while the key that verified it is still published under its
 * `kid`; its subject's revocation is checked on every hit. Keyed by a SHA-256 of the token (the
 * whole token, so a hit means the very same bytes were verified); bounded, oldest entries first out.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Verification>();
  private readonly now: () => number;
  /** The last token hashed and its id: a miss is usually followed by `remember` of the same token. */
  private last = { token: '', id: '' };

  constructor(
    private readonly keys: Pick<JwksKeyStore, 'knownKey'>,
    private readonly revocations: Pick<SubjectRevocations, 'isRevoked'>,
    private readonly options: VerifiedTokenCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
  }

  /** The caller behind `token` if it was verified and still holds; throws if their access was revoked. */
  lookup(token: string): AuthenticatedUser | undefined {
    const id = this.idOf(token);
    const entry = this.entries.get(id);
    if (entry === undefined) return undefined;
    if (Math.floor(this.now() / 1000) >= entry.expiresAt || this.keys.knownKey(entry.kid) !== entry.key) {
      this.entries.delete(id);
      return undefined;
    }
    if (this.revocations.isRevoked(entry.user.sub))
      throw new InvalidTokenError('The access token was revoked.', 'revoked');
    return entry.user;
  }

  /** Records a token that just passed verification. */
  remember(token: string, verification: Verification): void {
    if (this.entries.size >= this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(this.idOf(token), verification);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  private idOf(token: string): string {
    if (token !== this.last.token) this.last = { token, id: hash('sha256', token, 'base64') };
    return this.last.id;
  }
}
