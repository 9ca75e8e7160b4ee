// Throughput, latency and server CPU per request: Steward's routes and the recipes it is compared
// with, each server measured alone on the server core, with one reused token and with distinct ones.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { measure } from '../lib/load.mjs';
import { pinned, SERVER_CORE } from '../lib/processes.mjs';
import { startRecipe } from '../lib/recipes.mjs';

/**
 * Steward's scenarios. In full mode each gets a fresh API process (`startApi(name)`), so each one
 * measures the same first seconds of a process that the recipes get, whatever ran before it.
 */
export async function measureSteward({ startApi, recordId, tokens, mode, scratch, log }) {
  const scenarios = {
    'steward.health': { path: '/api/health', tokens: [] },
    'steward.me.reused': { path: '/api/me', tokens: tokens.reused },
    'steward.me.distinct': { path: '/api/me', tokens: tokens.distinct, warmupTokens: tokens.warmup },
    'steward.record.reused': { path: `/api/records/${recordId}`, tokens: tokens.reused },
    'steward.record.distinct': {
      path: `/api/records/${recordId}`,
      tokens: tokens.distinct,
      warmupTokens: tokens.warmup,
    },
  };
  const results = {};
  let api;
  try {
    for (const [key, scenario] of Object.entries(scenarios)) {
      if (mode.freshApiPerScenario || !api) {
        await api?.stop();
        api = await startApi(key);
      }
      results[key] = await measureOne(api.pid, `${api.url}${scenario.path}`, scenario, mode, scratch);
      log(`  ${key}: ${summary(results[key])}`);
    }
  } finally {
    await api?.stop();
  }
  return results;
}

/** The recipes: bare Nest (no auth), then each auth recipe with a reused and with distinct tokens. */
export async function measureRecipes({ issuer, tokens, mode, scratch, log }) {
  const runs = [
    ['bareNest', [['bareNest', { tokens: [] }]]],
    [
      'expressJwtBearer',
      [
        ['expressJwtBearer.reused', { tokens: tokens.reused }],
        ['expressJwtBearer.distinct', { tokens: tokens.distinct, warmupTokens: tokens.warmup }],
      ],
    ],
    [
      'classic',
      [
        ['classic.reused', { tokens: tokens.reused }],
        ['classic.distinct', { tokens: tokens.distinct, warmupTokens: tokens.warmup }],
      ],
    ],
  ];
  const results = {};
  for (const [recipe, scenarios] of runs) {
    const server = await startRecipe(recipe, { issuer: issuer.url, scratch });
    try {
      for (const [key, scenarioTokens] of scenarios) {
        results[key] = await measureOne(server.pid, server.url, scenarioTokens, mode, scratch);
        log(`  ${key}: ${summary(results[key])}`);
      }
    } finally {
      await server.stop();
    }
  }
  return results;
}

/** CPU time of one RS256 verify with a parsed KeyObject, measured in a child on the server core. */
export function measureRawVerify(mode) {
  const [command, args] = pinned(SERVER_CORE, process.execPath, [
    join(import.meta.dirname, '../recipes/raw-verify.mjs'),
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, BENCH_SECONDS: String(mode.rawVerifySeconds) } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) =>
      code === 0 ? resolve(JSON.parse(output)) : reject(new Error(`raw verify failed:\n${output}`)),
    );
  });
}

/** `tokens` (and `warmupTokens`, when the warm-up must not spend the measured ones) drive `url`. */
async function measureOne(pid, url, { tokens, warmupTokens }, mode, scratch) {
  const options = { url, tokens, warmupTokens, seconds: mode.loadSeconds, scratch };
  const result = await measure(pid, options, mode.warmupSeconds);
  if (result.non2xx > 0 || result.errors > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx answers and ${result.errors} errors under load`);
  }
  return result;
}

function summary(result) {
  const repeated = result.repeatedTokens ? ' (ran out of distinct tokens: some were sent twice)' : '';
  return `${Math.round(result.rps)} req/s, p50 ${result.p50Ms.toFixed(2)} ms, p99 ${result.p99Ms.toFixed(2)} ms, ${Math.round(result.cpuUsPerRequest)} µs CPU/req${repeated}`;
}
