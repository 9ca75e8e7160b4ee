#!/usr/bin/env node
// Seeds N realistic business records into an existing Steward database, for demos and the benchmark.
//
//   node tools/seed/seed-records.mjs --count 1000000 [--database-url mysql://root@127.0.0.1:3306/steward_bench]
//                                    [--org acme] [--owner 'auth0|seed'] [--seed 42]
//
// The database URL defaults to $DATABASE_URL, else sqlite:.data/steward.sqlite (the API's convention).
// The table must exist already: the API creates it with its migrations; this tool never touches the schema.
// Exit codes: 0 done, 1 database problem (one-line message), 2 bad arguments.
import { randomInt } from 'node:crypto';
import { parseArgs } from 'node:util';
import { createRecordFactory } from './generate.mjs';
import { SeedError, openTarget } from './targets.mjs';

const USAGE = `usage: node tools/seed/seed-records.mjs --count N [options]

  --count N             records to insert, 1..10000000 (required)
  --database-url URL    mysql://user:pass@host:port/db or sqlite:path
                        (default: $DATABASE_URL, else sqlite:.data/steward.sqlite)
  --org ID              org_id of the records (default: '' = no organization)
  --owner SUB           owner_sub and updated_by of the records (default: auth0|seed)
  --seed INT            PRNG seed 0..4294967295 for reproducible content (default: random, printed)
  --help                show this message`;

const OPTIONS = {
  count: { type: 'string' },
  'database-url': { type: 'string' },
  org: { type: 'string', default: '' },
  owner: { type: 'string', default: 'auth0|seed' },
  seed: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
};
const MAX_COUNT = 10_000_000;
const PROGRESS_EVERY = 100_000;

/** A bad command line: the CLI prints the message and the usage, and exits 2. */
class UsageError extends Error {}

function integerArg(name, text, min, max) {
  const value = /^\d+$/.test(text ?? '') ? Number(text) : NaN;
  if (!(value >= min && value <= max)) throw new UsageError(`--${name} must be an integer from ${min} to ${max}`);
  return value;
}

/**
 * Parses and validates the command line.
 * @param {string[]} argv arguments after the script name
 * @returns {{ help?: boolean, count?: number, url?: string, orgId?: string, ownerSub?: string, seed?: number }}
 */
function parseOptions(argv) {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: OPTIONS, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError(error.message);
  }
  if (values.help) return { help: true };
  if (values.count === undefined) throw new UsageError('--count is required');
  if (values.org.length > 64) throw new UsageError('--org must be at most 64 characters');
  if (!values.owner || values.owner.length > 255) throw new UsageError('--owner must be 1 to 255 characters');
  return {
    count: integerArg('count', values.count, 1, MAX_COUNT),
    url: values['database-url'] || process.env.DATABASE_URL || 'sqlite:.data/steward.sqlite',
    orgId: values.org,
    ownerSub: values.owner,
    seed: values.seed === undefined ? randomInt(2 ** 32) : integerArg('seed', values.seed, 0, 2 ** 32 - 1),
  };
}

function progressReporter(count, started) {
  let done = 0;
  let nextReport = PROGRESS_EVERY;
  return (rows) => {
    done += rows;
    if (done < nextReport || done === count) return;
    nextReport += PROGRESS_EVERY;
    const seconds = (performance.now() - started) / 1000;
    const percent = Math.floor((done / count) * 100);
    console.log(`  ${done}/${count} (${percent}%) ${seconds.toFixed(1)} s, ${Math.round(done / seconds)} rows/s`);
  };
}

/**
 * Generates `count` rows in batches and writes them, keeping up to `target.concurrency` batches in flight.
 * @param {Awaited<ReturnType<typeof openTarget>>} target
 * @param {number} count
 * @param {() => unknown[]} nextRow
 * @param {(rows: number) => void} onWritten
 */
async function writeAll(target, count, nextRow, onWritten) {
  const inFlight = new Set();
  for (let queued = 0; queued < count; ) {
    const rows = Array.from({ length: Math.min(target.batchSize, count - queued) }, nextRow);
    queued += rows.length;
    const pending = target.write(rows).then(() => {
      inFlight.delete(pending);
      onWritten(rows.length);
    });
    pending.catch(() => undefined);
    inFlight.add(pending);
    if (inFlight.size >= target.concurrency) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
}

async function seed({ count, url, orgId, ownerSub, seed }) {
  const target = await openTarget(url);
  try {
    console.log(`seeding ${count} records into ${target.label} (org '${orgId}', owner ${ownerSub}, --seed ${seed})`);
    const started = performance.now();
    await writeAll(
      target,
      count,
      createRecordFactory({ seed, orgId, ownerSub, count }),
      progressReporter(count, started),
    );
    const seconds = (performance.now() - started) / 1000;
    console.log(`seeded ${count} records in ${seconds.toFixed(1)} s (${Math.round(count / seconds)} rows/s)`);
  } finally {
    await target.close().catch(() => undefined);
  }
}

async function main() {
  try {
    const options = parseOptions(process.argv.slice(2));
    if (options.help) console.log(USAGE);
    else await seed(options);
  } catch (error) {
    if (error instanceof UsageError) {
      console.error(`seed-records: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else {
      const message = error instanceof SeedError ? error.message : `unexpected error: ${error?.message ?? error}`;
      console.error(`seed-records: ${message}`);
      process.exitCode = 1;
    }
  }
}

await main();
