// Management API calls per console view, counted at the real dev tenant (GET /__dev/management-calls):
// a Users list view and a user detail view, each the first time (cold) and again (warm), and the detail
// view of another user once the API has refreshed its role catalogue in the background.
import { join } from 'node:path';
import { startDevTenant, TENANT_PASSWORD } from '../lib/dev-tenant.mjs';
import { AUDIENCE } from '../lib/issuer.mjs';
import { startSteward } from '../lib/steward.mjs';

/** The API's role catalogue refresh period here (60 s by default): short, so a refresh can be awaited. */
const REFRESH_SECONDS = 5;

/** What the console asks the API for on each screen (libs/console/users). */
const VIEWS = {
  list: () => ['/api/users?page=0&perPage=25'],
  // The user page loads the user, and its roles panel loads the roles Steward manages.
  detail: (userId) => [`/api/users/${encodeURIComponent(userId)}`, '/api/roles'],
};

export async function measureManagement({ root, scratch, log }) {
  const tenant = await startDevTenant({ root, scratch, name: 'dev-tenant' });
  const tenantUrl = tenant.url;
  const startApi = (name, env) =>
    startSteward({
      root,
      scratch,
      name,
      issuer: `${tenantUrl}/`,
      databaseUrl: `sqlite:${join(scratch, `${name}.sqlite`)}`,
      env,
    });
  let api;
  try {
    const admin = await passwordGrant(tenantUrl, 'admin@steward.local');
    const [viewer, staff] = await Promise.all(
      ['viewer@steward.local', 'staff@steward.local'].map(async (email) =>
        JSON.parse(Buffer.from((await passwordGrant(tenantUrl, email)).split('.')[1], 'base64url')),
      ),
    );
    // An API as configured by default (the catalogue refreshes every 60 s, long after these views).
    api = await startApi('api-management');
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
    await api.stop();
    api = undefined;
    // An API refreshing every few seconds (its ticks would land in the views above, hence apart): the
    // roles panel reads the catalogue, the next tick reloads it, and right after, a user's page.
    api = await startApi('api-management-refresh', { MANAGEMENT_ROLES_REFRESH_SECONDS: String(REFRESH_SECONDS) });
    await count(['/api/roles']); // resets the counter first, so the reload that follows is seen
    await catalogueRefreshed(tenantUrl);
    result.detailRefreshed = await count(VIEWS.detail(staff.sub));
    log(`  detail after a role catalogue refresh: ${result.detailRefreshed.total} calls`);
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

/**
 * Waits until the tenant has counted, since its counter was last reset, the API's background reload
 * of the role catalogue (`GET /roles`, then each role's permissions) and nothing more for a while.
 */
async function catalogueRefreshed(tenantUrl) {
  const counter = `${tenantUrl}/__dev/management-calls`;
  const state = async () => (await fetch(counter)).json();
  const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
  const deadline = Date.now() + 3 * REFRESH_SECONDS * 1000;
  while (!(await state()).recent.some((call) => call.startsWith('GET /api/v2/roles?'))) {
    if (Date.now() > deadline) throw new Error('the API did not refresh its role catalogue');
    await pause(50);
  }
  // Done once no call has come for a while (each role's permissions follow the role list at once).
  let before;
  let after = (await state()).total;
  do {
    before = after;
    await pause(200);
    after = (await state()).total;
  } while (after !== before);
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
