import { InMemoryRateLimitStorage } from './rate-limit-storage';

const TTL = 60_000;

function storageAt(start = 1_000_000, maxKeys = 1_000) {
  const clock = { now: start };
  const storage = new InMemoryRateLimitStorage({ maxKeys, now: () => clock.now });
  return { clock, storage };
}

describe('InMemoryRateLimitStorage', () => {
  describe('increment', () => {
    it('should let exactly `limit` hits through and refuse the next one', async () => {
      const { storage } = storageAt();
      for (let hit = 1; hit <= 5; hit++) {
        await expect(storage.increment('k', TTL, 5, TTL, 'ip')).resolves.toMatchObject({
          totalHits: hit,
          isBlocked: false,
        });
      }
      await expect(storage.increment('k', TTL, 5, TTL, 'ip')).resolves.toMatchObject({
        totalHits: 6,
        isBlocked: true,
        timeToBlockExpire: 60,
      });
    });

    it('should report the seconds left in the window', async () => {
      const { clock, storage } = storageAt();
      await storage.increment('k', TTL, 5, TTL, 'ip');
      clock.now += 20_500;
      await expect(storage.increment('k', TTL, 5, TTL, 'ip')).resolves.toMatchObject({ timeToExpire: 40 });
    });

    it('should start a fresh window when the last one ends', async () => {
      const { clock, storage } = storageAt();
      for (let hit = 0; hit < 3; hit++) storage.hit('k', TTL, 3, 0, 'ip');
      expect(storage.hit('k', TTL, 3, 0, 'ip').isBlocked).toBe(true);
      clock.now += TTL - 1;
      expect(storage.hit('k', TTL, 3, 0, 'ip').isBlocked).toBe(true);
      clock.now += 1;
      expect(storage.hit('k', TTL, 3, 0, 'ip')).toMatchObject({ totalHits: 1, isBlocked: false, timeToExpire: 60 });
    });

    it('should keep a key blocked for the whole block duration, then let it start again', async () => {
      const { clock, storage } = storageAt();
      storage.hit('k', 1_000, 1, 30_000, 'ip');
      expect(storage.hit('k', 1_000, 1, 30_000, 'ip')).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
      clock.now += 10_000; // the window is long over, the block is not
      expect(storage.hit('k', 1_000, 1, 30_000, 'ip')).toMatchObject({ isBlocked: true, timeToBlockExpire: 20 });
      clock.now += 20_000;
      expect(storage.hit('k', 1_000, 1, 30_000, 'ip')).toMatchObject({ isBlocked: false, totalHits: 1 });
    });

    it('should block only for the rest of the window when there is no block duration', () => {
      const { clock, storage } = storageAt();
      storage.hit('k', TTL, 1, 0, 'ip');
      clock.now += 45_000;
      expect(storage.hit('k', TTL, 1, 0, 'ip')).toMatchObject({ isBlocked: true, timeToBlockExpire: 15 });
    });

    it('should count keys and throttlers apart', () => {
      const { storage } = storageAt();
      storage.hit('a', TTL, 1, TTL, 'ip');
      expect(storage.hit('b', TTL, 1, TTL, 'ip').isBlocked).toBe(false);
      expect(storage.hit('a', TTL, 1, TTL, 'user').isBlocked).toBe(false);
      expect(storage.hit('a', TTL, 1, TTL, 'ip').isBlocked).toBe(true);
    });

    it('should cost the same whatever the limit (one record per key, not one per hit)', () => {
      const { storage } = storageAt();
      for (let hit = 0; hit < 100_000; hit++) storage.hit('k', TTL, 1_000_000, TTL, 'ip');
      expect(storage.size('ip')).toBe(1);
      expect(storage.hit('k', TTL, 1_000_000, TTL, 'ip').totalHits).toBe(100_001);
    });
  });

  describe('memory', () => {
    it('should drop expired windows as new keys arrive', () => {
      const { clock, storage } = storageAt();
      for (let key = 0; key < 100; key++) storage.hit(`old-${key}`, TTL, 10, TTL, 'ip');
      clock.now += TTL;
      for (let key = 0; key < 100; key++) storage.hit(`new-${key}`, TTL, 10, TTL, 'ip');
      expect(storage.size('ip')).toBe(100);
    });

    it('should keep a blocked key until its block ends, even after its window', () => {
      const { clock, storage } = storageAt();
      storage.hit('blocked', 1_000, 1, 30_000, 'ip');
      storage.hit('blocked', 1_000, 1, 30_000, 'ip');
      clock.now += 5_000;
      storage.hit('other', 1_000, 1, 30_000, 'ip');
      expect(storage.hit('blocked', 1_000, 1, 30_000, 'ip').isBlocked).toBe(true);
    });

    it('should never hold more than maxKeys keys, dropping the oldest', () => {
      const { storage } = storageAt(0, 50);
      for (let key = 0; key < 1_000; key++) storage.hit(`k-${key}`, TTL, 10, TTL, 'ip');
      expect(storage.size('ip')).toBe(50);
      expect(storage.hit('k-999', TTL, 10, TTL, 'ip').totalHits).toBe(2);
      expect(storage.hit('k-0', TTL, 10, TTL, 'ip').totalHits).toBe(1);
    });
  });
});
