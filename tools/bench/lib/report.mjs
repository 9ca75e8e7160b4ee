// The bench's output: the targets table (printed and in dist/bench/report.md) and every raw figure
// (dist/bench/report.json).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RECORD_QUERIES } from '../scenarios/records.mjs';
import { kb, ms, rps, us } from './figures.mjs';

const LOAD_LABELS = {
  'steward.health': 'Steward `GET /api/health` (public)',
  'steward.me.reused': 'Steward `GET /api/me`, one reused token',
  'steward.me.distinct': 'Steward `GET /api/me`, distinct tokens',
  'steward.record.reused': 'Steward `GET /api/records/:id`, one reused token',
  'steward.record.distinct': 'Steward `GET /api/records/:id`, distinct tokens',
  bareNest: 'bare Nest on Fastify (no auth)',
  'expressJwtBearer.reused': 'Express + express-oauth2-jwt-bearer, one reused token',
  'expressJwtBearer.distinct': 'Express + express-oauth2-jwt-bearer, distinct tokens',
  'classic.reused': 'classic recipe (Nest/Express + passport-jwt + jwks-rsa), one reused token',
  'classic.distinct': 'classic recipe, distinct tokens',
};

/** The targets table in markdown. */
export function targetsTable(figures) {
  const rows = figures.map(
    (f) =>
      `| ${f.label} | ${f.value} | ${f.ratio === null ? '—' : `${f.ratio.toFixed(2)}×`} | ${f.target} | ${f.met ? 'met' : '**not met**'} |`,
  );
  return ['| figure | measured | ratio | target | |', '|---|---|---:|---|---|', ...rows].join('\n');
}

/** The raw measurements behind the ratios, in markdown (the parts this run measured). */
function measurementsTable(results) {
  const sections = [];
  if (results.load) sections.push(loadTable(results));
  if (results.sustained) {
    const windows = results.sustained.windows.map((w) => rps(w.rps)).join(', ');
    sections.push(`Sustained \`GET /api/me\`, req/s per ${results.sustained.windowSeconds}-s window: ${windows}.`);
  }
  if (results.records) sections.push(recordsTable(results.records));
  if (results.management) sections.push(managementCalls(results.management).join('\n'));
  if (results.bundle) sections.push(bundleLines(results.bundle).join('\n'));
  return sections.join('\n\n');
}

/** What the console's start-up JavaScript figure counts, file by file (gzip level 9). */
function bundleLines({ loads, indexHtml }) {
  const list = (files) => files.map((f) => `${f.name} ${kb(f.gzipBytes)}`).join(', ');
  const load = (label, { files, gzipBytes }) => `- ${label}: ${kb(gzipBytes)} (${list(files)})`;
  return [
    'Console JavaScript before the first screen (headless Chromium, built files, gzip level 9):',
    '',
    load('first visit, signed out, until "Sign in" shows', loads.signedOut),
    load('reload while signed in, until "Welcome, <name>" shows', loads.signedInReload),
    load('of which index.html lists', indexHtml),
  ];
}

function loadTable(results) {
  const load = Object.entries(LOAD_LABELS).map(([key, label]) => {
    const r = results.load[key];
    return `| ${label} | ${rps(r.rps)} | ${ms(r.p50Ms)} / ${ms(r.p99Ms)} | ${us(r.cpuUsPerRequest)} |`;
  });
  return [
    '| server, scenario | req/s | latency p50 / p99 | server CPU per request |',
    '|---|---:|---:|---:|',
    ...load,
    `| raw RS256 verify with a parsed KeyObject (in process) | — | — | ${us(results.rawVerify.microsPerVerify)} |`,
  ].join('\n');
}

function recordsTable(records) {
  const { small, large } = records;
  const rows = Object.entries(RECORD_QUERIES).map(([key, { label }]) => {
    const show = (size) => {
      const q = records[size].queries[key];
      return q.timedOut ? 'timed out' : `${ms(q.p50Ms)} / ${ms(q.p99Ms)}`;
    };
    return `| ${label} | ${show('small')} | ${show('large')} |`;
  });
  return [
    `| \`GET /api/records\`, p50 / p99 | ${small.rows.toLocaleString('en-US')} rows | ${large.rows.toLocaleString('en-US')} rows${large.reused ? ' (cached database)' : ''} |`,
    '|---|---:|---:|',
    ...rows,
  ].join('\n');
}

const VIEW_LABELS = {
  detailCold: 'user detail view, cold',
  detailWarm: 'user detail view, warm',
  listCold: 'Users list view, cold',
  listWarm: 'Users list view, warm',
  detailRefreshed: "another user's detail view after a role catalogue refresh",
};

function managementCalls(management) {
  return Object.entries(management).map(
    ([key, { total, calls }]) =>
      `Management API calls, ${VIEW_LABELS[key]}: ${total}${total ? ` (${calls.map((c) => `\`${c}\``).join(', ')})` : ''}.`,
  );
}

function header(run) {
  const pinning = run.pinned ? 'server pinned to core 1, load on core 0 (`taskset`)' : 'no CPU pinning';
  const parts = run.only ? ` (only ${run.only.join(', ')})` : '';
  return [
    `Mode **${run.mode}**${parts}, ${run.startedAt}, ${run.cpus} cores, load average ${run.loadAverage.map((l) => l.toFixed(1)).join(' / ')} at start;`,
    `${pinning}; load generator ${run.loadGenerator}, 10 connections; distinct-token runs send each of ${run.distinctTokens.toLocaleString('en-US')} tokens at most once (a run that runs out is marked invalid).`,
  ].join('\n');
}

/** Writes report.md and report.json into `outDir` and returns the markdown. */
export function writeReport(outDir, run, results, figures) {
  const markdown = [
    '# Steward bench report',
    '',
    header(run),
    '',
    targetsTable(figures),
    '',
    '## Measurements',
    '',
    measurementsTable(results),
    '',
  ].join('\n');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'report.md'), markdown);
  writeFileSync(join(outDir, 'report.json'), `${JSON.stringify({ run, figures, results }, null, 2)}\n`);
  return markdown;
}
