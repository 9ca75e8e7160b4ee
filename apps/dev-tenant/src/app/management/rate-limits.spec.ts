import { TokenBucket } from './rate-limits';

describe('TokenBucket', () => {
  let now: number;
  const clock = () => now;

  beforeEach(() => {
    now = Date.UTC(2024, 0, 1, 12, 0, 0);
  });

  it('should allow a burst of its capacity and count down what remains', () => {
    const bucket = new TokenBucket(3, 1, clock);
    expect(bucket.take()).toMatchObject({ allowed: true, limit: 3, remaining: 2 });
    expect(bucket.take()).toMatchObject({ allowed: true, remaining: 1 });
    expect(bucket.take()).toMatchObject({ allowed: true, remaining: 0 });
    expect(bucket.take()).toMatchObject({ allowed: false, limit: 3, remaining: 0 });
  });

  it('should give the reset in UTC epoch seconds: when full again, or when empty, when the next request fits', () => {
    const bucket = new TokenBucket(2, 1, clock);
    const seconds = now / 1000;
    expect(bucket.take().reset).toBe(seconds + 1);
    expect(bucket.take().reset).toBe(seconds + 2);
    expect(bucket.take()).toMatchObject({ allowed: false, reset: seconds + 1 });
  });

  it('should refill continuously, never above its capacity', () => {
    const bucket = new TokenBucket(50, 50, clock);
    for (let i = 0; i < 50; i += 1) expect(bucket.take().allowed).toBe(true);
    expect(bucket.take().allowed).toBe(false);
    now += 100;
    expect(bucket.take()).toMatchObject({ allowed: true, remaining: 4 });
    now += 60_000;
    expect(bucket.take()).toMatchObject({ allowed: true, remaining: 49 });
  });

  it('should refuse a bucket that could never allow a request', () => {
    expect(() => new TokenBucket(0, 1)).toThrow();
    expect(() => new TokenBucket(1, 0)).toThrow();
  });
});
