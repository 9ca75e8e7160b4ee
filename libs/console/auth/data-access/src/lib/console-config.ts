import { InjectionToken } from '@angular/core';

/**
 * What the console needs to know about its deployment, read at start-up from `/config.json`,
 * so one build serves the dev tenant and a real Auth0 tenant.
 */
export interface ConsoleConfig {
  /** Auth0 domain, e.g. `acme.eu.auth0.com`, or the dev tenant's `http://localhost:4600`. */
  auth0Domain: string;
  auth0ClientId: string;
  /** The Steward API's identifier in Auth0. */
  auth0Audience: string;
  /** Origin of the Steward API, e.g. `https://api.acme.com`. Tokens go only there. */
  apiUrl: string;
}

export const CONSOLE_CONFIG = new InjectionToken<ConsoleConfig>('ConsoleConfig');

const KEYS: (keyof ConsoleConfig)[] = ['auth0Domain', 'auth0ClientId', 'auth0Audience', 'apiUrl'];

/** Fetches and checks the runtime configuration; a missing key stops the console with a clear message. */
export async function loadConsoleConfig(url = '/config.json'): Promise<ConsoleConfig> {
  const response = await fetch(url, { cache: 'no-store' });
  if (!response.ok) throw new Error(`Cannot load ${url}: HTTP ${response.status}`);
  const raw = (await response.json()) as Partial<Record<keyof ConsoleConfig, unknown>>;
  const missing = KEYS.filter((key) => typeof raw[key] !== 'string' || raw[key] === '');
  if (missing.length > 0) throw new Error(`${url} lacks ${missing.join(', ')}`);
  const config = raw as ConsoleConfig;
  return { ...config, apiUrl: new URL(config.apiUrl).origin };
}
