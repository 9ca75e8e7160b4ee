// The sustained run: Steward `GET /api/me` with rate limiting on (at a limit the load never reaches),
// requests/s per window on one API process; decay shows as later windows slower than the first.
import { measure } from '../lib/load.mjs';

/** Runs consecutive windows back to back on one fresh API process. */
export async function measureSustained({ startApi, tokens, mode, scratch, log }) {
  const { windows, windowSeconds } = mode.sustained;
  const api = await startApi();
  try {
    const results = [];
    for (let i = 0; i < windows; i++) {
      const options = { url: `${api.url}/api/me`, tokens: tokens.reused, seconds: windowSeconds, scratch };
      const result = await measure(api.pid, options, 0);
      if (result.non2xx > 0) log(`  window ${i + 1}: ${result.non2xx} non-2xx answers (rate limit tripped?)`);
      results.push({ rps: result.rps, cpuUsPerRequest: result.cpuUsPerRequest, non2xx: result.non2xx });
      log(
        `  window ${i + 1}/${windows} (${windowSeconds} s): ${Math.round(result.rps)} req/s, ${Math.round(result.cpuUsPerRequest)} µs CPU/req`,
      );
    }
    return { windowSeconds, windows: results };
  } finally {
    await api.stop();
  }
}
