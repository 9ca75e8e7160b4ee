// Starts the servers the bench compares Steward with (tools/bench/recipes), one at a time, pinned to the server core.
import { join } from 'node:path';
import { AUDIENCE } from './issuer.mjs';
import { freePort, startServer } from './processes.mjs';

/** Each recipe: its script and the route the load hits. */
export const RECIPES = {
  bareNest: { script: 'bare-nest.mjs', path: '/hello', label: 'bare Nest on Fastify' },
  expressJwtBearer: { script: 'express-jwt-bearer.mjs', path: '/api/me', label: 'Express + express-oauth2-jwt-bearer' },
  classic: { script: 'nest-passport-jwt.mjs', path: '/api/me', label: 'Nest on Express + passport-jwt + jwks-rsa' },
};

/**
 * @param {keyof typeof RECIPES} name
 * @returns {Promise<{ url: string, pid: number, stop(): Promise<void> }>} url: the route under load
 */
export async function startRecipe(name, { issuer, scratch }) {
  const recipe = RECIPES[name];
  const port = await freePort();
  const url = `http://127.0.0.1:${port}${recipe.path}`;
  const server = await startServer({
    name,
    script: join(import.meta.dirname, '../recipes', recipe.script),
    cwd: scratch,
    logFile: join(scratch, `${name}.log`),
    readyUrl: url,
    anyStatus: true,
    env: { NODE_ENV: 'production', PORT: String(port), ISSUER: issuer, AUDIENCE },
  });
  return { url, pid: server.pid, stop: server.stop };
}
