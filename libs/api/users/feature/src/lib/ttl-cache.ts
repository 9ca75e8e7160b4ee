/** A read cache: `get` answers from the cache or from `load()`; `delete` invalidates one key. */
export interface ReadCache<T> {
  get(key: string, load: () => Promise<T>): Promise<T>;
  delete(key: string): void | Promise<void>;
}

/** A small read cache with a time to live, so a screen load does not repeat Management API reads. */
export class TtlCache<T> implements ReadCache<T> {
  private readonly entries = new Map<string, { value: Promise<T>; expiresAt: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 1_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** The cached value for `key`, or `load()`'s (shared by concurrent callers; failures are not cached). */
  get(key: string, load: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit && hit.expiresAt > this.now()) return hit.value;
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    const value = load();
    this.entries.set(key, { value, expiresAt: this.now() + this.ttlMs });
    value.catch(() => this.entries.delete(key));
    return value;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  clear(): void {
    this.entries.clear();
  }
}
