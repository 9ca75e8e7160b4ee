// `GET /api/records` latency, one client, sequential requests: the same five queries on a small and
// a large database. A request that outlives the timeout ends its scenario (reported, never waited for).
import { killQueries } from '../lib/database.mjs';

/** The queries measured; `deep` pages from a cursor found by walking `deepRows` rows first. */
export const RECORD_QUERIES = {
  first: { label: 'first page', query: '' },
  deep: { label: 'deep cursor', query: 'limit=100' },
  status: { label: 'status filter', query: 'status=archived' },
  qNone: { label: '`q`, no match', query: 'q=zzqxv' },
  qSome: { label: '`q`, some match', query: 'q=Northwind' },
};

/**
 * @returns {Promise<Record<string, { p50Ms: number|null, p99Ms: number|null, rows: number|null, timedOut: boolean }>>}
 */
export async function measureRecords({ apiUrl, token, database, mode, log }) {
  const { requests, deepRows, timeoutMs } = mode.records;
  const get = (query) => timedGet(`${apiUrl}/api/records?${query}`, token, timeoutMs);
  const results = {};
  for (const [key, { query }] of Object.entries(RECORD_QUERIES)) {
    let full = query;
    if (key === 'deep') {
      const cursor = await walk(get, deepRows);
      full = cursor ? `${query}&cursor=${encodeURIComponent(cursor)}` : null;
    }
    results[key] = full === null ? failed() : await sample(get, full, requests);
    if (results[key].timedOut) await killQueries(database);
    const { p50Ms, p99Ms, timedOut } = results[key];
    log(
      `  ${key}: ${timedOut ? `timed out (> ${timeoutMs} ms)` : `p50 ${p50Ms.toFixed(1)} ms, p99 ${p99Ms.toFixed(1)} ms`}`,
    );
  }
  return results;
}

/** Pages through `rows` rows with limit 100 and returns the cursor of the page after them. */
async function walk(get, rows) {
  let cursor;
  for (let seen = 0; seen < rows; seen += 100) {
    const answer = await get(`limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (answer.timedOut || !answer.body.nextCursor) return undefined;
    cursor = answer.body.nextCursor;
  }
  return cursor;
}

async function sample(get, query, requests) {
  for (let i = 0; i < 3; i++) if ((await get(query)).timedOut) return failed(); // warm the caches
  const times = [];
  let rows = null;
  for (let i = 0; i < requests; i++) {
    const answer = await get(query);
    if (answer.timedOut) return failed();
    times.push(answer.ms);
    rows = answer.body.items.length;
  }
  return { p50Ms: percentile(times, 50), p99Ms: percentile(times, 99), rows, timedOut: false };
}

function failed() {
  return { p50Ms: null, p99Ms: null, rows: null, timedOut: true };
}

async function timedGet(url, token, timeoutMs) {
  const started = performance.now();
  try {
    const response = await fetch(url, {
      headers: { authorization: `Bearer ${token}` },
      signal: AbortSignal.timeout(timeoutMs),
    });
    const body = await response.json();
    if (!response.ok) throw new Error(`${url}: ${response.status} ${JSON.stringify(body)}`);
    return { ms: performance.now() - started, body, timedOut: false };
  } catch (error) {
    if (error.name === 'TimeoutError') return { timedOut: true };
    throw error;
  }
}

/** Nearest-rank percentile of `values` (milliseconds). */
export function percentile(values, p) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}
