// The console's start-up JavaScript, as SPEC §9 counts it ("auth0-spa-js alone is ~63 kB gzip": the
// SDK counts): every script the console's origin serves before the first screen shows, in headless
// Chromium against the built console, the dev tenant and the API. Two page loads:
//   - a first visit, signed out, until the start page offers "Sign in";
//   - a reload while signed in, until the start page says "Welcome, <name>" (after GET /api/me).
// Each script is counted from the built file, raw and gzipped (zlib level 9); the figure is the larger
// load. Beside it: what index.html itself lists (<script src>, modulepreload), the part a build shows.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveConsole } from '../lib/console-site.mjs';
import { startDevTenant, TENANT_PASSWORD } from '../lib/dev-tenant.mjs';
import { AUDIENCE } from '../lib/issuer.mjs';
import { freePort } from '../lib/processes.mjs';
import { startSteward } from '../lib/steward.mjs';

const ADMIN = 'admin@steward.local';
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FIRST_SCREEN_TIMEOUT_MS = 60_000;

export async function measureBundle({ root, scratch, log }) {
  const dir = join(root, 'dist/apps/console/browser');
  const indexHtml = sizes(dir, initialScripts(readFileSync(join(dir, 'index.html'), 'utf8')));
  if (indexHtml.files.length === 0) throw new Error(`no scripts found in ${join(dir, 'index.html')}`);
  const loads = await measureLoads({ root, scratch, dir, log });
  const listed = new Set(indexHtml.files.map((file) => file.name));
  const largest = [loads.signedOut, loads.signedInReload].sort((a, b) => b.gzipBytes - a.gzipBytes)[0];
  for (const file of largest.files) file.listedInIndexHtml = listed.has(file.name);
  return { ...largest, loads, indexHtml };
}

async function measureLoads({ root, scratch, dir, log }) {
  const stops = [];
  try {
    const port = await freePort();
    const consoleUrl = `http://localhost:${port}`;
    const tenant = await startDevTenant({ root, scratch, name: 'dev-tenant-console', consoleOrigins: [consoleUrl] });
    stops.push(tenant.stop);
    const api = await startSteward({
      root,
      scratch,
      name: 'api-console',
      issuer: `${tenant.url}/`,
      databaseUrl: `sqlite:${join(scratch, 'console.sqlite')}`,
      corsOrigin: consoleUrl,
    });
    stops.push(api.stop);
    const config = {
      auth0Domain: tenant.url,
      auth0ClientId: 'steward-console',
      auth0Audience: AUDIENCE,
      apiUrl: api.url,
    };
    stops.push((await serveConsole({ dir, port, config })).stop);
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking'],
    });
    stops.push(() => browser.close());
    const page = await browser.newPage();
    page.setDefaultTimeout(FIRST_SCREEN_TIMEOUT_MS);
    const scripts = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.origin === consoleUrl && url.pathname.endsWith('.js')) scripts.push(url.pathname.slice(1));
    });
    const signIn = page.getByRole('main').getByRole('button', { name: 'Sign in' });

    await page.goto(consoleUrl);
    await signIn.waitFor();
    const signedOut = sizes(dir, scripts.splice(0));
    log(`  first visit, signed out: ${signedOut.files.length} scripts`);

    await signIn.click();
    await page.getByLabel('Email address').fill(ADMIN);
    await page.getByLabel('Password').fill(TENANT_PASSWORD);
    await page.getByRole('button', { name: 'Continue' }).click();
    const welcome = page.getByRole('heading', { level: 1, name: /^Welcome, / });
    await welcome.waitFor();
    scripts.length = 0;
    await page.reload();
    await welcome.waitFor();
    const signedInReload = sizes(dir, scripts.splice(0));
    log(`  reload, signed in: ${signedInReload.files.length} scripts`);
    return { signedOut, signedInReload };
  } finally {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
  }
}

/** Raw and gzip (level 9) sizes of built files, each counted once. */
function sizes(dir, names) {
  const files = [...new Set(names)].map((name) => {
    const content = readFileSync(join(dir, name));
    return { name, rawBytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const sum = (key) => files.reduce((total, file) => total + file[key], 0);
  return { files, rawBytes: sum('rawBytes'), gzipBytes: sum('gzipBytes') };
}

/** src of every <script> and href of every <link rel="modulepreload">, in document order. */
function initialScripts(html) {
  const names = [];
  for (const [tag] of html.matchAll(/<(script|link)\b[^>]*>/gi)) {
    const attribute = (name) => tag.match(new RegExp(`\\b${name}\\s*=\\s*["']([^"']+)["']`, 'i'))?.[1];
    const file = tag.toLowerCase().startsWith('<script')
      ? attribute('src')
      : attribute('rel') === 'modulepreload'
        ? attribute('href')
        : undefined;
    if (file && !/^(https?:)?\/\//.test(file)) names.push(file.replace(/^\//, ''));
  }
  return names;
}
