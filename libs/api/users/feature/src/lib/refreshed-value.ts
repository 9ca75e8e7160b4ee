/** How often a `RefreshedValue` reloads: while it is read, and while nobody reads it. */
export interface RefreshPolicy {
  refreshMs: number;
  idleRefreshMs: number;
}

/**
 * One value loaded ahead of need and reloaded in the background (stale-while-revalidate), so no
 * reader waits for it once it has loaded: reloaded every `refreshMs` while it is read, every
 * `idleRefreshMs` while it is not (an idle process costs almost nothing upstream). A failed reload
 * keeps the last value and is retried on the next tick; only a reader who comes before any value
 * has loaded waits, for the load in flight.
 */
export class RefreshedValue<T> {
  private current: { value: T; loadedAt: number } | undefined;
  private loading: Promise<T> | undefined;
  private readSinceLoad = false;
  private timer: ReturnType<typeof setInterval> | undefined;

  constructor(
    private readonly load: () => Promise<T>,
    private readonly policy: RefreshPolicy,
    /** Told of every failed background load (a reader who waits gets the error instead). */
    private readonly onError: (error: unknown) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The last loaded value at once; before the first load, the load in flight (or a new one). */
  get(): Promise<T> {
    this.readSinceLoad = true;
    return this.current ? Promise.resolve(this.current.value) : this.reload();
  }

  /** The last loaded value, if any, without counting as a read. */
  peek(): T | undefined {
    return this.current?.value;
  }

  /** Loads now, one load at a time (concurrent callers share it); a failure keeps the last value. */
  reload(): Promise<T> {
    if (!this.loading) {
      this.readSinceLoad = false;
      this.loading = this.load()
        .then((value) => {
          this.current = { value, loadedAt: this.now() };
          return value;
        })
        .finally(() => (this.loading = undefined));
    }
    return this.loading;
  }

  /** Starts loading and keeping the value fresh, and waits up to `waitMs` for the first load. */
  async start(waitMs: number): Promise<void> {
    this.timer ??= setInterval(() => this.tick(), this.policy.refreshMs);
    this.timer.unref?.();
    let timeout: ReturnType<typeof setTimeout> | undefined;
    const first = this.reload().then(() => undefined, this.onError);
    await Promise.race([first, new Promise((resolve) => (timeout = setTimeout(resolve, waitMs)))]);
    clearTimeout(timeout);
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private tick(): void {
    const age = this.current ? this.now() - this.current.loadedAt : Infinity;
    if (this.readSinceLoad || age >= this.policy.idleRefreshMs) this.reload().catch(this.onError);
  }
}
