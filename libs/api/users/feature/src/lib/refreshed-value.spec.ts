import { RefreshedValue } from './refreshed-value';

describe('RefreshedValue', () => {
  const policy = { refreshMs: 60_000, idleRefreshMs: 600_000 };
  let loads: number;
  let fail: boolean;
  let errors: unknown[];
  let value: RefreshedValue<number>;

  beforeEach(() => {
    jest.useFakeTimers();
    loads = 0;
    fail = false;
    errors = [];
    value = new RefreshedValue(
      async () => {
        loads += 1;
        if (fail) throw new Error('down');
        return loads;
      },
      policy,
      (error) => errors.push(error),
    );
  });

  afterEach(() => {
    value.stop();
    jest.useRealTimers();
  });

  describe('start', () => {
    it('should load once, then answer every read from what it loaded', async () => {
      await value.start(1_000);
      expect(await Promise.all([value.get(), value.get(), value.get()])).toEqual([1, 1, 1]);
      expect(loads).toBe(1);
    });

    it('should stop waiting for a slow first load, which readers then share', async () => {
      let finish!: (loaded: number) => void;
      const slow = new RefreshedValue(
        () => {
          loads += 1;
          return new Promise<number>((resolve) => (finish = resolve));
        },
        policy,
        (error) => errors.push(error),
      );
      const started = slow.start(1_000);
      await jest.advanceTimersByTimeAsync(1_000);
      await started;
      const [first, second] = [slow.get(), slow.get()];
      finish(7);
      expect(await Promise.all([first, second])).toEqual([7, 7]);
      expect(loads).toBe(1);
      slow.stop();
    });

    it('should start without a value when the first load fails, and let the next reader load', async () => {
      fail = true;
      await value.start(1_000);
      expect(errors).toHaveLength(1);
      await expect(value.get()).rejects.toThrow('down');
      fail = false;
      expect(await value.get()).toBe(3);
    });
  });

  describe('refreshing in the background', () => {
    it('should reload every refreshMs while read, never on a read itself', async () => {
      await value.start(1_000);
      await value.get();
      await jest.advanceTimersByTimeAsync(59_999);
      expect(loads).toBe(1);
      await jest.advanceTimersByTimeAsync(1);
      expect(loads).toBe(2);
      expect(await value.get()).toBe(2);
      expect(loads).toBe(2);
    });

    it('should reload only every idleRefreshMs while nobody reads', async () => {
      await value.start(1_000);
      await jest.advanceTimersByTimeAsync(599_999);
      expect(loads).toBe(1);
      await jest.advanceTimersByTimeAsync(60_000);
      expect(loads).toBe(2);
    });

    it('should keep the last value when a reload fails, and retry on the next tick', async () => {
      await value.start(1_000);
      await value.get();
      fail = true;
      await jest.advanceTimersByTimeAsync(60_000);
      expect(errors).toHaveLength(1);
      expect(await value.get()).toBe(1);
      fail = false;
      await jest.advanceTimersByTimeAsync(60_000);
      expect(await value.get()).toBe(3);
    });

    it('should stop reloading once stopped', async () => {
      await value.start(1_000);
      value.stop();
      await jest.advanceTimersByTimeAsync(10 * 600_000);
      expect(loads).toBe(1);
    });
  });

  describe('reload', () => {
    it('should share one load between concurrent callers', async () => {
      const [a, b] = [value.reload(), value.reload()];
      expect(await Promise.all([a, b])).toEqual([1, 1]);
      expect(value.peek()).toBe(1);
    });
  });
});
