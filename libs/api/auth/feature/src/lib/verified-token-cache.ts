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
  /**
   * Verifications of a token before it is remembered: 2 (the default) keeps out tokens seen only
   * once — one-off scripts, scanners, a flood of distinct valid tokens — which would otherwise
   * evict the tokens of people actually using the console and make the process hold state for
   * callers who never come back; 1 remembers at once.
   */
  admitAfter?: 1 | 2;
  now?: () => number;
}

/** Slots of the "seen once" filter: 32-bit fingerprints, 256 kB, no allocation per request. */
const SEEN_SLOTS = 1 << 16;

/**
 * Access tokens already verified, so a caller's next request skips the signature check. An entry
 * answers only while the token would still pass verification: before its `exp` (or maximum age),
 * clock tolerance included, and while the key that verified it is still published under its
 * `kid`; its subject's revocation is checked on every hit. Keyed by a SHA-256 of the token (the
 * whole token, so a hit means the very same bytes were verified); bounded, oldest entries first out.
 * A token is admitted on its second verification (a doorkeeper, as in TinyLFU): its first only
 * leaves a fingerprint in a fixed table, so a token used once costs no memory at all. A fingerprint
 * collision merely admits a verified token one verification early.
 */
export class VerifiedTokenCache {
  private readonly entries = new Map<string, Verification>();
  private readonly now: () => number;
  /** The last token hashed and its id: a miss is usually followed by `remember` of the same token. */
  private last = { token: '', id: '' };
  private readonly seenOnce: Int32Array | undefined;

  constructor(
    private readonly keys: Pick<JwksKeyStore, 'knownKey'>,
    private readonly revocations: Pick<SubjectRevocations, 'isRevoked'>,
    private readonly options: VerifiedTokenCacheOptions,
  ) {
    this.now = options.now ?? Date.now;
    this.seenOnce = (options.admitAfter ?? 2) === 2 ? new Int32Array(SEEN_SLOTS) : undefined;
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

  /** Records a token that just passed verification (from its second verification on, by default). */
  remember(token: string, verification: Verification): void {
    const id = this.idOf(token);
    if (this.seenOnce !== undefined && !this.admit(id)) return;
    if (this.entries.size >= this.options.maxEntries) {
      this.entries.delete(this.entries.keys().next().value as string);
    }
    this.entries.set(id, verification);
  }

  get size(): number {
    return this.entries.size;
  }

  clear(): void {
    this.entries.clear();
  }

  /** True when `id` was seen before (its fingerprint is in its slot); otherwise leaves it there. */
  private admit(id: string): boolean {
    const table = this.seenOnce as Int32Array;
    // The id is a base64 SHA-256, so its characters are already uniformly random: the first five
    // (30 bits) make the fingerprint, the next three (18 bits) choose the slot.
    let fingerprint = 1; // never 0, which marks an empty slot
    for (let i = 0; i < 5; i++) fingerprint = (fingerprint << 6) ^ id.charCodeAt(i);
    const slot = ((id.charCodeAt(5) << 12) ^ (id.charCodeAt(6) << 6) ^ id.charCodeAt(7)) & (SEEN_SLOTS - 1);
    if (table[slot] === fingerprint) return true;
    table[slot] = fingerprint;
    return false;
  }

  private idOf(token: string): string {
    if (token !== this.last.token) this.last = { token, id: hash('sha256', token, 'base64') };
    return this.last.id;
  }
}
