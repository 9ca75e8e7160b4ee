// How long and how big each part of the bench is: the full run, and the smoke run `npm test` uses.

/** Sizes and durations of a bench run. */
export const MODES = {
  full: {
    name: 'full',
    loadSeconds: 10,
    warmupSeconds: 2,
    freshApiPerScenario: true,
    // A fresh token for every measured request (≈ 15 000 req/s × 10 s at most), never one seen before:
    // the API remembers verified tokens, so a repeated one would measure the cache instead.
    distinctTokens: 160_000,
    warmupTokens: 10_000,
    sustained: { windows: 9, windowSeconds: 10 },
    rawVerifySeconds: 3,
    records: { small: 10_000, large: 1_000_000, requests: 200, deepRows: 3_000, timeoutMs: 5_000, cacheLarge: true },
  },
  smoke: {
    name: 'smoke',
    loadSeconds: 1,
    warmupSeconds: 0.3,
    freshApiPerScenario: false,
    distinctTokens: 200,
    warmupTokens: 50,
    sustained: { windows: 2, windowSeconds: 1 },
    rawVerifySeconds: 0.5,
    records: { small: 200, large: 2_000, requests: 10, deepRows: 100, timeoutMs: 5_000, cacheLarge: false },
  },
};
