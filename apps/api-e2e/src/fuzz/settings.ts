import fc from 'fast-check';

/** One seed for every property, so a failing run replays exactly: `FUZZ_SEED=<n> npx nx e2e api-e2e …`. */
export const FUZZ_SEED = integerFromEnv('FUZZ_SEED', 20_250_611);

/**
 * Multiplies every property's run count; the default sizes the whole fuzz suite at about a minute
 * on a 2-core machine. `FUZZ_RUNS=30` for a half-hour soak.
 */
export const FUZZ_RUNS = integerFromEnv('FUZZ_RUNS', 1);

/** Jest timeout for one property: generous, since shrinking a crash restarts the API each time. */
export const propertyTimeout = (runs: number) => 60_000 + runs * FUZZ_RUNS * 500;

/**
 * Runs `property` with the suite's seed (and `examples` first, when given). A failure names the seed
 * and how to replay it, above fast-check's own report (counterexample, shrink path, the first error).
 */
export async function assertProperty<T>(
  property: fc.IAsyncProperty<T>,
  runs: number,
  { examples }: Pick<fc.Parameters<T>, 'examples'> = {},
): Promise<void> {
  const numRuns = runs * FUZZ_RUNS;
  const spec = expect.getState().testPath?.match(/src\/.*$/)?.[0] ?? 'src/fuzz/';
  try {
    await fc.assert(property, { seed: FUZZ_SEED, numRuns, ...(examples ? { examples } : {}) });
  } catch (error) {
    if (error instanceof Error) {
      error.message =
        `Fuzz failure with FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} (numRuns ${numRuns}); replay with the same ` +
        `values: FUZZ_SEED=${FUZZ_SEED} FUZZ_RUNS=${FUZZ_RUNS} npx nx run api-e2e:e2e --testPathPatterns=${spec}\n\n` +
        error.message;
    }
    throw error;
  }
}

function integerFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isSafeInteger(value) || value < 0)
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  return value;
}
