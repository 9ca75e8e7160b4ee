import { chromium, expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { DEV_PASSWORD, startStack, type Stack } from '@steward/testing-util';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN } from './support/console';

/**
 * The console on 127.0.0.1 and the tenant on localhost are different sites, as a console and an
 * `*.auth0.com` tenant are; the browser blocks third-party cookies, as Safari, Firefox and Brave do.
 * The silent-auth iframe cannot see the tenant's session there, so a reload must come back through
 * one top-level `prompt=none` round trip (SessionRestore) — no sign-in page, same address.
 */
let stack: Stack;
let consoleUrl: string;
let tenantUrl: string;
const profiles: string[] = [];

test.beforeAll(async () => {
  stack = await startStack({ console: true, consoleHost: '127.0.0.1' });
  consoleUrl = stack.consoleUrl as string;
  tenantUrl = stack.tenantUrl;
});

test.afterAll(async () => {
  await stack?.stop();
  for (const profile of profiles) rmSync(profile, { recursive: true, force: true });
});

/**
 * Chromium with its own profile whose cookie setting blocks (or allows) third-party cookies — the
 * same setting as Settings › Privacy › Third-party cookies. Per browser: no machine-wide policy.
 */
async function launch(testInfo: TestInfo, thirdPartyCookies: 'block' | 'allow'): Promise<BrowserContext> {
  const profile = mkdtempSync(join(tmpdir(), 'steward-chromium-'));
  profiles.push(profile);
  mkdirSync(join(profile, 'Default'));
  // CookieControlsMode: 0 allows all cookies, 1 blocks third-party cookies.
  const cookieControlsMode = thirdPartyCookies === 'block' ? 1 : 0;
  writeFileSync(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ profile: { cookie_controls_mode: cookieControlsMode } }),
  );
  const { launchOptions, viewport } = testInfo.project.use;
  return chromium.launchPersistentContext(profile, { ...launchOptions, viewport });
}

/**
 * A site on both loopback names: `localhost` sets a `SameSite=None; Secure` cookie (sent
 * cross-site unless third-party cookies are blocked), and a page on `127.0.0.1` frames `localhost`.
 */
async function cookieProbe(): Promise<{
  url: (host: string, path: string) => string;
  framed: string[];
  close: () => void;
}> {
  const framed: string[] = [];
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://probe').pathname;
    response.setHeader('content-type', 'text/html');
    if (path === '/set') response.setHeader('set-cookie', 'probe=1; SameSite=None; Secure; Path=/');
    if (path === '/framed') framed.push(request.headers.cookie ?? '');
    if (path === '/top') return void response.end(`<iframe src="${url('localhost', '/framed')}"></iframe>`);
    response.end(path);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = (host: string, path: string) => `http://${host}:${(server.address() as AddressInfo).port}${path}`;
  return { url, framed, close: () => server.close() };
}

async function cookieInCrossSiteFrame(testInfo: TestInfo, thirdPartyCookies: 'block' | 'allow'): Promise<string> {
  const probe = await cookieProbe();
  const context = await launch(testInfo, thirdPartyCookies);
  try {
    const page = await context.newPage();
    await page.goto(probe.url('localhost', '/set'));
    await page.goto(probe.url('127.0.0.1', '/top'));
    await expect.poll(() => probe.framed.length).toBe(1);
    return probe.framed[0];
  } finally {
    await context.close();
    probe.close();
  }
}

/** Every address the tab's top-level document requests, in order, redirects included. */
function topLevelNavigations(page: Page): string[] {
  const urls: string[] = [];
  page.on('request', (request) => {
    if (request.isNavigationRequest() && request.frame() === page.mainFrame()) urls.push(request.url());
  });
  return urls;
}

/**
 * What the tenant answered the silent-auth iframe (`response_mode=web_message`); null when the SDK
 * removed the iframe before its body could be read (the answer was delivered; only the copy is gone).
 */
function silentAuthAnswers(page: Page): Promise<string | null>[] {
  const answers: Promise<string | null>[] = [];
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.pathname === '/authorize' && url.searchParams.get('response_mode') === 'web_message') {
      answers.push(response.text().catch(() => null));
    }
  });
  return answers;
}

function isAuthorize(url: string, prompt: string | null): boolean {
  const parsed = new URL(url);
  return (
    parsed.origin === tenantUrl && parsed.pathname === '/authorize' && parsed.searchParams.get('prompt') === prompt
  );
}

async function signIn(page: Page): Promise<void> {
  await page.goto(`${consoleUrl}/`);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`^${tenantUrl}/u/login/`));
  await page.getByLabel('Email address').fill(ADMIN);
  await page.getByLabel('Password').fill(DEV_PASSWORD);
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ada Admin');
}

/** Everything the console's origin keeps in web storage and cookies. */
async function storedByConsole(page: Page): Promise<string[]> {
  const storage = await page.evaluate(() =>
    [localStorage, sessionStorage].flatMap((area) =>
      Object.keys(area).map((key) => `${key}=${area.getItem(key) ?? ''}`),
    ),
  );
  const cookies = await page.context().cookies(consoleUrl);
  return [...storage, ...cookies.map((cookie) => `${cookie.name}=${cookie.value}`)];
}

const JWT_LIKE = /eyJ[\w-]+\.[\w-]+/;

test.describe('Reloading the console when it and the tenant are on different sites', () => {
  test('the test browser blocks third-party cookies (the reload tests would prove nothing otherwise)', async () => {
    const testInfo = test.info();
    // The control: the same probe does see the cookie when third-party cookies are allowed.
    await expect(cookieInCrossSiteFrame(testInfo, 'allow')).resolves.toContain('probe=1');
    await expect(cookieInCrossSiteFrame(testInfo, 'block')).resolves.toBe('');
  });

  test('a signed-in admin stays signed in, on the same address, when reloading the start page and a guarded page', async () => {
    const testInfo = test.info();
    const context = await launch(testInfo, 'block');
    try {
      const page = await context.newPage();
      await signIn(page);
      const navigations = topLevelNavigations(page);
      const silentAuth = silentAuthAnswers(page);
      let passwordPages = 0;
      page.on('framenavigated', (frame) => {
        if (frame.url().startsWith(`${tenantUrl}/u/login/`)) passwordPages += 1;
      });

      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome, Ada Admin');
      await expect(page).toHaveURL(`${consoleUrl}/`);
      // The iframe failed for want of the tenant's cookie; one top-level round trip brought the session back.
      expect(silentAuth).toHaveLength(1);
      expect((await silentAuth[0]) ?? 'login_required').toContain('login_required');
      expect(navigations.filter((url) => isAuthorize(url, 'none'))).toHaveLength(1);

      navigations.length = 0;
      const records = `${consoleUrl}/records?sort=title&status=active`;
      await page.goto(records);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Records');
      await expect(page).toHaveURL(records);
      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Records');
      await expect(page).toHaveURL(records);
      // One prompt=none trip per load, and never the sign-in guard's own (interactive) redirect first.
      expect(navigations.filter((url) => isAuthorize(url, 'none'))).toHaveLength(2);
      expect(navigations.filter((url) => isAuthorize(url, null))).toEqual([]);
      expect(passwordPages).toBe(0);

      const stored = await storedByConsole(page);
      expect(stored.filter((entry) => JWT_LIKE.test(entry) || /token/i.test(entry))).toEqual([]);
    } finally {
      await context.close();
    }
  });

  test('a reload after the tenant session ended goes through the tenant once, then shows the start page signed out', async () => {
    const testInfo = test.info();
    const context = await launch(testInfo, 'block');
    try {
      const page = await context.newPage();
      await signIn(page);
      // The tenant session ends behind the console's back (expired, or signed out elsewhere).
      await context.clearCookies({ domain: 'localhost' });
      const navigations = topLevelNavigations(page);

      await page.reload();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Welcome to Steward');
      await expect(page.getByRole('main').getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
      expect(navigations.filter((url) => isAuthorize(url, 'none'))).toHaveLength(1);

      // The console forgot the session: the next reload does not go through the tenant again.
      navigations.length = 0;
      await page.reload();
      await expect(page.getByRole('main').getByRole('button', { name: 'Sign in' })).toBeVisible();
      expect(navigations.filter((url) => new URL(url).origin === tenantUrl)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
