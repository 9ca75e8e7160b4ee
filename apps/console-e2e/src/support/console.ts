import { expect, type Page } from '@playwright/test';
import { DEV_PASSWORD, passwordGrant } from '@steward/testing-util';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { stack } from './stack';

const { tenantUrl, apiUrl, consoleUrl } = stack();
export const loginPage = new RegExp(`^${tenantUrl}/u/login/`);

/** The seeded accounts and what their roles grant (SPEC §5). */
export const ADMIN = 'admin@steward.local';
export const STAFF = 'staff@steward.local';
export const VIEWER = 'viewer@steward.local';
export const SUPPORT = 'support@steward.local';

/** Fills the dev tenant's sign-in form (the browser must be on it). */
export async function submitLogin(page: Page, email: string, password = DEV_PASSWORD): Promise<void> {
  await expect(page).toHaveURL(loginPage);
  await page.getByLabel('Email address').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Continue' }).click();
}

/** Signs in from the console's start page, the way a person does; ends on the signed-in start page. */
export async function signIn(page: Page, email: string, password = DEV_PASSWORD): Promise<void> {
  await page.goto(consoleUrl);
  await page.getByRole('main').getByRole('button', { name: 'Sign in' }).click();
  await submitLogin(page, email, password);
  await expect(page.getByRole('heading', { level: 1, name: /^Welcome/ })).toBeVisible();
}

/** The main navigation's entries. */
export function menu(page: Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link');
}

/** Calls the Steward API directly with the user's own token, as a script (not the console) would. */
export async function apiAs(email: string) {
  const { access_token } = await passwordGrant(tenantUrl, email);
  return (path: string, init: RequestInit = {}) =>
    fetch(`${apiUrl}${path}`, {
      ...init,
      headers: {
        authorization: `Bearer ${access_token}`,
        ...(init.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...init.headers,
      },
    });
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const outputRoot = join(__dirname, '../../../../dist/console-e2e');

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  passes: unknown[];
}

/**
 * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now, saves the findings under
 * dist/console-e2e/axe/<screen>.json, and fails on any serious or critical violation.
 */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() =>
    (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(
      document,
      { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } },
    ),
  );
  const findings = result.violations.map(({ id, impact, help, nodes }) => ({
    id,
    impact,
    help,
    targets: nodes.map((node) => node.target.join(' ')),
  }));
  const file = join(outputRoot, 'axe', `${screen}.json`);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ screen, passes: result.passes.length, violations: findings }, null, 2));
  expect(findings.filter((finding) => finding.impact === 'serious' || finding.impact === 'critical')).toEqual([]);
}

/** Saves a full-page screenshot under dist/console-e2e/screenshots (referenced from the README). */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(outputRoot, 'screenshots', `${name}.png`), fullPage: true });
}

export { apiUrl, consoleUrl, tenantUrl };
