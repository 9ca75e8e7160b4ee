import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fromRoot } from './workspace';

const CONFIG_LOADER_DIR = fromRoot('libs/api/config/util/src/lib');

/**
 * Every environment variable the API's config loader reads: the quoted upper-case names in its
 * sources (`required('DATABASE_URL', …)`, `env['HOST']`, `source['NODE_ENV']`). The loader is the
 * only reader of process.env, so this is the API's whole environment.
 */
export function apiEnvironmentNames(): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(CONFIG_LOADER_DIR)) {
    if (!file.endsWith('.ts') || file.endsWith('.spec.ts')) continue;
    const source = readFileSync(join(CONFIG_LOADER_DIR, file), 'utf8');
    for (const [, name] of source.matchAll(/'([A-Z][A-Z0-9_]*)'/g)) names.add(name);
  }
  return names;
}

/** The public routes of the health controller, as the API serves them (global prefix included). */
export function healthRoutes(): string[] {
  const controller = readFileSync(fromRoot('libs/api/core/feature/src/lib/health.controller.ts'), 'utf8');
  const httpApp = readFileSync(fromRoot('libs/api/core/feature/src/lib/http-app.ts'), 'utf8');
  const prefix = /setGlobalPrefix\('([^']+)'\)/.exec(httpApp)?.[1];
  const base = /@Controller\('([^']+)'\)/.exec(controller)?.[1];
  if (!prefix || !base) throw new Error('cannot read the global prefix or the health controller path');
  return [...controller.matchAll(/@Get\((?:'([^']*)')?\)/g)].map(
    ([, path]) => `/${[prefix, base, path].filter((part) => part !== undefined && part !== '').join('/')}`,
  );
}
