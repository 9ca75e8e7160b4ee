#!/usr/bin/env node
// `npm run bench`: measures everything SPEC §9 sets a target for, in one run, and reports each figure
// with its target, the ratio and whether it is met (dist/bench/report.md and report.json).
//
//   node tools/bench/bench.mjs [--smoke] [--only part,…] [--out dir]
//
// Needs the builds of the API, the dev tenant and the console (the Nx targets bench:bench and bench:e2e
// build them first) and MariaDB/MySQL at $TEST_DATABASE_URL (default mysql://root@127.0.0.1:3306);
// uses wrk when installed, autocannon otherwise. --smoke runs every part for about a second on tiny
// databases: `npm test` runs it so the bench cannot rot. Its numbers mean nothing. --only runs some
// parts (records, throughput, sustained, management, bundle) and reports their figures alone, into
// dist/bench/only-<parts> unless --out says otherwise, so it never overwrites a full report.
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { createDatabase, databaseUrl, dropDatabase, freshDatabaseName, someRecordId } from './lib/database.mjs';
import { buildFigures } from './lib/figures.mjs';
import { distinctTokens, startIssuer } from './lib/issuer.mjs';
import { loadGenerator } from './lib/load.mjs';
import { MODES } from './lib/modes.mjs';
import { pinning, pinSelfToLoadCore } from './lib/processes.mjs';
import { targetsTable, writeReport } from './lib/report.mjs';
import { openCachedDatabase, seedRecords } from './lib/seeding.mjs';
import { startSteward } from './lib/steward.mjs';
import { measureBundle } from './scenarios/bundle.mjs';
import { measureManagement } from './scenarios/management.mjs';
import { measureRecords } from './scenarios/records.mjs';
import { measureSustained } from './scenarios/sustained.mjs';
import { measureRawVerify, measureRecipes, measureSteward } from './scenarios/throughput.mjs';

/** The large database kept between full runs (reseeded only when its rows or migrations change). */
const CACHED_DATABASE = process.env.BENCH_CACHED_DATABASE || 'steward_bench_cache_1m';
const API = 'dist/apps/api/main.js';
/** The builds each part runs. */
const BUILDS = {
  records: [API],
  throughput: [API],
  sustained: [API],
  management: [API, 'dist/apps/dev-tenant/main.js'],
  bundle: ['dist/apps/console/browser/index.html'],
};

const root = resolve(import.meta.dirname, '../..');
const PARTS = ['records', 'throughput', 'sustained', 'management', 'bundle'];
const { values: args } = parseArgs({
  options: { smoke: { type: 'boolean' }, only: { type: 'string' }, out: { type: 'string' } },
});
const mode = args.smoke ? MODES.smoke : MODES.full;
const only = args.only?.split(',').map((part) => part.trim());
const unknown = only?.filter((part) => !PARTS.includes(part)) ?? [];
if (unknown.length > 0 || only?.length === 0) {
  console.error(`bench: --only takes a comma-separated list of ${PARTS.join(', ')}; got "${args.only}"`);
  process.exit(2);
}
/** Whether this run measures `part` (every part unless --only narrows it). */
const wants = (part) => !only || only.includes(part);
// A smoke run or a partial run never overwrites the latest full report.
const defaultOut = `dist/bench${args.smoke ? '/smoke' : ''}${only ? `/only-${only.join('-')}` : ''}`;
const outDir = resolve(args.out ?? join(root, defaultOut));
const scratch = join(outDir, 'run');
const started = performance.now();
const log = (line) => console.log(`${((performance.now() - started) / 1000).toFixed(1).padStart(6)} s  ${line}`);

async function main() {
  const builds = new Set(PARTS.filter(wants).flatMap((part) => BUILDS[part]));
  const missing = [...builds].filter((file) => !existsSync(join(root, file)));
  if (missing.length > 0)
    throw new Error(`build first (npx nx run-many -t build -p api dev-tenant console): missing ${missing.join(', ')}`);
  rmSync(scratch, { recursive: true, force: true });
  mkdirSync(scratch, { recursive: true });
  pinSelfToLoadCore();
  const run = {
    mode: mode.name,
    startedAt: new Date().toISOString(),
    cpus: cpus().length,
    loadAverage: loadavg(),
    pinned: pinning(),
    loadGenerator,
    distinctTokens: wants('throughput') || wants('sustained') ? mode.distinctTokens : 0,
    ...(only ? { only } : {}),
  };
  const results = await measureAll();
  run.seconds = Math.round((Date.now() - Date.parse(run.startedAt)) / 1000);
  const figures = buildFigures(results);
  writeReport(outDir, run, results, figures);
  console.log(`\n${targetsTable(figures)}\n`);
  const met = figures.filter((figure) => figure.met).length;
  console.log(`${met} of ${figures.length} targets met in ${run.seconds} s; report: ${join(outDir, 'report.md')}`);
}

async function measureAll() {
  const cleanUps = [];
  const results = {};
  try {
    // Smoke mode counts Management calls beside the rest: the count does not depend on load.
    const management =
      wants('management') && !mode.freshApiPerScenario ? measureManagement({ root, scratch, log }) : undefined;
    management?.catch(() => undefined);
    if (wants('records') || wants('throughput') || wants('sustained')) await measureOnApi(results, cleanUps);
    if (wants('management')) {
      log('Management API calls per view (dev tenant)');
      results.management = await (management ?? measureManagement({ root, scratch, log }));
    }
    if (wants('bundle')) {
      log('console JavaScript before the first screen (headless Chromium)');
      results.bundle = await measureBundle({ root, scratch, log });
    }
    return results;
  } finally {
    for (const cleanUp of cleanUps.reverse())
      await cleanUp().catch((error) => console.error(`clean-up: ${error.message}`));
    rmSync(join(scratch, 'tokens'), { recursive: true, force: true });
  }
}

/** The parts that run Steward's API on MariaDB: records (small, then large), throughput, sustained. */
async function measureOnApi(results, cleanUps) {
  const issuer = await startIssuer();
  cleanUps.push(issuer.stop);
  const loadParts = wants('throughput') || wants('sustained');
  const distinct = loadParts ? mode.distinctTokens : 0;
  const warmup = loadParts ? mode.warmupTokens : 0;
  if (distinct > 0) log(`signing ${distinct} distinct tokens (+ ${warmup} for warm-ups)`);
  const signed = await distinctTokens(issuer, warmup + distinct);
  const tokens = {
    reused: [issuer.token()],
    // Warm-ups never use a token the measured part will send.
    warmup: signed.slice(0, warmup),
    distinct: signed.slice(warmup),
  };
  const apiOn = (name, database, timeoutMs) => (scenario) =>
    startSteward({
      root,
      scratch,
      name: scenario ? `${name}-${scenario}` : name,
      issuer: issuer.url,
      databaseUrl: databaseUrl(database),
      timeoutMs,
    });

  const small = await createDatabase(freshDatabaseName('steward_bench_run'));
  cleanUps.push(() => dropDatabase(small));
  // Smoke mode: one API process on the small database serves every scenario (starts are most of its time).
  const onSmall = (name) => shareable(small, apiOn(name, small), cleanUps);
  // The throughput part reads one record of the small database, so it is seeded even without records.
  if (wants('records') || wants('throughput')) {
    log(`records on ${mode.records.small} rows (${small})`);
    const measured = await recordsOn({
      name: small,
      rows: mode.records.small,
      seedRows: mode.records.small,
      startApi: onSmall('api-records-small'),
      tokens,
      cached: false,
      measure: wants('records'),
    });
    if (measured) results.records = { small: measured };
  }

  const context = { issuer, tokens, mode, scratch, log };
  if (wants('throughput')) {
    log('raw RS256 verify');
    results.rawVerify = await measureRawVerify(mode);
    log(`throughput: Steward${mode.freshApiPerScenario ? ' (a fresh API process per scenario)' : ''}`);
    const steward = await measureSteward({
      ...context,
      startApi: onSmall('api'),
      recordId: await someRecordId(small),
    });
    log('throughput: recipes');
    results.load = { ...steward, ...(await measureRecipes(context)) };
  }
  if (wants('sustained')) {
    log(`sustained: ${mode.sustained.windows} × ${mode.sustained.windowSeconds} s`);
    results.sustained = await measureSustained({ ...context, startApi: onSmall('api-sustained') });
  }

  if (wants('records')) {
    // Full mode: the cached large database. Smoke mode: the small one grown, on the same API process.
    const cached = mode.records.cacheLarge;
    const large = cached ? CACHED_DATABASE : small;
    log(`records on ${mode.records.large} rows (${large})`);
    results.records.large = await recordsOn({
      name: large,
      rows: mode.records.large,
      seedRows: mode.records.large - mode.records.small,
      // A first start on a large database may run a migration over every row: give it time.
      startApi: cached ? apiOn('api-records-large', large, 30 * 60_000) : onSmall('api-records-large'),
      tokens,
      cached,
    });
  }
}

const sharedApis = new Map();

/** In smoke mode, the first API process started on `database` serves every later start; it stops at clean-up. */
function shareable(database, start, cleanUps) {
  if (mode.freshApiPerScenario) return start;
  return async (scenario) => {
    if (!sharedApis.has(database)) {
      const starting = start(scenario).then((api) => {
        cleanUps.push(api.stop);
        return api;
      });
      sharedApis.set(database, starting);
    }
    return { ...(await sharedApis.get(database)), stop: async () => undefined };
  };
}

/**
 * Seeds `seedRows` more records into database `name` (or opens the cached one with `rows` records) and
 * measures the list queries on it.
 */
async function recordsOn({ name, rows, seedRows, startApi, tokens, cached, measure = true }) {
  let api;
  let reused = false;
  if (cached) {
    ({ api, reused } = await openCachedDatabase({ root, name, rows, startApi, log }));
    if (reused) log(`  reusing ${name}: ${rows} records, migrations unchanged`);
  } else {
    api = await startApi();
    await seedRecords(root, name, seedRows, log);
  }
  try {
    if (!measure) return undefined;
    const queries = await measureRecords({ apiUrl: api.url, token: tokens.reused[0], database: name, mode, log });
    return { rows, reused, timeoutMs: mode.records.timeoutMs, queries };
  } finally {
    await api.stop();
  }
}

main().catch((error) => {
  console.error(`bench: ${error.stack ?? error}`);
  process.exitCode = 1;
});
