// Management API calls per console view, counted at the real dev tenant (GET /__dev/management-calls):
// a Users list view and a user detail view, each the first time (cold) and again (warm).
import { join } from 'node:path';
import { startDevTenant, TENANT_PASSWORD } from '../lib/dev-tenant.mjs';
import { AUDIENCE } from '../lib/issuer.mjs';
import { startSteward } from '../lib/steward.mjs';

/** What the console asks the API for on each screen (libs/console/users). */
const VIEWS = {
  list: () => ['/api/users?page=0&perPage=25'],
  // The user page loads the user, and its roles panel loads the roles Steward manages.
  detail: (userId) => [`/api/users/${encodeURIComponent(userId)}`, '/api/roles'],
};

export async function measureManagement({ root, scratch, log }) {
  const tenant = await startDevTenant({ root, scratch, name: 'dev-tenant' });
  const tenantUrl = tenant.url;
  let api;
  try {
    api = await startSteward({
      root,
      scratch,
      name: 'api-management',
      issuer: `${tenantUrl}/`,
      databaseUrl: `sqlite:${join(scratch, 'management.sqlite')}`,
    });
    const admin = await passwordGrant(tenantUrl, 'admin@steward.local');
    const viewer = JSON.parse(
      Buffer.from((await passwordGrant(tenantUrl, 'viewer@steward.local')).split('.')[1], 'base64url'),
    );
    const count = (paths) => callsFor(tenantUrl, api.url, admin, paths);
    // Detail first: a list view would warm the cache the detail view reads.
    const result = {};
    for (const [view, paths] of [
      ['detail', VIEWS.detail(viewer.sub)],
      ['list', VIEWS.list()],
    ]) {
      result[`${view}Cold`] = await count(paths);
      result[`${view}Warm`] = await count(paths);
      log(`  ${view}: ${result[`${view}Cold`].total} calls cold, ${result[`${view}Warm`].total} warm`);
    }
    return result;
  } finally {
    await api?.stop();
    await tenant.stop();
  }
}

/** Resets the tenant's counter, makes one view's API calls, and reads how many Management calls they cost. */
async function callsFor(tenantUrl, apiUrl, token, paths) {
  const counter = `${tenantUrl}/__dev/management-calls`;
  await fetch(counter, { method: 'DELETE' });
  for (const path of paths) {
    const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status} ${await response.text()}`);
  }
  const state = await (await fetch(counter)).json();
  return { total: state.total, calls: state.recent };
}

async function passwordGrant(tenantUrl, username) {
  const response = await fetch(`${tenantUrl}/oauth/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'password',
      client_id: 'steward-cli',
      username,
      password: TENANT_PASSWORD,
      audience: AUDIENCE,
      scope: 'openid',
    }),
  });
  const body = await response.json();
  if (!response.ok) throw new Error(`password grant for ${username}: ${body.error}: ${body.error_description}`);
  return body.access_token;
}
