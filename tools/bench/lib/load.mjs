// The load driver: wrk when installed (one thread on the load core), autocannon otherwise. Either
// sends GETs over `connections` keep-alive connections, cycling through `tokens` (none: no header).
import autocannon from 'autocannon';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOAD_CORE, cpuMicros, pinned } from './processes.mjs';

const WRK_SCRIPT = join(import.meta.dirname, 'wrk-tokens.lua');
// BENCH_LOAD_GENERATOR=autocannon forces autocannon even where wrk is installed.
const hasWrk =
  process.env.BENCH_LOAD_GENERATOR !== 'autocannon' &&
  spawnSync('wrk', ['--version'], { stdio: 'ignore' }).error === undefined;

/** The generator this run uses. */
export const loadGenerator = hasWrk ? 'wrk' : 'autocannon';

/**
 * @typedef {{ requests: number, seconds: number, rps: number, p50Ms: number, p99Ms: number,
 *   non2xx: number, errors: number }} LoadResult
 */

/**
 * Drives `url` for `seconds` (whole seconds with wrk).
 * @param {{ url: string, tokens?: string[], seconds: number, connections?: number, scratch: string }} options
 * @returns {Promise<LoadResult>}
 */
export function runLoad({ url, tokens = [], seconds, connections = 10, scratch }) {
  return hasWrk
    ? runWrk(url, tokenFile(tokens, join(scratch, 'tokens')), Math.max(1, Math.round(seconds)), connections)
    : runAutocannon(url, tokens, seconds, connections);
}

/**
 * Warms `url` up (with `warmupTokens` when given, else `tokens`), then drives it and reads the
 * server's CPU time around the measured part. `repeatedTokens` tells that a run meant to send a
 * distinct token per request ran out of them and sent some twice.
 * @param {{ url: string, tokens?: string[], warmupTokens?: string[], seconds: number, scratch: string }} options
 * @returns {Promise<LoadResult & { cpuUsPerRequest: number, repeatedTokens: boolean }>}
 */
export async function measure(pid, options, warmupSeconds) {
  const { warmupTokens, ...measured } = options;
  if (warmupSeconds > 0)
    await runLoad({ ...measured, tokens: warmupTokens ?? measured.tokens, seconds: warmupSeconds });
  const before = cpuMicros(pid);
  const result = await runLoad(measured);
  const cpu = cpuMicros(pid) - before;
  const tokenCount = measured.tokens?.length ?? 0;
  return {
    ...result,
    cpuUsPerRequest: result.requests > 0 ? cpu / result.requests : NaN,
    repeatedTokens: tokenCount > 1 && result.requests > tokenCount,
  };
}

const tokenFiles = new WeakMap();

function tokenFile(tokens, scratch) {
  if (tokens.length === 0) return '';
  let file = tokenFiles.get(tokens);
  if (!file) {
    mkdirSync(scratch, { recursive: true });
    file = join(scratch, `tokens-${tokens.length}-${Math.random().toString(36).slice(2, 8)}.txt`);
    writeFileSync(file, tokens.join('\n'));
    tokenFiles.set(tokens, file);
  }
  return file;
}

function runWrk(url, tokensFile, seconds, connections) {
  const [command, args] = pinned(LOAD_CORE, 'wrk', [
    '-t1',
    `-c${connections}`,
    `-d${seconds}s`,
    '--timeout',
    '10s',
    '-s',
    WRK_SCRIPT,
    url,
  ]);
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, BENCH_TOKENS: tokensFile } });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', () => {
      const line = output.split('\n').find((text) => text.startsWith('BENCH_RESULT '));
      if (!line) return reject(new Error(`wrk gave no result for ${url}:\n${output}`));
      const raw = JSON.parse(line.slice('BENCH_RESULT '.length));
      const measured = raw.durationUs / 1e6;
      resolve({
        requests: raw.requests,
        seconds: measured,
        rps: raw.requests / measured,
        p50Ms: raw.p50Us / 1000,
        p99Ms: raw.p99Us / 1000,
        non2xx: raw.non2xx,
        errors: raw.errors,
      });
    });
  });
}

async function runAutocannon(url, tokens, seconds, connections) {
  let next = 0;
  const authorize = (request) => {
    next = (next + 1) % tokens.length;
    return { ...request, headers: { ...request.headers, authorization: `Bearer ${tokens[next]}` } };
  };
  const result = await autocannon({
    url,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [tokens.length > 0 ? { method: 'GET', setupRequest: authorize } : { method: 'GET' }],
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    rps: result.requests.total / result.duration,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}
