const WINDOW_MS = 60_000;

/**
 * A fixed-window request budget per key (a user's `sub`): O(1) per request, and at most
 * `maxKeys` windows kept — the oldest window is dropped first, so memory stays bounded.
 */
export class FixedWindowBudget {
  private readonly windows = new Map<string, { startedAt: number; used: number }>();

  constructor(
    readonly limit: number,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  /** Spends one unit for `key`: null when allowed, else the seconds until the budget renews. */
  spend(key: string): number | null {
    const now = this.now();
    let window = this.windows.get(key);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      // Re-inserting keeps the map ordered by window start, so the first key is the stalest.
      this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.windows.delete(this.windows.keys().next().value as string);
      window = { startedAt: now, used: 0 };
      this.windows.set(key, window);
    }
    if (window.used >= this.limit) return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
    window.used += 1;
    return null;
  }
}
