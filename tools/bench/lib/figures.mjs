// SPEC §9's targets as figures: each one a measured value, its target, the ratio and met / not met.
import { RECORD_QUERIES } from '../scenarios/records.mjs';

const AUTH_ROUTES = [
  ['me', '`GET /api/me`'],
  ['record', '`GET /api/records/:id`'],
];
const TOKEN_MODES = [
  ['distinct', 'distinct tokens'],
  ['reused', 'one reused token'],
];

/**
 * @typedef {{ id: string, label: string, value: string, target: string, ratio: number|null, met: boolean }} Figure
 * @returns {Figure[]}
 */
export function buildFigures(results) {
  // A run with --only measures some parts: each group of figures needs its parts' results.
  const when = (present, figures) => (present ? figures() : []);
  return [
    ...when(results.load, () => throughputFigures(results.load)),
    ...when(results.load, () => overheadFigures(results.load, results.rawVerify)),
    ...when(results.sustained, () => decayFigures(results.sustained)),
    ...when(results.records, () => recordFigures(results.records)),
    ...when(results.management, () => managementFigures(results.management)),
    ...when(results.bundle, () => [bundleFigure(results.bundle)]),
  ];
}

function atLeast(id, label, value, ratio, minimum) {
  return { id, label, value, target: `≥ ${minimum}×`, ratio, met: ratio >= minimum };
}

/** A distinct-token figure whose run sent some token twice measured a cache, not verification: not met. */
function distinctOnly(figure, ...results) {
  if (!results.some((result) => result.repeatedTokens)) return figure;
  return { ...figure, value: `${figure.value} (tokens repeated: invalid)`, met: false };
}

function atMost(id, label, value, ratio, maximum, target = `≤ ${maximum}×`) {
  return { id, label, value, target, ratio, met: ratio !== null && ratio <= maximum };
}

function throughputFigures(load) {
  const recipes = [
    ['expressJwtBearer', 'express-oauth2-jwt-bearer', 2],
    ['classic', 'the classic recipe', 4],
  ];
  return AUTH_ROUTES.flatMap(([route, routeLabel]) =>
    TOKEN_MODES.flatMap(([tokens, tokensLabel]) =>
      recipes.map(([recipe, recipeLabel, minimum]) => {
        const steward = load[`steward.${route}.${tokens}`];
        const other = load[`${recipe}.${tokens}`];
        return distinctOnly(
          atLeast(
            `throughput.${route}.${tokens}.${recipe}`,
            `${routeLabel} throughput vs ${recipeLabel}, ${tokensLabel}`,
            `${rps(steward.rps)} vs ${rps(other.rps)} req/s`,
            steward.rps / other.rps,
            minimum,
          ),
          steward,
          other,
        );
      }),
    ),
  );
}

function overheadFigures(load, rawVerify) {
  const raw = rawVerify.microsPerVerify;
  const publicCpu = load['steward.health'].cpuUsPerRequest;
  const overhead = (tokens) => load[`steward.me.${tokens}`].cpuUsPerRequest - publicCpu;
  const bare = load.bareNest.cpuUsPerRequest;
  return [
    distinctOnly(
      atMost(
        'overhead.distinct',
        'auth overhead (`/api/me` − `/api/health` CPU), distinct tokens, vs raw RS256 verify',
        `${us(overhead('distinct'))} vs ${us(raw)}`,
        overhead('distinct') / raw,
        1.5,
      ),
      load['steward.me.distinct'],
    ),
    atMost(
      'overhead.reused',
      'auth overhead, one reused token, vs raw RS256 verify',
      `${us(overhead('reused'))} vs ${us(raw)}`,
      overhead('reused') / raw,
      0.25,
      '≈ 0 (≤ 0.25×)',
    ),
    atMost(
      'public.bareNest',
      'public route (`/api/health`) CPU vs bare Nest on Fastify',
      `${us(publicCpu)} vs ${us(bare)}`,
      publicCpu / bare,
      2,
    ),
  ];
}

function decayFigures({ windows, windowSeconds }) {
  const first = windows[0].rps;
  const last = windows.at(-1).rps;
  return [
    atLeast(
      'sustained.noDecay',
      `no decay: last ${windowSeconds} s vs first ${windowSeconds} s of \`/api/me\` (${windows.length * windowSeconds} s, rate limiting on)`,
      `${rps(last)} vs ${rps(first)} req/s`,
      last / first,
      0.9,
    ),
  ];
}

function recordFigures({ small, large }) {
  return Object.entries(RECORD_QUERIES).map(([key, { label }]) => {
    const [a, b] = [small.queries[key], large.queries[key]];
    const ratio = a.timedOut || b.timedOut ? null : b.p99Ms / a.p99Ms;
    const show = (result) => (result.timedOut ? `timed out (> ${small.timeoutMs / 1000} s)` : ms(result.p99Ms));
    return atMost(
      `records.${key}`,
      `\`GET /api/records\` ${label}: p99 at ${count(large.rows)} vs ${count(small.rows)} rows`,
      `${show(b)} vs ${show(a)}`,
      ratio,
      1.5,
    );
  });
}

function managementFigures(management) {
  const views = [
    ['listCold', 'Users list view, cold', 1],
    ['listWarm', 'Users list view, warm', 1],
    ['detailCold', 'user detail view, cold', 2],
    ['detailWarm', 'user detail view, warm', 2],
    ['detailRefreshed', 'user detail view after a role catalogue refresh', 2],
  ];
  return views.map(([view, label, maximum]) => {
    const calls = management[view].total;
    return {
      id: `management.${view}`,
      label: `Management API calls per ${label}`,
      value: String(calls),
      target: `≤ ${maximum}`,
      ratio: null,
      met: calls <= maximum,
    };
  });
}

function bundleFigure(bundle) {
  const later = bundle.files.filter((file) => !file.listedInIndexHtml).length;
  return {
    id: 'bundle.gzip',
    label: 'console JavaScript before the first screen, gzip',
    value: `${kb(bundle.gzipBytes)} gzip (${kb(bundle.rawBytes)} raw; ${bundle.files.length} files: ${bundle.files.length - later} listed in index.html, ${later} fetched at start-up)`,
    target: '≤ 150 kB',
    ratio: bundle.gzipBytes / 150_000,
    met: bundle.gzipBytes <= 150_000,
  };
}

export const rps = (value) => Math.round(value).toLocaleString('en-US');
export const us = (value) => `${value.toFixed(0)} µs`;
export const ms = (value) => `${value.toFixed(1)} ms`;
export const kb = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;
const count = (rows) =>
  rows >= 1_000_000 ? `${rows / 1_000_000} M` : rows >= 1000 ? `${rows / 1000} k` : String(rows);
